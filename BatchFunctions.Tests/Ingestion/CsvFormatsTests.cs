using System.Text;
using BatchFunctions.Batches;
using BatchFunctions.Ingestion;

namespace BatchFunctions.Tests.Ingestion;

public sealed class CsvFormatsTests
{
    private const string Zoe = "Zo\u00eb M\u00fcller";

    [Fact]
    public void Read_Utf8WithBom_HeaderMatchedAndReportedAsUtf8()
    {
        var list = RecipientFiles.Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes($"phone_number,name\n+14155551000,{Zoe}\n")]);

        Assert.Equal(Zoe, list.Recipients.Single().ClientData.DynamicVariables["name"].GetString());
        Assert.Equal(new FileDescription(RecipientFileFormat.Csv, ",", "utf-8"), list.File);
    }

    [Theory]
    [InlineData("utf-16", true)]
    [InlineData("utf-16BE", true)]
    [InlineData("utf-16", false)]
    public void Read_Utf16TabDelimited_DecodedAndDetected(string encodingName, bool withBom)
    {
        // Excel's "Unicode Text" export: UTF-16 little-endian with a byte order mark, tab-delimited.
        var encoding = encodingName == "utf-16" ? new UnicodeEncoding(bigEndian: false, byteOrderMark: withBom) : new UnicodeEncoding(bigEndian: true, byteOrderMark: withBom);
        var text = $"phone_number\tname\n+14155551000\t{Zoe}\n+14155551001\tBob\n";

        var list = RecipientFiles.Read([.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);

        Assert.Equal(Zoe, list.Recipients[0].ClientData.DynamicVariables["name"].GetString());
        Assert.Equal(2, list.Recipients.Count);
        Assert.Equal("\t", list.File.Delimiter);
        Assert.Equal(encodingName, list.File.Encoding, ignoreCase: true);
    }

    [Fact]
    public void Read_BlankAndDelimiterOnlyTrailingRows_Ignored()
    {
        var list = RecipientFiles.Read("phone_number,name\r\n+14155551000,Ann\r\n,\r\n\r\n,,\r\n \r\n");

        Assert.Single(list.Recipients);
        Assert.Empty(list.RowErrors);
    }

    [Fact]
    public void Read_ExcelSeparatorLine_SeparatorTakenFromIt()
    {
        var list = RecipientFiles.Read("sep=;\nphone_number;name\n+14155551000;Ann, Jr.\n");

        Assert.Equal(";", list.File.Delimiter);
        Assert.Equal("Ann, Jr.", list.Recipients.Single().ClientData.DynamicVariables["name"].GetString());
    }

    [Fact]
    public void Read_HeadersInOtherCaseWithSpaces_MatchedAndVariableNamedAsWritten()
    {
        var list = RecipientFiles.Read("\u200B Phone_Number ,  First Name  , LANGUAGE \n+14155551000,Ann,fr\n");

        var recipient = list.Recipients.Single();
        Assert.Equal("Ann", recipient.ClientData.DynamicVariables["First Name"].GetString());
        Assert.Equal("fr", recipient.ClientData.ConversationConfigOverride!.Agent!.Language);
        Assert.Equal(["language"], list.OverrideColumns);
    }

    [Fact]
    public void Read_TrailingUnnamedEmptyColumns_Ignored()
    {
        var list = RecipientFiles.Read("phone_number,name,,\n+14155551000,Ann,,\n");

        Assert.Equal(["name"], list.Recipients.Single().ClientData.DynamicVariables.Keys);
        Assert.Empty(list.RowErrors);
    }

    [Fact]
    public void Read_ValueUnderUnnamedColumn_RowErrorNamingTheColumn()
    {
        var list = RecipientFiles.Read("phone_number,,name\n+14155551000,oops,Ann\n+14155551001,,Bob\n");

        var error = Assert.Single(list.RowErrors);
        Assert.Equal((2, "column 2", "oops"), (error.RowNumber, error.Column, error.Value));
        Assert.Contains("Column 2 has no header", error.Message, StringComparison.Ordinal);
        Assert.Equal(["+14155551001"], list.Recipients.Select(r => r.PhoneNumber));
    }

    [Fact]
    public void Read_UnquotedDelimiterInValue_RowErrorSuggestingQuotes()
    {
        var list = RecipientFiles.Read("phone_number,name,plan\n+14155551000,Smith, Ann,gold\n+14155551001,Bob,silver\n");

        var error = Assert.Single(list.RowErrors);
        Assert.Equal((2, "column 4"), (error.RowNumber, error.Column));
        Assert.Contains("more values than the header has columns (3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs quotes around it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExcelTextFormulaIdiom_UnwrappedAndKeptAsText()
    {
        var list = RecipientFiles.Read("phone_number,zip\n=\"+14155551000\",=\"02134\"\n");

        Assert.Equal("+14155551000", list.Recipients.Single().PhoneNumber);
        Assert.Equal("\"02134\"", list.Raw(0, "zip"));
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "is a PDF")]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, "web page or XML")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D }, "not text")]
    public void Read_NotARecipientList_RejectedSayingWhatItIs(byte[] content, string expected)
    {
        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read(content));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HtmlNamedXls_RejectedExplainingCrmExports()
    {
        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read("\uFEFF  <table><tr><td>phone_number</td></tr></table>"));

        Assert.Contains("some CRMs export such files with an .xls name", e.Message, StringComparison.Ordinal);
    }
}
