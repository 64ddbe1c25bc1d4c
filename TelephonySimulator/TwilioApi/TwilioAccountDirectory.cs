using System.Security.Cryptography;
using System.Text;

namespace TelephonySimulator.TwilioApi;

/// <summary>The configured Twilio accounts: who may call the REST API, and which token signs whose webhooks.</summary>
internal sealed class TwilioAccountDirectory(SimulatorOptions options)
{
    public string? FindAuthToken(string accountSid) =>
        options.TwilioAccounts.FirstOrDefault(a => string.Equals(a.AccountSid, accountSid, StringComparison.Ordinal))?.AuthToken;

    public bool IsValid(string accountSid, string authToken)
    {
        var expected = FindAuthToken(accountSid);
        return expected is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(authToken));
    }
}
