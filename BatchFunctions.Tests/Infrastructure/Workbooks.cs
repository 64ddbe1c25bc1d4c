using System.Text.Json;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>
/// Spreadsheets made by real producers: SheetJS (the npm xlsx package, which writes XLSX and BIFF8 XLS)
/// and exceljs, through Fixtures/workbook.js. Needs the repository's npm packages (scripts/test.sh installs them).
/// </summary>
public static class Workbooks
{
    public const string SheetJs = "sheetjs";
    public const string ExcelJs = "exceljs";

    /// <param name="writer"><see cref="SheetJs"/> or <see cref="ExcelJs"/>.</param>
    /// <param name="bookType">xlsx, or xls (BIFF8, SheetJS only).</param>
    /// <param name="sheets">A cell is a string, number, boolean, null (empty), or one of the helpers below.</param>
    public static Task<byte[]> WriteAsync(string writer, string bookType, params Sheet[] sheets) =>
        WriteAsync(new { writer, bookType, sheets = sheets.Select(s => new { name = s.Name, hidden = s.Hidden, rows = s.Rows }) });

    /// <summary>Reads a workbook with SheetJS: per sheet, rows of { t, v, z } cells (t: s, n, b, e; z: number format).</summary>
    public static async Task<JsonElement> ReadAsync(byte[] workbook)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, workbook);
        try
        {
            return JsonDocument.Parse(await NodeAsync("read", path)).RootElement.Clone();
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A cell the spreadsheet holds as text, however it looks.</summary>
    public static object Text(string value) => new { t = "s", v = value };

    /// <summary>A number shown through a number format, such as 00000 for ZIP codes.</summary>
    public static object Formatted(double value, string format) => new { t = "n", v = value, z = format };

    /// <summary>A date cell (Excel stores a serial number with a date format).</summary>
    public static object Date(string iso) => new { t = "d", v = iso };

    private static async Task<byte[]> WriteAsync(object spec)
    {
        var specPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{Guid.NewGuid():N}.json");
        var outPath = System.IO.Path.ChangeExtension(specPath, ".out");
        await File.WriteAllTextAsync(specPath, JsonSerializer.Serialize(spec));
        try
        {
            await NodeAsync("write", specPath, outPath);
            return await File.ReadAllBytesAsync(outPath);
        }
        finally
        {
            File.Delete(specPath);
            File.Delete(outPath);
        }
    }

    private static Task<string> NodeAsync(params string[] arguments) =>
        Node.OutputOfAsync("BatchFunctions.Tests/Fixtures/workbook.js", arguments);
}
