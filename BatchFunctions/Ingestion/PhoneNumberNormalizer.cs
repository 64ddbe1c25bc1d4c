using System.Text.RegularExpressions;
using PhoneNumbers;

namespace BatchFunctions.Ingestion;

/// <summary>Turns phone numbers as people and spreadsheets write them into E.164.</summary>
public static partial class PhoneNumberNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <returns>The E.164 number, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static string? Normalize(string raw, string defaultRegion, out string? error)
    {
        var text = raw.Trim().TrimStart('\'').Trim();
        if (text.Length == 0)
        {
            error = "The phone number is empty.";
            return null;
        }

        if (ScientificNotation().IsMatch(text))
        {
            error = "Excel turned this number into scientific notation and dropped digits. Format the column as Text, re-enter the numbers and export again.";
            return null;
        }

        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = string.Concat("+", text.AsSpan(2));
        }

        try
        {
            var number = Util.Parse(text, defaultRegion);
            if (!Util.IsValidNumber(number))
            {
                error = $"Not a valid phone number (read with default region {defaultRegion}). Write it in international form, e.g. +14155550123.";
                return null;
            }

            error = null;
            return Util.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            error = "Not a phone number. Write it in international form, e.g. +14155550123.";
            return null;
        }
    }

    [GeneratedRegex(@"^\+?\d+(\.\d+)?[eE]\+?\d+$")]
    private static partial Regex ScientificNotation();
}
