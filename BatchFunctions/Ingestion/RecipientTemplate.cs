using CsvHelper;

namespace BatchFunctions.Ingestion;

/// <summary>
/// The recipient list template operators download, as CSV and as XLSX, from one definition. The XLSX
/// formats the phone_number column as Text so Excel keeps the + and every digit as typed.
/// </summary>
public static class RecipientTemplate
{
    public const string CsvFileName = "recipients-template.csv";
    public const string XlsxFileName = "recipients-template.xlsx";
    public const string SheetName = "Recipients";

    /// <summary>The header and example rows: the mandatory column, two dynamic variables and the calling-window time zone.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows { get; } =
    [
        [RecipientColumns.PhoneNumber, "name", "plan", RecipientColumns.TimeZone],
        ["+14155550123", "Ann Smith", "gold", "America/Los_Angeles"],
        ["+442079460123", "Ben Jones", "silver", "Europe/London"],
    ];

    /// <summary>UTF-8 with a byte order mark, which is how Excel recognises UTF-8 in a CSV.</summary>
    public static byte[] Csv()
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            foreach (var row in Rows)
            {
                csv.WriteRecord([.. row]);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Xlsx()
    {
        using var buffer = new MemoryStream();
        SimpleXlsxWriter.Write(buffer, SheetName, Rows, Rows[0].Count, new HashSet<int> { 0 });
        return buffer.ToArray();
    }
}
