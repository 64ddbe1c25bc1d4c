using System.Data;
using System.Globalization;
using BatchFunctions.Batches;
using BatchFunctions.Options;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Reads one worksheet of an XLS (Excel 97-2003) or XLSX workbook with ExcelDataReader, keeping each
/// cell's type: numbers, booleans and dates stay what the spreadsheet says they are. The header is
/// the first row that has anything in it.
/// </summary>
public static class ExcelTableReader
{
    /// <param name="stream">Seekable: both formats are read with seeks all over the file.</param>
    /// <param name="sheet">The sheet to read, matched ignoring case; null for the first visible sheet.</param>
    public static TabularFile Read(Stream stream, RecipientFileFormat format, string? sheet, IngestionOptions limits)
    {
        CodePages.EnsureRegistered(); // ExcelReaderConfiguration's constructor looks up code page 1252, even for XLSX.
        if (format == RecipientFileFormat.Xlsx)
        {
            XlsxPackageGuard.Check(stream, limits);
        }

        var reader = Open(stream, format);
        try
        {
            var name = SelectSheet(reader, sheet, format);
            var rowNumber = 0;
            while (ReadNext(reader, format))
            {
                rowNumber++;
                var cells = Cells(reader);
                if (cells.Length > 0)
                {
                    var headers = cells.Select(c => c.Text).ToList();
                    return new TabularFile(headers, ReadRows(reader, format, rowNumber), new FileDescription(format, null, null, name));
                }
            }

            throw new BatchRejectedException($"The sheet '{name}' is empty: it needs a header row with a phone_number column and one row per recipient.");
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private static IExcelDataReader Open(Stream stream, RecipientFileFormat format)
    {
        var configuration = new ExcelReaderConfiguration { LeaveOpen = true };
        try
        {
            // The factory tells the formats apart itself, including an XLSX encrypted inside an XLS-style container.
            return ExcelReaderFactory.CreateReader(stream, configuration);
        }
        catch (Exception e) when (e is not BatchRejectedException)
        {
            throw Unreadable(format, e);
        }
    }

    private static string SelectSheet(IExcelDataReader reader, string? wanted, RecipientFileFormat format)
    {
        var names = new List<string>();
        var chosen = -1;
        do
        {
            var matches = wanted is null
                ? reader.VisibleState == "visible"
                : string.Equals(reader.Name.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase);
            if (matches && chosen < 0)
            {
                chosen = names.Count;
            }

            names.Add(reader.Name);
        }
        while (NextSheet(reader, format));

        if (chosen < 0)
        {
            throw new BatchRejectedException(wanted is null
                ? "The workbook has no visible sheet. Unhide the sheet with the recipients, or name it with the 'sheet' setting."
                : $"The workbook has no sheet named '{wanted}'. Its sheets are {string.Join(", ", names.Select(n => $"'{n}'"))}.");
        }

        reader.Reset();
        for (var i = 0; i < chosen; i++)
        {
            NextSheet(reader, format);
        }

        return names[chosen];
    }

    private static IEnumerable<TabularRow> ReadRows(IExcelDataReader reader, RecipientFileFormat format, int headerRow)
    {
        using (reader)
        {
            var rowNumber = headerRow;
            while (ReadNext(reader, format))
            {
                rowNumber++;
                var cells = Cells(reader);
                if (cells.Length > 0)
                {
                    yield return new TabularRow(rowNumber, cells);
                }
            }
        }
    }

    /// <returns>The row's cells up to its last non-empty one: none for an empty row.</returns>
    private static CellValue[] Cells(IExcelDataReader reader)
    {
        // Sheets often report formatted but empty columns far to the right; those are trimmed off.
        var cells = new CellValue[reader.FieldCount];
        var count = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = reader.IsDBNull(i) ? CellValue.Empty : Cell(reader, i);
            count = cells[i].IsEmpty ? count : i + 1;
        }

        return count == cells.Length ? cells : cells[..count];
    }

    private static CellValue Cell(IExcelDataReader reader, int index) => reader.GetValue(index) switch
    {
        null => CellValue.Empty,
        string text => CellValue.FromText(text),
        bool flag => CellValue.FromBoolean(flag),
        DateTime date => CellValue.FromDate(date),
        TimeSpan duration => CellValue.FromText(duration.ToString("c", CultureInfo.InvariantCulture)),
        double number => CellValue.FromNumber(number, reader.GetNumberFormatString(index)),
        IConvertible number => CellValue.FromNumber(number.ToDouble(CultureInfo.InvariantCulture), reader.GetNumberFormatString(index)),
        var other => CellValue.FromText(other.ToString() ?? ""),
    };

    private static bool ReadNext(IDataReader reader, RecipientFileFormat format)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is not BatchRejectedException)
        {
            throw Unreadable(format, e);
        }
    }

    private static bool NextSheet(IDataReader reader, RecipientFileFormat format)
    {
        try
        {
            return reader.NextResult();
        }
        catch (Exception e) when (e is not BatchRejectedException)
        {
            throw Unreadable(format, e);
        }
    }

    // ExcelDataReader reports damaged input with whatever the failing layer throws (zip, XML, its own exceptions).
    private static BatchRejectedException Unreadable(RecipientFileFormat format, Exception e) => e is InvalidPasswordException
        ? new BatchRejectedException("The workbook is protected with a password. Remove the password in Excel (File > Info > Protect Workbook) and upload it again.", e)
        : new BatchRejectedException(
            $"The file is not a readable {format.ToString().ToUpperInvariant()} workbook ({e.Message}). Open it in Excel and save it again as .xlsx, or save it as CSV.",
            e);
}
