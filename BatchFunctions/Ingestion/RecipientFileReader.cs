using System.Text;
using BatchFunctions.Batches;
using BatchFunctions.Options;

namespace BatchFunctions.Ingestion;

/// <summary>
/// The one way a recipient file is read and checked, shared by the blob trigger and the command-line
/// validator so that both give the same answer: the format is told from the content (CSV, XLS or
/// XLSX), the limits are enforced, and the rows become recipients or row errors.
/// </summary>
public static class RecipientFileReader
{
    private static readonly byte[] ZipSignature = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <exception cref="BatchRejectedException">The file as a whole cannot be used; the message says what to fix.</exception>
    public static ParsedRecipientList Read(Stream content, RecipientFileSettings settings, IngestionOptions limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(limits);

        if (content.CanSeek && content.Length > limits.MaxFileBytes)
        {
            throw TooLarge(content.Length, limits);
        }

        Stream? copy = null;
        try
        {
            var stream = content.CanSeek ? content : copy = LocalCopy(content, limits);
            var format = Sniff(stream);

            // Spreadsheet readers seek all over the file; on a blob stream every seek outside its buffer is another download.
            if (format != RecipientFileFormat.Csv && copy is null && stream is not (FileStream or MemoryStream))
            {
                stream = copy = LocalCopy(stream, limits);
            }

            var table = format == RecipientFileFormat.Csv
                ? CsvTableReader.Read(stream, limits)
                : ExcelTableReader.Read(stream, format, settings.Sheet, limits);
            return RecipientListParser.Parse(table, settings.Region, limits, settings.PhoneColumn);
        }
        finally
        {
            copy?.Dispose();
        }
    }

    private static RecipientFileFormat Sniff(Stream stream)
    {
        var head = new byte[512];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var bytes = head.AsSpan(0, length);
        if (bytes.StartsWith(ZipSignature))
        {
            return RecipientFileFormat.Xlsx;
        }

        if (bytes.StartsWith(CompoundFileSignature))
        {
            return RecipientFileFormat.Xls;
        }

        if (bytes.StartsWith("%PDF"u8))
        {
            throw new BatchRejectedException("The file is a PDF. Upload the recipient list as CSV, XLS or XLSX.");
        }

        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('<'))
        {
            throw new BatchRejectedException(
                "The file is a web page or XML (HTML or an XML spreadsheet), not CSV, XLS or XLSX; some CRMs export such files with an .xls name. "
                + "Open it in Excel and save it as Excel Workbook (.xlsx) or CSV.");
        }

        if (text.StartsWith(@"{\rtf", StringComparison.Ordinal))
        {
            throw new BatchRejectedException("The file is a rich-text document (RTF). Upload the recipient list as CSV, XLS or XLSX.");
        }

        return RecipientFileFormat.Csv;
    }

    /// <summary>A temporary file, deleted on dispose, holding at most the size limit.</summary>
    private static FileStream LocalCopy(Stream source, IngestionOptions limits)
    {
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "recipients-" + Path.GetRandomFileName()),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                total += read;
                if (total > limits.MaxFileBytes)
                {
                    throw TooLarge(null, limits);
                }

                file.Write(buffer.AsSpan(0, read));
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static BatchRejectedException TooLarge(long? size, IngestionOptions limits) => new(
        $"The file is {(size is { } bytes ? ByteSize.Describe(bytes) : "larger than the limit")}; the limit is {ByteSize.Describe(limits.MaxFileBytes)} "
        + "(Ingestion__MaxFileBytes). Split the list into smaller files.");
}
