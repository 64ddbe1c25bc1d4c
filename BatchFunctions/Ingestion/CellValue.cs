using System.Globalization;

namespace BatchFunctions.Ingestion;

/// <summary>
/// One cell as the file holds it. <see cref="Text"/> is always set: the cell as a person reads it,
/// in invariant form for typed cells, used for phone numbers, overrides and error reports.
/// </summary>
public readonly record struct CellValue
{
    private CellValue(CellKind kind, string text, double number = 0, bool boolean = false)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Boolean = boolean;
    }

    public CellKind Kind { get; }

    public string Text { get; }

    /// <summary>The value of a <see cref="CellKind.Number"/> cell.</summary>
    public double Number { get; }

    /// <summary>The value of a <see cref="CellKind.Boolean"/> cell.</summary>
    public bool Boolean { get; }

    public bool IsEmpty => Kind == CellKind.Empty;

    public static CellValue Empty { get; } = new(CellKind.Empty, "");

    /// <summary>
    /// A CSV field. Excel's way of forcing text in a CSV, <c>="02134"</c>, is unwrapped and kept as
    /// text, since the exporter said plainly that it is not a number.
    /// </summary>
    public static CellValue FromCsv(string field)
    {
        var text = field.Trim();
        if (text.Length >= 3 && text.StartsWith("=\"", StringComparison.Ordinal) && text.EndsWith('"'))
        {
            return FromText(text[2..^1]);
        }

        return text.Length == 0 ? Empty : new CellValue(CellKind.Untyped, text);
    }

    public static CellValue FromText(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? Empty : new CellValue(CellKind.Text, trimmed);
    }

    /// <summary>
    /// A numeric spreadsheet cell. A whole number shown through a zero-padded format such as
    /// <c>00000</c> (Excel's ZIP code format) is text to the person who formatted it: "02134", not 2134.
    /// </summary>
    public static CellValue FromNumber(double value, string? numberFormat)
    {
        if (numberFormat is { Length: > 0 } format && format.All(c => c == '0') && value >= 0 && value == Math.Floor(value) && value < 1e15)
        {
            return FromText(value.ToString(new string('0', format.Length), CultureInfo.InvariantCulture));
        }

        return new CellValue(CellKind.Number, value.ToString("R", CultureInfo.InvariantCulture), number: value);
    }

    public static CellValue FromBoolean(bool value) => new(CellKind.Boolean, value ? "true" : "false", boolean: value);

    /// <summary>A date cell, as ISO 8601: the date alone when it has no time of day, the time alone for a time-only cell.</summary>
    public static CellValue FromDate(DateTime value)
    {
        // Excel counts time-only cells from its day zero, 1899-12-30 (1899-12-31 in the 1900 system's off-by-one).
        var text = value.Year < 1900 ? value.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : value.TimeOfDay == TimeSpan.Zero ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return new CellValue(CellKind.Date, text);
    }
}
