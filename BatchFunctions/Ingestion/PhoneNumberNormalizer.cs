using System.Collections.Concurrent;
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

    private const string UnknownRegion = "ZZ";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly ConcurrentDictionary<int, string?> NationalPrefixes = new();

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
        if (IsCanonical(raw) && TryCanonical(raw, defaultRegion) is { } canonical)
        {
            // Most lists export numbers in E.164 already: none of the cascade below can change them.
            error = null;
            return canonical;
        }

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
            return IsValid(number, region) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>A + and 8 to 15 digits, the first not a 0: E.164 as written, whose only possible reading is itself.</summary>
    private static bool IsCanonical(string text)
    {
        if (text.Length is < 9 or > 16 || text[0] != '+' || text[1] == '0')
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// E.164 text checked by libphonenumber's own validity rules without its parser, which is as costly as the
    /// check itself. Parsing "+CC NSN" can give a number other than CC NSN only where the country's national
    /// prefix may be stripped from the NSN, or for a leading zero; those and everything found invalid return
    /// null and take the full path, so the answer is always the one Parse would give.
    /// </summary>
    private static string? TryCanonical(string text, string region)
    {
        for (var length = 1; length <= 3; length++)
        {
            var countryCode = int.Parse(text.AsSpan(1, length), NumberStyles.None, CultureInfo.InvariantCulture);
            var countryRegion = Util.GetRegionCodeForCountryCode(countryCode);
            if (countryRegion == UnknownRegion)
            {
                continue; // Country codes are prefix-free: at most one length names a country.
            }

            var national = text.AsSpan(1 + length);
            if (national.Length < 2 || national[0] == '0' || NationalPrefixes.GetOrAdd(countryCode, NationalPrefixOf) is not { } prefix
                || (prefix.Length > 0 && national.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return null;
            }

            var number = new PhoneNumber.Builder()
                .SetCountryCode(countryCode)
                .SetNationalNumber(ulong.Parse(national, NumberStyles.None, CultureInfo.InvariantCulture))
                .Build();
            return IsValid(number, region) ? text : null;
        }

        return null;
    }

    /// <returns>The national prefix a parser would strip ("" for none), or null where stripping follows a pattern (the full path decides).</returns>
    private static string? NationalPrefixOf(int countryCode)
    {
        var metadata = Util.GetMetadataForRegion(Util.GetRegionCodeForCountryCode(countryCode));
        return metadata is null || metadata.HasNationalPrefixForParsing || metadata.HasNationalPrefixTransformRule ? null : metadata.NationalPrefix ?? "";
    }

    // Most numbers of a list belong to its region, and checking one region is twice as fast as finding
    // the region first (+1 alone is shared by some 25 regions, each with its own patterns).
    private static bool IsValid(PhoneNumber number, string region) =>
        (number.CountryCode == Util.GetCountryCodeForRegion(region) && Util.IsValidNumberForRegion(number, region)) || Util.IsValidNumber(number);

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
