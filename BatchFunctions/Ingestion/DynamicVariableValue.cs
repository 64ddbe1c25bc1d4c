using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BatchFunctions.Ingestion;

/// <summary>
/// The typing rule for dynamic variables (ElevenLabs takes strings, numbers and booleans):
/// <list type="bullet">
/// <item>A spreadsheet cell keeps its type: a number cell is a number, TRUE/FALSE a boolean, a Text
/// cell a string even if it looks like a number, a date an ISO 8601 string.</item>
/// <item>CSV has no types, so a field becomes a number only when the number, written back, is the
/// same text (no leading zeros, no +, no thousands separators, no trailing decimal zeros, no exponent,
/// at most 15 digits), and a boolean when it is true or false in any case. Everything else stays a
/// string, so ZIP codes like 02134, account numbers, prices like 3.50 and ids reach the agent as written.</item>
/// </list>
/// </summary>
public static partial class DynamicVariableValue
{
    // Doubles hold 15 significant decimal digits exactly; longer digit strings are ids, not quantities.
    private const int MaxNumberDigits = 15;

    /// <remarks>Each value is a JsonDocument of its own, a few microseconds apiece; <see cref="DynamicVariableCache"/> reuses repeated ones.</remarks>
    public static JsonElement From(CellValue cell) => cell.Kind switch
    {
        CellKind.Number => JsonSerializer.SerializeToElement(cell.Number),
        CellKind.Boolean => JsonSerializer.SerializeToElement(cell.Boolean),
        CellKind.Untyped => FromCsvText(cell.Text),
        _ => JsonSerializer.SerializeToElement(cell.Text),
    };

    private static JsonElement FromCsvText(string text)
    {
        if (bool.TryParse(text, out var flag))
        {
            return JsonSerializer.SerializeToElement(flag);
        }

        if (CanonicalNumber().IsMatch(text) && text != "-0" && text.Count(char.IsAsciiDigit) <= MaxNumberDigits)
        {
            return JsonSerializer.SerializeToElement(decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        }

        return JsonSerializer.SerializeToElement(text);
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$")]
    private static partial Regex CanonicalNumber();
}
