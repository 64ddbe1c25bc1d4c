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

    /// <summary>The longest national number the fast path reads; longer ones are not E.164 and go to the parser.</summary>
    private const int MaxNationalDigits = 14;

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
        // Most lists hold E.164 or plain national numbers: read without libphonenumber's parser when its answer is certain.
        if ((IsCanonical(raw) ? TryCanonical(raw, defaultRegion) : TryNational(raw, defaultRegion)) is { } wellFormed)
        {
            error = null;
            return wellFormed;
        }

        return NormalizeByParser(raw, defaultRegion, out error);
    }

    /// <summary>The whole cascade through libphonenumber's parser: what <see cref="Normalize(string, string, out string?)"/> must agree with.</summary>
    internal static string? NormalizeByParser(string raw, string defaultRegion, out string? error)
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
            if (scientific.Groups["fraction"].Length > exponent)
            {
                error = "Not a phone number: the cell holds a number with decimals. Write it in international form, e.g. +14155550123.";
                return null;
            }

            if (scientific.Groups["fraction"].Length < exponent)
            {
                // Excel exports what a cell shows, and a General cell too narrow for a long number shows 6 significant digits.
                error = $"Excel wrote this number in scientific notation and dropped digits: {text} keeps {digits.Length} of the number's {exponent + 1} digits. "
                    + "The workbook still holds them all: upload the workbook (XLSX) itself, or format the phone column as Text or with the number format 0 before saving it as CSV.";
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

        if (LostItsPlus(text) && ReadAsInternational(text) is { } region)
        {
            // The rule applied and still found nothing to call: say so, or the user suspects the rule rather than the number.
            var plus = "+" + new string([.. text.Where(char.IsAsciiDigit)]);
            error = $"Not a valid phone number: not one of region {defaultRegion}, and read as an international number whose + was lost ({plus}), it is "
                + $"not a number in use in {region} by libphonenumber's numbering plan (ranges kept for fiction, such as +44 7700 900xxx, are not). Check the digits.";
            return null;
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
            return PhoneNumberValidity.IsValid(number.CountryCode, Util.GetNationalSignificantNumber(number), region) ? Util.Format(number, PhoneNumberFormat.E164) : null;
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
            if (Util.GetRegionCodeForCountryCode(countryCode) == UnknownRegion)
            {
                continue; // Country codes are prefix-free: at most one length names a country.
            }

            var national = text.AsSpan(1 + length);
            return national.Length >= 2 && national[0] != '0' && !PhoneNumberValidity.MayStartWithNationalPrefix(countryCode, national)
                && PhoneNumberValidity.IsValid(countryCode, national, region) ? text : null;
        }

        return null;
    }

    /// <summary>
    /// A national number written with digits, spaces, dashes, dots, slashes and parentheses, read in the region as the
    /// parser would: null (the full path decides) wherever the parser might read it otherwise, i.e. where it could
    /// begin with a leading zero, the region's international prefix, its calling code or its national prefix.
    /// </summary>
    private static string? TryNational(string text, string region)
    {
        Span<char> digits = stackalloc char[MaxNationalDigits];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == MaxNationalDigits)
                {
                    return null;
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '/'))
            {
                return null;
            }
        }

        var national = digits[..count];
        var countryCode = PhoneNumberValidity.CountryCodeForRegion(region);
        return count >= 3 && national[0] != '0' && countryCode != 0 && !PhoneNumberValidity.MayBeReadOtherwise(national, region, countryCode)
            && PhoneNumberValidity.IsValid(countryCode, national, region)
            ? string.Concat("+", countryCode.ToString(CultureInfo.InvariantCulture), national)
            : null;
    }

    /// <returns>The region of the number the digits make with a + before them, or null when they make none.</returns>
    private static string? ReadAsInternational(string digits)
    {
        try
        {
            var number = Util.Parse("+" + digits, UnknownRegion);
            var region = Util.GetRegionCodeForCountryCode(number.CountryCode);
            return region == UnknownRegion ? null : region;
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
    [GeneratedRegex(@"^\+?(?<lead>\d)(?:[.,](?<fraction>\d+))?[eE]\+?(?<exponent>\d{1,3})$")]
    private static partial Regex ScientificNotation();
}
