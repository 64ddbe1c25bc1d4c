using System.Buffers;
using System.Globalization;
using System.Text.Json;

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
public static class DynamicVariableValue
{
    // Doubles hold 15 significant decimal digits exactly; longer digit strings are ids, not quantities.
    private const int MaxNumberDigits = 15;

    public static JsonElement From(CellValue cell)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, cell);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>Writes the cell's value as <see cref="From"/> types it, with no JSON value of its own in between.</summary>
    public static void Write(Utf8JsonWriter writer, CellValue cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Number:
                writer.WriteNumberValue(cell.Number);
                break;
            case CellKind.Boolean:
                writer.WriteBooleanValue(cell.Boolean);
                break;
            case CellKind.Untyped:
                WriteCsvText(writer, cell.Text);
                break;
            default:
                writer.WriteStringValue(cell.Text);
                break;
        }
    }

    private static void WriteCsvText(Utf8JsonWriter writer, string text)
    {
        if (bool.TryParse(text, out var flag))
        {
            writer.WriteBooleanValue(flag);
        }
        else if (IsCanonicalNumber(text))
        {
            writer.WriteNumberValue(decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    /// <summary>
    /// -?(0|[1-9][0-9]*)(\.[0-9]*[1-9])? and the whole text, at most <see cref="MaxNumberDigits"/> digits, not -0: a number that
    /// written back is the same text. Scanned by hand: a regular expression and a LINQ count of the digits took 3-4% of validation's CPU (sampled).
    /// </summary>
    private static bool IsCanonicalNumber(string text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        if (i == text.Length)
        {
            return false;
        }

        var digits = 0;
        if (text[i] == '0')
        {
            i++;
            digits++;
        }
        else if (text[i] is >= '1' and <= '9')
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }
        else
        {
            return false;
        }

        if (i < text.Length)
        {
            if (text[i] != '.')
            {
                return false;
            }

            var fraction = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }

            if (i != text.Length || i == fraction || text[i - 1] == '0')
            {
                return false;
            }
        }

        return digits <= MaxNumberDigits && text != "-0";
    }
}
