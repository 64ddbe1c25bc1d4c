using BatchFunctions.Batches;
using BatchFunctions.Ingestion;
using BatchFunctions.Tests.Infrastructure;
using static BatchFunctions.Tests.Infrastructure.Workbooks;

namespace BatchFunctions.Tests.Ingestion;

public sealed class ExcelFormatsTests
{
    public static TheoryData<string, string> Producers => new()
    {
        { SheetJs, "xlsx" },
        { SheetJs, "xls" },
        { ExcelJs, "xlsx" },
    };

    [Theory]
    [MemberData(nameof(Producers))]
    public async Task Read_TypedCells_VariablesKeepTheCellTypes(string writer, string bookType)
    {
        var workbook = await WriteAsync(writer, bookType, new Sheet("Sheet1",
        [
            ["phone_number", "name", "balance", "vip", "due", "zip", "account", "note"],
            [14155551000d, "Ann", 12.5, true, Date("2025-03-01"), Formatted(2134, "00000"), Text("000123"), null],
            [Text("'+1 (415) 555-1001"), "Bob", 3d, false, Date("2025-03-01T14:30:00"), Text("10001"), Text("42"), "x"],
        ]));

        var list = RecipientFiles.Read(workbook);

        Assert.Equal(["+14155551000", "+14155551001"], list.Recipients.Select(r => r.PhoneNumber));
        Assert.Equal([2, 3], list.Recipients.Select(r => r.RowNumber));
        string[] first = ["name", "balance", "vip", "due", "zip", "account"];
        string[] second = ["balance", "vip", "due", "zip", "account", "note"];
        Assert.Equal(["\"Ann\"", "12.5", "true", "\"2025-03-01\"", "\"02134\"", "\"000123\""], first.Select(v => list.Raw(0, v)));
        Assert.Equal(["3", "false", "\"2025-03-01T14:30:00\"", "\"10001\"", "\"42\"", "\"x\""], second.Select(v => list.Raw(1, v)));
        Assert.False(list.Recipients[0].ClientData.DynamicVariables.ContainsKey("note"));
        Assert.Empty(list.RowErrors);
        Assert.Equal(bookType == "xls" ? RecipientFileFormat.Xls : RecipientFileFormat.Xlsx, list.File.Format);
        Assert.Equal("Sheet1", list.File.Sheet);
    }

    [Theory]
    [MemberData(nameof(Producers))]
    public async Task Read_ScientificNotationTextAndDateInPhoneColumn_RowErrorsWithRawValue(string writer, string bookType)
    {
        var workbook = await WriteAsync(writer, bookType, new Sheet("Sheet1",
        [
            ["Phone_Number "],
            [Text("1.55512E+10")],
            [Date("2025-03-01")],
            [Text("+14155551000")],
        ]));

        var list = RecipientFiles.Read(workbook);

        Assert.Equal([2, 3], list.RowErrors.Select(e => e.RowNumber));
        Assert.Equal("1.55512E+10", list.RowErrors[0].Value);
        Assert.Contains("dropped digits", list.RowErrors[0].Message, StringComparison.Ordinal);
        Assert.Contains("as a date", list.RowErrors[1].Message, StringComparison.Ordinal);
        Assert.Equal("Phone_Number", list.RowErrors[0].Column);
        Assert.Single(list.Recipients);
    }

    [Theory]
    [MemberData(nameof(Producers))]
    public async Task Read_InternationalNumberThatLostItsPlusInNumericCell_PlusRestoredLikeText(string writer, string bookType)
    {
        // A UK mobile, a German landline and an Indian mobile as Excel keeps them once it dropped the +.
        var workbook = await WriteAsync(writer, bookType, new Sheet("Sheet1",
        [
            ["phone_number"],
            [447911123456d],
            [4930901820d * 10],
            [919812345678d],
            [Text("447911123457")],
        ]));

        var list = RecipientFiles.Read(workbook, region: "US");

        Assert.Empty(list.RowErrors);
        Assert.Equal(["+447911123456", "+49309018200", "+919812345678", "+447911123457"], list.Recipients.Select(r => r.PhoneNumber));
    }

