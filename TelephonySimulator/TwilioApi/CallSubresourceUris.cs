namespace TelephonySimulator.TwilioApi;

/// <summary>The <c>subresource_uris</c> of a Twilio call resource.</summary>
internal sealed record CallSubresourceUris(
    string Feedback,
    string Notifications,
    string Recordings,
    string Streams,
    string Payments,
    string UserDefinedMessageSubscriptions,
    string UserDefinedMessages,
    string Events,
    string Siprec,
    string Transcriptions)
{
    public static CallSubresourceUris For(string callUriWithoutExtension) => new(
        callUriWithoutExtension + "/Feedback.json",
        callUriWithoutExtension + "/Notifications.json",
        callUriWithoutExtension + "/Recordings.json",
        callUriWithoutExtension + "/Streams.json",
        callUriWithoutExtension + "/Payments.json",
        callUriWithoutExtension + "/UserDefinedMessageSubscriptions.json",
        callUriWithoutExtension + "/UserDefinedMessages.json",
        callUriWithoutExtension + "/Events.json",
        callUriWithoutExtension + "/Siprec.json",
        callUriWithoutExtension + "/Transcriptions.json");
}
