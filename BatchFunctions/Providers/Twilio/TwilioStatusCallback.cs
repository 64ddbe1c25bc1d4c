using System.Globalization;
using BatchFunctions.Domain;
using Microsoft.AspNetCore.Http;

namespace BatchFunctions.Providers.Twilio;

/// <summary>Reads Twilio's status callback form (call-progress events).</summary>
public static class TwilioStatusCallback
{
    /// <returns>The progress, or null with <paramref name="error"/> naming the field at fault.</returns>
    public static CallProgress? Parse(IFormCollection form, int attempt, DateTimeOffset receivedAt, out string? error)
    {
        var callSid = form["CallSid"].ToString();
        if (callSid.Length == 0)
        {
            error = "CallSid is missing.";
            return null;
        }

        if (ParseStatus(form["CallStatus"].ToString()) is not { } status)
        {
            error = $"CallStatus '{form["CallStatus"]}' is not a Twilio call status.";
            return null;
        }

        if (!int.TryParse(form["SequenceNumber"], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            error = "SequenceNumber is missing or not a number.";
            return null;
        }

        error = null;
        return new CallProgress(
            attempt,
            callSid,
            status,
            sequence,
            receivedAt,
            OptionalInt(form, "CallDuration"),
            form["AnsweredBy"].ToString() is { Length: > 0 } answeredBy ? answeredBy : null,
            OptionalInt(form, "ErrorCode"),
            OptionalInt(form, "SipResponseCode"),
            form["To"].ToString() is { Length: > 0 } to ? to : null);
    }

    public static ProviderCallStatus? ParseStatus(string value) => value switch
    {
        "queued" => ProviderCallStatus.Queued,
        "initiated" => ProviderCallStatus.Initiated,
        "ringing" => ProviderCallStatus.Ringing,
        "in-progress" => ProviderCallStatus.InProgress,
        "completed" => ProviderCallStatus.Completed,
        "busy" => ProviderCallStatus.Busy,
        "no-answer" => ProviderCallStatus.NoAnswer,
        "failed" => ProviderCallStatus.Failed,
        "canceled" => ProviderCallStatus.Canceled,
        _ => null,
    };

    private static int? OptionalInt(IFormCollection form, string key) =>
        int.TryParse(form[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