    public static TheoryData<string, string, string> ProducersAndNumberFormats()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (writer, bookType) in new[] { (SheetJs, "xlsx"), (SheetJs, "xls"), (ExcelJs, "xlsx") })
        {
            foreach (var format in new[] { "General", "0", "0.00E+00", "#,##0" })
            {
                data.Add(writer, bookType, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProducersAndNumberFormats))]
    public async Task Read_UkMobilesThatLostTheirPlusInNumericCells_PlusRestoredOrUnusedNumberExplained(string writer, string bookType, string numberFormat)
    {
        // 12-digit UK mobiles as Excel keeps them once it dropped the +, in a list read with region US, shown through each number format;
        // 447700900123 is in Ofcom's drama range, which libphonenumber lists as not in use.
        var workbook = await WriteAsync(writer, bookType, new Sheet("Sheet1",
        [
            ["phone_number"],
            [Formatted(447911123456, numberFormat)],
            [Formatted(447700900123, numberFormat)],
        ]));

        var list = RecipientFiles.Read(workbook, region: "US");

        Assert.Equal("+447911123456", list.Recipients.Single().PhoneNumber);
        var error = Assert.Single(list.RowErrors);
        Assert.Equal(3, error.RowNumber);
        Assert.Contains("whose + was lost (+447700900123)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsvSavedByExcelWithScientificNumbers_RowErrorSaysExcelDroppedDigitsAndHowToFix()
    {
        var list = RecipientFiles.Read("phone_number,name\r\n4.47701E+11,Ann\r\n4.47911E+11,Bob\r\n+447911123456,Cy\r\n", region: "US");

        Assert.Equal([2, 3], list.RowErrors.Select(e => e.RowNumber));
        Assert.All(list.RowErrors, e => Assert.Contains("Excel wrote this number in scientific notation and dropped digits", e.Message, StringComparison.Ordinal));
        Assert.All(list.RowErrors, e => Assert.Contains("upload the workbook (XLSX) itself", e.Message, StringComparison.Ordinal));
        Assert.Equal("4.47701E+11", list.RowErrors[0].Value);
        Assert.Equal("+447911123456", list.Recipients.Single().PhoneNumber);
    }

    [Theory]
    [MemberData(nameof(Producers))]
    public async Task Read_SheetNamed_ThatSheetIsRead(string writer, string bookType)
    {
        var workbook = await WriteAsync(writer, bookType,
            new Sheet("Notes", [["just notes"]]),
            new Sheet("Calls", [["phone_number"], ["+14155551000"]]));

        var list = RecipientFiles.Read(workbook, sheet: " calls ");

        Assert.Equal("Calls", list.File.Sheet);
        Assert.Equal("+14155551000", list.Recipients.Single().PhoneNumber);
    }

    [Fact]
    public async Task Read_NoSheetNamed_FirstVisibleSheetIsRead()
    {
        var workbook = await WriteAsync(SheetJs, "xlsx",
            new Sheet("Lookup", [["code"], ["x"]], Hidden: true),
            new Sheet("Calls", [["phone_number"], ["+14155551000"]]),
            new Sheet("Other", [["phone_number"], ["+14155551001"]]));

        var list = RecipientFiles.Read(workbook);

        Assert.Equal("Calls", list.File.Sheet);
        Assert.Equal("+14155551000", list.Recipients.Single().PhoneNumber);
    }

    [Fact]
    public async Task Read_SheetNameNotInWorkbook_RejectedListingTheSheets()
    {
        var workbook = await WriteAsync(SheetJs, "xls", new Sheet("Calls", [["phone_number"]]), new Sheet("Notes", [["x"]]));

        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read(workbook, sheet: "Recipients"));

        Assert.Equal("The workbook has no sheet named 'Recipients'. Its sheets are 'Calls', 'Notes'.", e.Message);
    }

    [Fact]
    public async Task Read_HeaderBelowBlankRows_RowNumbersMatchTheSpreadsheet()
    {
        var workbook = await WriteAsync(SheetJs, "xlsx", new Sheet("Sheet1",
        [
            [null],
            ["phone_number", "name"],
            ["+14155551000", "Ann"],
            [null, null],
            ["not a number", "Bob"],
        ]));

        var list = RecipientFiles.Read(workbook);

        Assert.Equal(3, list.Recipients.Single().RowNumber);
        Assert.Equal(5, list.RowErrors.Single().RowNumber);
    }

    [Fact]
    public async Task Read_TruncatedXlsx_RejectedAsDamaged()
    {
        var workbook = await WriteAsync(SheetJs, "xlsx", new Sheet("Sheet1", [["phone_number"], ["+14155551000"]]));

        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read(workbook[..(workbook.Length / 2)]));

        Assert.Contains("cannot be opened", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_TruncatedXls_RejectedAsUnreadable()
    {
        var workbook = await WriteAsync(SheetJs, "xls", new Sheet("Sheet1", [["phone_number"], ["+14155551000"]]));

        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read(workbook[..1024]));

        Assert.Contains("not a readable XLS workbook", e.Message, StringComparison.Ordinal);
    }
}
