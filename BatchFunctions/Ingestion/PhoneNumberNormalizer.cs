using System.Globalization;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Turns phone numbers as people and spreadsheets write them into E.164: numeric cells, a leading
/// apostrophe, spaces, dashes, dots and parentheses, a leading 00 for +, a missing +, and scientific
/// notation when it still holds every digit.
/// </summary>
public static partial class PhoneNumberNormalizer
{
    /// <summary>The shortest international number (country code included) taken for one whose + was lost;
    /// shorter digit strings are national numbers of the default region far more often.</summary>
    private const int MissingPlusMinimumDigits = 11;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <returns>The E.164 number, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static string? Normalize(CellValue cell, string defaultRegion, out string? error)
    {
        switch (cell.Kind)
        {
            case CellKind.Boolean:
                error = "The cell holds TRUE or FALSE, not a phone number.";
                return null;
            case CellKind.Date:
                error = "The spreadsheet reads this cell as a date, not a phone number. Format the column as Text and type the number again.";
                return null;
            case CellKind.Number when cell.Number < 0 || cell.Number != Math.Floor(cell.Number) || cell.Number >= 1e15:
                error = "The cell holds a number that cannot be a phone number. Format the column as Text and type the number in international form, e.g. +14155550123.";
                return null;
            case CellKind.Number:
                // A numeric cell has lost the + and any leading zero; its digits are all that is left.
                return Normalize(((long)cell.Number).ToString(CultureInfo.InvariantCulture), defaultRegion, out error);
            default:
                return Normalize(cell.Text, defaultRegion, out error);
        }
    }

    /// <returns>The E.164 number, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static string? Normalize(string raw, string defaultRegion, out string? error)
    {
        var text = raw.Trim().TrimStart('\'').Trim();
        if (text.Length == 0)
        {
            error = "The phone number is empty.";
            return null;
        }

        if (ScientificNotation().Match(text) is { Success: true } scientific)
        {
            var digits = scientific.Groups["lead"].Value + scientific.Groups["fraction"].Value;
            var exponent = int.Parse(scientific.Groups["exponent"].Value, CultureInfo.InvariantCulture);
            if (scientific.Groups["fraction"].Length != exponent)
            {
                error = "Excel turned this number into scientific notation and dropped digits. Format the column as Text, re-enter the numbers and export again.";
                return null;
            }

            text = digits;
        }

        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = string.Concat("+", text.AsSpan(2));
        }

        if (TryParse(text, defaultRegion) is { } number)
        {
            error = null;
            return number;
        }

        if (LostItsPlus(text) && TryParse("+" + text, defaultRegion) is { } international)
        {
            error = null;
            return international;
        }

        error = IsParsable(text, defaultRegion)
            ? $"Not a valid phone number (read with default region {defaultRegion}). Write it in international form, e.g. +14155550123."
            : "Not a phone number. Write it in international form, e.g. +14155550123.";
        return null;
    }

    private static string? TryParse(string text, string region)
    {
        try
        {
            var number = Util.Parse(text, region);

            // Most numbers of a list belong to its region, and checking one region is twice as fast as finding
            // the region first (+1 alone is shared by some 25 regions, each with its own patterns).
            var valid = (number.CountryCode == Util.GetCountryCodeForRegion(region) && Util.IsValidNumberForRegion(number, region))
                || Util.IsValidNumber(number);
            return valid ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static bool IsParsable(string text, string region)
    {
        try
        {
            Util.Parse(text, region);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static bool LostItsPlus(string text) =>
        text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '/')
        && text.Count(char.IsAsciiDigit) >= MissingPlusMinimumDigits;

    // 1.55512E+10 as Excel writes a long number in a narrow column; 1,55512E+10 where the decimal separator is a comma.
    [GeneratedRegex(@"^\+?(?<lead>\d)(?:[.,](?<fraction>\d+))?[eE]\+?(?<exponent>\d{1,2})$")]
    private static partial Regex ScientificNotation();
}
