using System.Globalization;
using System.Text;
using BatchFunctions.Batches;
using BatchFunctions.Options;
using CsvHelper;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Reads delimited text as exported by spreadsheets, CRMs and databases. CsvHelper detects the
/// separator (comma, semicolon, tab, pipe, or Excel's "sep=" line) and honours byte order marks;
/// what it cannot know is that BOM-less text which is not UTF-8 is Excel's Windows-1252, or that
/// BOM-less text with a zero byte in every other place is UTF-16.
/// </summary>
public static class CsvTableReader
{
    private const int SampleBytes = 64 * 1024;

    /// <param name="stream">Seekable, so the encoding can be told from a sample before reading.</param>
    public static TabularFile Read(Stream stream, IngestionOptions limits)
    {
        var (encoding, encodingName) = DetectEncoding(stream);
        var options = new CsvReaderOptions
        {
            Encoding = encoding,
            SkipEmptyLines = true,

            // An unclosed quote makes the rest of the file one record; this keeps it from filling memory.
            MaxRecordSize = RecordSizeLimit(limits),
        };
        var csv = CsvReader.Create(stream, options, leaveOpen: true);
        IReadOnlyList<string> headers;
        char separator;
        try
        {
            csv.ReadHeader();
            headers = csv.Headers;
            separator = csv.Separator;
        }
        catch (CsvFormatException e)
        {
            csv.Dispose();
            throw Unreadable(e, limits);
        }

        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            csv.Dispose();
            throw new BatchRejectedException("The file is empty: it needs a header row with a phone_number column and one row per recipient.");
        }

        var description = new FileDescription(RecipientFileFormat.Csv, separator.ToString(), encodingName);
        return new TabularFile(headers, ReadRows(csv, limits), description);
    }

    private static IEnumerable<TabularRow> ReadRows(CsvReader csv, IngestionOptions limits)
    {
        using (csv)
        {
            while (ReadNext(csv, limits))
            {
                var cells = new CellValue[csv.FieldCount];
                var empty = true;
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = CellValue.FromCsv(csv.GetString(i));
                    empty &= cells[i].IsEmpty;
                }

                if (empty)
                {
                    continue;
                }

                // The header is spreadsheet row 1, so data record n is row n + 1.
                yield return new TabularRow(checked((int)csv.RowNumber + 1), cells);
            }
        }
    }

    private static bool ReadNext(CsvReader csv, IngestionOptions limits)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw Unreadable(e, limits);
        }
    }

    private static BatchRejectedException Unreadable(CsvFormatException e, IngestionOptions limits)
    {
        var where = e.RecordNumber > 0 ? $" at row {e.RecordNumber.ToString(CultureInfo.InvariantCulture)}" : "";
        return new BatchRejectedException(
            $"The file is not readable as CSV{where}: {e.Message} A row may hold at most {ByteSize.Describe(RecordSizeLimit(limits))} "
            + $"({limits.MaxColumns.ToString("N0", CultureInfo.InvariantCulture)} columns of {limits.MaxCellCharacters.ToString("N0", CultureInfo.InvariantCulture)} characters, "
            + "Ingestion__MaxColumns and Ingestion__MaxCellCharacters); a quote that is never closed turns the rest of the file into one row.",
            e);
    }

    /// <summary>Room for a full row of the longest cells, at the 4 bytes a character can take in UTF-8.</summary>
    private static int RecordSizeLimit(IngestionOptions limits) =>
        (int)Math.Clamp((long)limits.MaxColumns * limits.MaxCellCharacters * 4, 1024 * 1024, int.MaxValue / 2);

    /// <returns>The encoding to impose (null to let CsvHelper follow the byte order mark, or UTF-8 without one) and its name for the report.</returns>
    private static (Encoding? Encoding, string Name) DetectEncoding(Stream stream)
    {
        var sample = new byte[SampleBytes];
        var length = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var bytes = sample.AsSpan(0, length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (null, "utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (null, "utf-16");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (null, "utf-16BE");
        }

        if (Utf16WithoutBom(bytes) is { } utf16)
        {
            return (utf16, utf16.WebName);
        }

        if (bytes.Contains((byte)0))
        {
            throw new BatchRejectedException("The file is not text: it holds binary data. Upload a CSV, XLS or XLSX file.");
        }

        return IsUtf8(bytes, cutShort: length == sample.Length) ? (null, "utf-8") : (CodePages.Windows1252, "windows-1252");
    }

    /// <summary>ASCII text in UTF-16 has a zero byte in every other place: odd places for little-endian, even for big-endian.</summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4)
        {
            return null;
        }

        int zerosAtEven = 0, zerosAtOdd = 0;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            zerosAtEven += bytes[i] == 0 ? 1 : 0;
            zerosAtOdd += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = bytes.Length / 2;
        return zerosAtOdd > pairs / 2 && zerosAtEven < pairs / 10 ? Encoding.Unicode
            : zerosAtEven > pairs / 2 && zerosAtOdd < pairs / 10 ? Encoding.BigEndianUnicode
            : null;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool cutShort)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out _, out _, replaceInvalidSequences: false, isFinalBlock: !cutShort);
        return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData;
    }
}
