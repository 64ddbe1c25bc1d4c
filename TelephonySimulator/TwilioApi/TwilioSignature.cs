using System.Security.Cryptography;
using System.Text;

namespace TelephonySimulator.TwilioApi;

/// <summary>Computes <c>X-Twilio-Signature</c> exactly as Twilio does.</summary>
public static class TwilioSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>
    /// Base64(HMAC-SHA1(authToken, url + key1 + value1 + key2 + value2 ...)) with the parameters sorted by key,
    /// ordinally, and the URL exactly as requested (for GET requests the parameters are in the URL and none follow).
    /// </summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var payload = new StringBuilder(url);
        foreach (var parameter in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            payload.Append(parameter.Key).Append(parameter.Value);
        }

#pragma warning disable CA5350 // Twilio's webhook signature is defined as HMAC-SHA1; anything else would not validate.
        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(payload.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }
}
