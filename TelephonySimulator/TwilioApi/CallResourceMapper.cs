using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TelephonySimulator.Calls;

namespace TelephonySimulator.TwilioApi;

/// <summary>Renders a call as Twilio's REST resource.</summary>
internal static class CallResourceMapper
{
    public static string CallsUri(string accountSid) =>
        string.Create(CultureInfo.InvariantCulture, $"/{TwilioWebhookParameters.ApiVersion}/Accounts/{accountSid}/Calls");

    public static CallResource ToResource(CallSnapshot call)
    {
        var callUri = CallsUri(call.Request.AccountSid) + "/" + call.Sid;
        return new CallResource(
            Sid: call.Sid,
            DateCreated: TwilioDates.ToRfc2822(call.CreatedAt),
            DateUpdated: TwilioDates.ToRfc2822(call.UpdatedAt),
            ParentCallSid: null,
            AccountSid: call.Request.AccountSid,
            To: call.Request.To,
            ToFormatted: FormatForDisplay(call.Request.To),
            From: call.Request.From,
            FromFormatted: FormatForDisplay(call.Request.From),
            PhoneNumberSid: PhoneNumberSid(call.Request.AccountSid, call.Request.From),
            Status: call.Status.ToWire(),
            StartTime: TwilioDates.ToRfc2822(call.StartedAt),
            EndTime: TwilioDates.ToRfc2822(call.EndedAt),
            Duration: call.DurationSeconds?.ToString(CultureInfo.InvariantCulture),

            // Twilio prices a call some time after it ends; a simulator never bills.
            Price: null,
            PriceUnit: "USD",
            Direction: TwilioWebhookParameters.OutboundApiDirection,
            AnsweredBy: call.AnsweredBy,
            ApiVersion: TwilioWebhookParameters.ApiVersion,
            ForwardedFrom: null,
            GroupSid: null,
            CallerName: null,
            QueueTime: ((long)call.QueueTime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            TrunkSid: null,
            Uri: callUri + ".json",
            SubresourceUris: CallSubresourceUris.For(callUri));
    }

    /// <summary>Twilio shows North American numbers as <c>(415) 555-1212</c> and others in E.164.</summary>
    private static string FormatForDisplay(string number) =>
        number.Length == 12 && number.StartsWith("+1", StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"({number[2..5]}) {number[5..8]}-{number[8..]}")
            : number;

    /// <summary>The caller id is an incoming phone number of the account; its SID is stable per (account, number).</summary>
    private static string PhoneNumberSid(string accountSid, string from)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(accountSid + "|" + from));
        return "PN" + Convert.ToHexStringLower(hash, 0, 16);
    }
}
