using System.Globalization;

namespace BatchFunctions.Domain;

/// <summary>
/// The rules of a voicemail message: what a batch or a recipient may ask to be left on an answering machine,
/// and when Twilio's answering-machine detection says it is time to say it.
/// </summary>
public static class VoicemailMessages
{
    /// <summary>
    /// Twilio's &lt;Say&gt; reads up to 4,096 characters, but voicemail boxes stop recording after one to three
    /// minutes; 1,000 characters is about 70 seconds of text-to-speech, so the end of the message is not cut off.
    /// </summary>
    public const int MaxLength = 1000;

    /// <returns>Null when the message can be left; otherwise what to fix, for the field or column that holds it.</returns>
    public static string? Problem(string message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "The voicemail message is empty; write the words to leave after the beep, or leave the setting out.";
        }

        if (message.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The voicemail message is {message.Length:N0} characters long; the limit is {MaxLength:N0} ")
                + "(about 70 seconds of speech, which most voicemail boxes record in full). Shorten it.";
        }

        // Text-to-speech has nothing to say for them, and XML (the TwiML that carries the message) cannot hold most of them.
        if (message.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            return "The voicemail message holds a control character (as pasted text sometimes does); remove it.";
        }

        return null;
    }

    /// <summary>
    /// Twilio's verdicts under DetectMessageEnd that a machine's greeting has ended (at the beep, after silence, or
    /// otherwise): what is said now is recorded. <c>machine_start</c> (detection "Enable") comes at the start of the
    /// greeting, so a message said then would be talked over and lost.
    /// </summary>
    public static bool IsGreetingEnd(string? answeredBy) =>
        answeredBy is "machine_end_beep" or "machine_end_silence" or "machine_end_other";

    /// <summary>A call that may leave a message must wait for the greeting's end before Twilio asks for its TwiML.</summary>
    public static TelephonyCallConfig DetectingMessageEnd(TelephonyCallConfig telephony) =>
        telephony with { TwilioMachineDetection = new TwilioMachineDetection(MachineDetectionMode.DetectMessageEnd) };
}
