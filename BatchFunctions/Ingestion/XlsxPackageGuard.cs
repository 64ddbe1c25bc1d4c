using System.Globalization;
using System.IO.Compression;
using BatchFunctions.Batches;
using BatchFunctions.Options;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Looks inside an XLSX (a zip of XML parts) before anything unzips it: a part that would expand past
/// the limits is refused from the sizes the zip declares. That is enough because .NET's zip reader
/// stops inflating a part at its declared size, so a part that lies about its size cannot grow further.
/// </summary>
internal static class XlsxPackageGuard
{
    // Parts this small may compress extremely well (empty styles, repeated shared strings) and cost nothing.
    private const long RatioCheckedAbove = 1024 * 1024;
    private const int MaxParts = 10_000;

    /// <summary>Checks the package and leaves the stream at its start.</summary>
    public static void Check(Stream stream, IngestionOptions limits)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxParts)
            {
                throw new BatchRejectedException($"The XLSX file has {zip.Entries.Count.ToString("N0", CultureInfo.InvariantCulture)} parts inside; a workbook has a few dozen. It is damaged or not a spreadsheet.");
            }

            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                throw new BatchRejectedException(NotAWorkbook(zip));
            }

            long total = 0;
            foreach (var part in zip.Entries)
            {
                total += part.Length;
                if (part.Length > RatioCheckedAbove && part.Length / Math.Max(1, part.CompressedLength) > limits.MaxCompressionRatio)
                {
                    throw new BatchRejectedException(
                        $"The XLSX part '{part.FullName}' would expand {(part.Length / Math.Max(1, part.CompressedLength)).ToString("N0", CultureInfo.InvariantCulture)} times, "
                        + $"to {ByteSize.Describe(part.Length)}; the limit is {limits.MaxCompressionRatio.ToString("N0", CultureInfo.InvariantCulture)} times (Ingestion__MaxCompressionRatio). "
                        + "Real spreadsheets never compress that well: the file was not refused by accident, it is a zip bomb or damaged.");
                }

                if (total > limits.MaxUncompressedBytes)
                {
                    throw new BatchRejectedException(
                        $"The XLSX file would expand to more than {ByteSize.Describe(limits.MaxUncompressedBytes)} when unzipped, the limit (Ingestion__MaxUncompressedBytes). "
                        + "Split the list into smaller files, or save it as CSV.");
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new BatchRejectedException($"The file looks like an XLSX (a zip) but cannot be opened: {e.Message} Open it in Excel and save it again, or save it as CSV.", e);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static string NotAWorkbook(ZipArchive zip)
    {
        if (zip.GetEntry("xl/workbook.bin") is not null)
        {
            return "The file is an Excel binary workbook (.xlsb), which is not supported. In Excel use File > Save As > Excel Workbook (.xlsx), or CSV.";
        }

        if (zip.GetEntry("content.xml") is not null)
        {
            return "The file is an OpenDocument spreadsheet (.ods), which is not supported. Save it as .xlsx or CSV.";
        }

        return "The file is a zip archive but not an Excel workbook. Upload the recipient list itself as CSV, XLS or XLSX.";
    }
}
