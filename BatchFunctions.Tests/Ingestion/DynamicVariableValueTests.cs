using System.Text.Json;
using BatchFunctions.Ingestion;

namespace BatchFunctions.Tests.Ingestion;

public sealed class DynamicVariableValueTests
{
    [Theory]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("0", "0")]
    [InlineData("3.5", "3.5")]
    [InlineData("0.25", "0.25")]
    [InlineData("123456789012345", "123456789012345")]
    [InlineData("true", "true")]
    [InlineData("FALSE", "false")]
    [InlineData("02134", "\"02134\"")]
    [InlineData("3.50", "\"3.50\"")]
    [InlineData("1,000", "\"1,000\"")]
    [InlineData("1e5", "\"1e5\"")]
    [InlineData("+5", "\"+5\"")]
    [InlineData(".5", "\".5\"")]
    [InlineData("-0", "\"-0\"")]
    [InlineData("1234567890123456", "\"1234567890123456\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("Ann", "\"Ann\"")]
    public void From_CsvText_NumberOrBooleanOnlyWhenWritingItBackGivesTheSameText(string field, string json)
    {
        var value = DynamicVariableValue.From(CellValue.FromCsv(field));

        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, value), $"{field} became {value.GetRawText()}, not {json}");
    }

    [Fact]
    public void From_SpreadsheetCells_KeepTheirType()
    {
        Assert.Equal("12.5", DynamicVariableValue.From(CellValue.FromNumber(12.5, "General")).GetRawText());
        Assert.Equal("14155551000", DynamicVariableValue.From(CellValue.FromNumber(14155551000, null)).GetRawText());
        Assert.Equal("true", DynamicVariableValue.From(CellValue.FromBoolean(true)).GetRawText());
        Assert.Equal("\"42\"", DynamicVariableValue.From(CellValue.FromText("42")).GetRawText());
        Assert.Equal("\"2025-03-01\"", DynamicVariableValue.From(CellValue.FromDate(new DateTime(2025, 3, 1))).GetRawText());
        Assert.Equal("\"2025-03-01T14:30:00\"", DynamicVariableValue.From(CellValue.FromDate(new DateTime(2025, 3, 1, 14, 30, 0))).GetRawText());
        Assert.Equal("\"02134\"", DynamicVariableValue.From(CellValue.FromNumber(2134, "00000")).GetRawText());
    }
}
