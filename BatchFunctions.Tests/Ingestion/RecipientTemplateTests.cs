using BatchFunctions.Ingestion;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Ingestion;

public sealed class RecipientTemplateTests
{
    [Fact]
    public void Csv_SameAsTheCommittedTemplate()
    {
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine("templates", RecipientTemplate.CsvFileName)), RecipientTemplate.Csv());
    }

    [Fact]
    public void Csv_ReadBack_EveryExampleAcceptedWithoutErrors()
    {
        var list = RecipientFiles.Read(RecipientTemplate.Csv());

        Assert.Equal(["+14155550123", "+442079460123"], list.Recipients.Select(r => r.PhoneNumber));
        Assert.Equal("Europe/London", list.Recipients[1].ClientData.DynamicVariables["timezone"].GetString());
        Assert.Empty(list.RowErrors);
        Assert.Equal("utf-8", list.File.Encoding);
    }

    [Fact]
    public void Xlsx_ReadBackWithExcelDataReader_SameRecipientsAsTheCsv()
    {
        var xlsx = RecipientFiles.Read(RecipientTemplate.Xlsx());
        var csv = RecipientFiles.Read(RecipientTemplate.Csv());

        Assert.Equal(new FileDescription(RecipientFileFormat.Xlsx, null, null, RecipientTemplate.SheetName), xlsx.File);
        Assert.Empty(xlsx.RowErrors);
        Assert.Equal(csv.Recipients.Select(r => r.PhoneNumber), xlsx.Recipients.Select(r => r.PhoneNumber));
        Assert.Equal(
            csv.Recipients.SelectMany(r => r.ClientData.DynamicVariables.Select(v => $"{v.Key}={v.Value.GetRawText()}")),
            xlsx.Recipients.SelectMany(r => r.ClientData.DynamicVariables.Select(v => $"{v.Key}={v.Value.GetRawText()}")));
    }

    [Fact]
    public async Task Xlsx_ReadBackWithSheetJs_PhoneColumnIsTextFormattedText()
    {
        var workbook = await Workbooks.ReadAsync(RecipientTemplate.Xlsx());

        var sheet = Assert.Single(workbook.GetProperty("sheets").EnumerateArray());
        Assert.Equal(RecipientTemplate.SheetName, sheet.GetProperty("name").GetString());
        var rows = sheet.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();
        Assert.Equal(RecipientTemplate.Rows.Select(r => r.ToList()), rows.Select(r => r.Select(c => c.GetProperty("v").GetString()!).ToList()));
        Assert.All(rows.Skip(1), row => Assert.Equal(("s", "@"), (row[0].GetProperty("t").GetString(), row[0].GetProperty("z").GetString())));
    }
}
