using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>
/// ElevenLabs' webhook signature: header <c>ElevenLabs-Signature: t={unix seconds},v0={hex HMAC-SHA256}</c>, the HMAC
/// keyed with the webhook secret over <c>"{t}.{raw body}"</c> (as the official SDK's <c>constructEvent</c> checks it).
/// </summary>
internal static class PostCallSignature
{
    public const string HeaderName = "ElevenLabs-Signature";

    public static string Compute(string secret, long timestamp, string body)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return "t=" + t + ",v0=" + Convert.ToHexStringLower(mac);
    }
}
