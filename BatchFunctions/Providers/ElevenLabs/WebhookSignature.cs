using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>
/// Checks ElevenLabs' webhook signature exactly as the official SDK's <c>webhooks.constructEvent</c> does: header
/// <c>ElevenLabs-Signature: t={unix seconds},v0={hex HMAC-SHA256}</c>, the HMAC keyed with the webhook secret over
/// <c>"{t}.{raw body}"</c>, and a timestamp no older than <see cref="Tolerance"/> (the SDK's 30 minutes). The SDK
/// accepts any future timestamp; we also refuse one more than the tolerance ahead, which no honest clock makes.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "ElevenLabs-Signature";

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(30);

    public static WebhookCheck Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header) || string.IsNullOrEmpty(secret))
        {
            return new WebhookCheck(WebhookVerdict.NotSigned);
        }

        var parts = header.Split(',', StringSplitOptions.TrimEntries);
        var t = parts.FirstOrDefault(p => p.StartsWith("t=", StringComparison.Ordinal))?[2..];
        var v0 = parts.FirstOrDefault(p => p.StartsWith("v0=", StringComparison.Ordinal));
        if (t is null || v0 is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return new WebhookCheck(WebhookVerdict.Malformed);
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var expected = Compute(secret, t, body);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(v0)))
        {
            return new WebhookCheck(WebhookVerdict.Forged);
        }

        return (now - signedAt).Duration() > Tolerance
            ? new WebhookCheck(WebhookVerdict.Stale, v0, signedAt)
            : new WebhookCheck(WebhookVerdict.Valid, v0, signedAt);
    }

    /// <returns><c>v0=</c> and the hex HMAC of "{t}.{body}".</returns>
    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }
}
