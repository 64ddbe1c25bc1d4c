using BatchFunctions.Domain;

namespace BatchFunctions.Providers.Twilio;

/// <summary>What Twilio's REST error codes mean for a batch (see Twilio's error dictionary).</summary>
public static class TwilioErrors
{
    public static TwilioErrorKind Classify(int httpStatus, int code) => code switch
    {
        20429 => TwilioErrorKind.Transient,
        21211 or 21214 or 21215 or 21216 or 21217 => TwilioErrorKind.Recipient,
        20003 or 20005 or 21210 or 21212 or 21213 or 20404 => TwilioErrorKind.Configuration,
        _ when httpStatus is 429 or >= 500 => TwilioErrorKind.Transient,
        _ when httpStatus is 401 or 403 => TwilioErrorKind.Configuration,
        _ => TwilioErrorKind.Recipient,
    };

    /// <summary>A sentence the operator can act on; Twilio's own message follows it.</summary>
    public static string Describe(int code, string? twilioMessage)
    {
        var advice = code switch
        {
            20003 => "Twilio rejected the credentials: check Twilio__AccountSid and Twilio__AuthToken.",
            20005 => "The Twilio account is suspended or closed.",
            21210 => "The caller id is not a number verified or bought in this Twilio account.",
            21212 => "The caller id is not a valid phone number.",
            21211 => "Twilio says the number is invalid.",
            21214 => "Twilio cannot reach this number.",
            21215 => "The account's geo permissions forbid calling this country: enable it in Twilio's Voice geographic permissions.",
            21216 => "Twilio has blocked calls to this number.",
            21217 => "Twilio says the number is not valid.",
            _ => "Twilio refused the call.",
        };
        return string.IsNullOrWhiteSpace(twilioMessage) ? $"{advice} (Twilio {code})" : $"{advice} (Twilio {code}: {twilioMessage})";
    }

    public static FailureReason ReasonFor(TwilioErrorKind kind) => kind switch
    {
        TwilioErrorKind.Configuration => FailureReason.ConfigurationError,
        TwilioErrorKind.Transient => FailureReason.ProviderUnavailable,
        _ => FailureReason.NumberRejected,
    };
}
