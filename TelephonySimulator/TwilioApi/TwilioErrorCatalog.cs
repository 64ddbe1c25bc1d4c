using System.Globalization;

namespace TelephonySimulator.TwilioApi;

/// <summary>Twilio's HTTP statuses and messages for the error codes the simulator can be told to return.</summary>
internal static class TwilioErrorCatalog
{
    public static int HttpStatusOf(int code) => code switch
    {
        20003 => 401,
        20404 => 404,
        20429 => 429,
        >= 20500 and <= 20599 => code - 20000,
        _ => 400,
    };

    public static int CodeOf(int httpStatus) => httpStatus switch
    {
        401 => 20003,
        404 => 20404,
        429 => 20429,
        >= 500 and <= 599 => 20000 + httpStatus,
        _ => 20001,
    };

    public static string MessageOf(int code, string? to, string? from) => code switch
    {
        20003 => "Authenticate",
        20429 => "Too Many Requests",
        20500 => "An internal server error has occurred",
        20503 => "Service Unavailable",
        21210 => Invariant($"The source phone number provided, {from}, is not yet verified for your account. You may only make calls from phone numbers that you've verified or purchased from Twilio."),
        21211 => Invariant($"Invalid 'To' Phone Number: {to}"),
        21212 => Invariant($"Invalid From Number (caller ID): {from}"),
        21214 => "'To' phone number cannot be reached",
        21215 => Invariant($"Account not authorized to call {to}. Perhaps you need to enable some international permissions: https://www.twilio.com/console/voice/calls/geo-permissions/low-risk"),
        21216 => Invariant($"Account not allowed to call {to}: the number is blocked"),
        21217 => "Phone number does not appear to be valid",
        _ => Invariant($"Twilio error {code} (simulated)"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
