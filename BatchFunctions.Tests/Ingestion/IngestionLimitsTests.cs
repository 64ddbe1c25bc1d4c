using System.IO.Compression;
using System.Text;
using BatchFunctions.Batches;
using BatchFunctions.Ingestion;
using BatchFunctions.Options;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Ingestion;

public sealed class IngestionLimitsTests
{
    private const string TwoRows = "phone_number,name\n+14155551000,Ann\n+14155551001,Bob\n";

    [Fact]
    public void Read_FileLargerThanLimit_RejectedStatingTheLimit()
    {
        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read(TwoRows, limits: new IngestionOptions { MaxFileBytes = 20 }));

        Assert.Equal("The file is 52 bytes; the limit is 20 bytes (Ingestion__MaxFileBytes). Split the list into smaller files.", e.Message);
    }

    [Fact]
    public void Read_UnseekableStreamLargerThanLimit_RejectedWhileCopying()
    {
        using var content = new UnseekableStream(Encoding.UTF8.GetBytes(TwoRows));

        var e = Assert.Throws<BatchRejectedException>(() =>
            RecipientFileReader.Read(content, new RecipientFileSettings("US"), new IngestionOptions { MaxFileBytes = 48 }));

        Assert.Contains("the limit is 48 bytes (Ingestion__MaxFileBytes)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnseekableStreamWithinLimit_Read()
    {
        using var content = new UnseekableStream(Encoding.UTF8.GetBytes(TwoRows));

        var list = RecipientFileReader.Read(content, new RecipientFileSettings("US"), new IngestionOptions());

        Assert.Equal(2, list.Recipients.Count);
    }

    [Fact]
    public void Read_MoreRowsThanLimit_RejectedStatingTheLimit()
    {
        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read(TwoRows, limits: new IngestionOptions { MaxRows = 1 }));

        Assert.Equal("The file has more than 1 recipient rows, the limit (Ingestion__MaxRows). Split it into several files.", e.Message);
    }

    [Fact]
    public void Read_RowsUpToLimit_Accepted()
    {
        Assert.Equal(2, RecipientFiles.Read(TwoRows, limits: new IngestionOptions { MaxRows = 2 }).Recipients.Count);
    }

    [Fact]
    public void Read_MoreColumnsThanLimit_RejectedStatingTheLimit()
    {
        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read("phone_number,a,b\n+14155551000,1,2\n", limits: new IngestionOptions { MaxColumns = 2 }));

        Assert.StartsWith("The file has 3 named columns; the limit is 2 (Ingestion__MaxColumns).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CellLongerThanLimit_RowErrorStatingTheLimitWithTheValueShortened()
    {
        var prompt = new string('x', 250);

        var list = RecipientFiles.Read($"phone_number,system_prompt\n+14155551000,{prompt}\n+14155551001,short\n", limits: new IngestionOptions { MaxCellCharacters = 240 });

        var error = Assert.Single(list.RowErrors);
        Assert.Equal((2, "system_prompt"), (error.RowNumber, error.Column));
        Assert.Equal("The value is 250 characters long; the limit is 240 (Ingestion__MaxCellCharacters).", error.Message);
        Assert.Equal(new string('x', 200) + "…", error.Value);
        Assert.Equal("+14155551001", list.Recipients.Single().PhoneNumber);
    }

    [Fact]
    public void Read_UnclosedQuoteRunningPastTheRowSizeLimit_RejectedStatingTheLimit()
    {
        var csv = "phone_number,name\n+14155551000,\"Ann\n" + string.Concat(Enumerable.Repeat("+14155551001,Bob\n", 200_000));

        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read(csv, limits: new IngestionOptions { MaxColumns = 2, MaxCellCharacters = 1000 }));

        Assert.Contains("A row may hold at most 1 MiB", e.Message, StringComparison.Ordinal);
        Assert.Contains("a quote that is never closed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_XlsxExpandingPastTheLimit_Rejected()
    {
        var workbook = await Workbooks.WriteAsync(Workbooks.SheetJs, "xlsx", new Sheet("Sheet1", [["phone_number"], ["+14155551000"]]));

        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read(workbook, limits: new IngestionOptions { MaxUncompressedBytes = 1024 }));

        Assert.Contains("would expand to more than 1 KiB when unzipped, the limit (Ingestion__MaxUncompressedBytes)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_XlsxWithZipBombPart_RejectedBeforeExpanding()
    {
        var workbook = await Workbooks.WriteAsync(Workbooks.SheetJs, "xlsx", new Sheet("Sheet1", [["phone_number"], ["+14155551000"]]));
        var bomb = AddPart(workbook, "xl/media/image1.bin", new byte[64 * 1024 * 1024]);

        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read(bomb));

        Assert.Contains("The XLSX part 'xl/media/image1.bin' would expand", e.Message, StringComparison.Ordinal);
        Assert.Contains("the limit is 200 times (Ingestion__MaxCompressionRatio)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content.xml", "OpenDocument spreadsheet (.ods)")]
    [InlineData("xl/workbook.bin", "Excel binary workbook (.xlsb)")]
    [InlineData("word/document.xml", "not an Excel workbook")]
    public void Read_ZipThatIsNotAnXlsx_RejectedSayingWhatItIs(string part, string expected)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write("<x/>");
        }

        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read(buffer.ToArray()));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static byte[] AddPart(byte[] package, string name, byte[] content)
    {
        using var buffer = new MemoryStream();
        buffer.Write(package);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var part = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            part.Write(content);
        }

        return buffer.ToArray();
    }

    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
