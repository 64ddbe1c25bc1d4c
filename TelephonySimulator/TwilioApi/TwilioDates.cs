using System.Globalization;

namespace TelephonySimulator.TwilioApi;

/// <summary>Twilio writes dates in RFC 2822 form, always in UTC: <c>Tue, 31 Aug 2010 20:36:28 +0000</c>.</summary>
internal static class TwilioDates
{
    public static string ToRfc2822(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static string? ToRfc2822(DateTimeOffset? value) => value is { } date ? ToRfc2822(date) : null;

    /// <summary>
    /// Parses a list filter value: <c>YYYY-MM-DD</c> as Twilio documents it, or the full ISO 8601 instant the C# SDK
    /// sends (<c>yyyy-MM-ddTHH:mm:ssZ</c>).
    /// </summary>
    public static bool TryParseFilter(string? value, out DateTimeOffset instant, out bool dateOnly)
    {
        dateOnly = false;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            dateOnly = true;
            instant = new DateTimeOffset(date, TimeOnly.MinValue, TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(
            value,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out instant);
    }
}
