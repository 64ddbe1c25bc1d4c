using System.Globalization;
using TelephonySimulator.Calls;

namespace TelephonySimulator.TwilioApi;

/// <summary>The form fields of Twilio's voice webhooks for an outbound API call.</summary>
internal static class TwilioWebhookParameters
{
    public const string ApiVersion = "2010-04-01";
    public const string OutboundApiDirection = "outbound-api";

    /// <summary>The request to the answer <c>Url</c> when the callee picks up.</summary>
    public static List<KeyValuePair<string, string>> Answer(CallSnapshot call)
    {
        var parameters = Common(call, CallStatus.InProgress.ToWire());
        AddIfPresent(parameters, "AnsweredBy", call.AnsweredBy);
        return parameters;
    }

    /// <summary>One status callback; the terminal one (event <c>completed</c>) carries the call's end details.</summary>
    public static List<KeyValuePair<string, string>> StatusCallback(
        CallSnapshot call,
        CallEvent callEvent,
        string callStatus,
        int sequenceNumber,
        DateTimeOffset timestamp)
    {
        var parameters = Common(call, callStatus);
        parameters.Add(new("SequenceNumber", sequenceNumber.ToString(CultureInfo.InvariantCulture)));
        parameters.Add(new("Timestamp", TwilioDates.ToRfc2822(timestamp)));
        parameters.Add(new("CallbackSource", "call-progress-events"));
        if (callEvent == CallEvent.Answered)
        {
            AddIfPresent(parameters, "AnsweredBy", call.AnsweredBy);
        }
        else if (callEvent == CallEvent.Completed)
        {
            var seconds = call.DurationSeconds ?? 0;
            parameters.Add(new("CallDuration", seconds.ToString(CultureInfo.InvariantCulture)));

            // Duration is in billed minutes, rounded up.
            parameters.Add(new("Duration", ((seconds + 59) / 60).ToString(CultureInfo.InvariantCulture)));
            AddIfPresent(parameters, "SipResponseCode", call.SipResponseCode?.ToString(CultureInfo.InvariantCulture));
            AddIfPresent(parameters, "ErrorCode", call.ErrorCode?.ToString(CultureInfo.InvariantCulture));
            AddIfPresent(parameters, "AnsweredBy", call.AnsweredBy);
        }

        return parameters;
    }

    private static List<KeyValuePair<string, string>> Common(CallSnapshot call, string callStatus) =>
    [
        new("AccountSid", call.Request.AccountSid),
        new("ApiVersion", ApiVersion),
        new("CallSid", call.Sid),
        new("CallStatus", callStatus),
        new("Called", call.Request.To),
        new("Caller", call.Request.From),
        new("Direction", OutboundApiDirection),
        new("From", call.Request.From),
        new("To", call.Request.To),
    ];

    private static void AddIfPresent(List<KeyValuePair<string, string>> parameters, string key, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new(key, value));
        }
    }
}
