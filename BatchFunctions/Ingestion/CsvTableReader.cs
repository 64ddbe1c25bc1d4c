using System.Text;
using BatchFunctions.Batches;
using CsvHelper;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Reads delimited text as exported by spreadsheets, CRMs and databases. CsvHelper detects the
/// separator (comma, semicolon, tab, pipe, or Excel's "sep=" line) and honours byte order marks;
/// what it cannot know is that BOM-less text which is not UTF-8 is Excel's Windows-1252.
/// </summary>
public static class CsvTableReader
{
    public static TabularFile Read(Stream stream)
    {
        var encoding = DetectEncoding(stream);
        var csv = CsvReader.Create(stream, new CsvReaderOptions { Encoding = encoding, SkipEmptyLines = true }, leaveOpen: true);
        IReadOnlyList<string> headers;
        try
        {
            csv.ReadHeader();
            headers = csv.Headers;
        }
        catch (CsvFormatException e)
        {
            csv.Dispose();
            throw new BatchRejectedException($"The file is not readable as CSV: {e.Message}", e);
        }

        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            csv.Dispose();
            throw new BatchRejectedException("The file is empty: it needs a header row with a phone_number column and one row per recipient.");
        }

        var description = new FileDescription("csv", csv.Separator.ToString(), encoding?.WebName ?? "utf-8");
        return new TabularFile(headers, ReadRows(csv), description);
    }

    private static IEnumerable<TabularRow> ReadRows(CsvReader csv)
    {
        using (csv)
        {
            while (csv.Read())
            {
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = csv.GetString(i);
                }

                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                // The header is spreadsheet row 1, so data record n is row n + 1.
                yield return new TabularRow(checked((int)csv.RowNumber + 1), cells);
            }
        }
    }

    /// <returns>The encoding to impose, or null to let CsvHelper follow the byte order mark (UTF-8 without one).</returns>
    private static Encoding? DetectEncoding(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return null;
        }

        var sample = new byte[64 * 1024];
        var length = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var bytes = sample.AsSpan(0, length);
        var hasBom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
            || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        return hasBom || IsUtf8(bytes, cutShort: length == sample.Length) ? null : Windows1252.Value;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool cutShort)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out _, out _, replaceInvalidSequences: false, isFinalBlock: !cutShort);
        return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData;
    }

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });
}
