namespace BatchFunctions.Functions.Entities;

/// <summary>An answering machine's greeting ended and the attempt's TwiML said the voicemail message after it.</summary>
/// <param name="AnsweredBy">Twilio's verdict that the greeting ended: machine_end_beep, machine_end_silence or machine_end_other.</param>
public sealed record VoicemailMessageLeft(int Attempt, string AnsweredBy, DateTimeOffset At);
