using System.Globalization;
using System.Text;
using BatchFunctions.Batches;
using BatchFunctions.Ingestion;
using BatchFunctions.Options;

namespace BatchFunctions.Tests.Ingestion;

public sealed class RecipientListParserTests
{
    [Fact]
    public void Parse_PhoneAndOtherColumns_OtherColumnsBecomeDynamicVariablesAndEmptyCellsAreAbsent()
    {
        var list = Parse("phone_number,name,plan\n+14155551000,Ann,gold\n+14155551001,Bob,\n");

        Assert.Equal(["+14155551000", "+14155551001"], list.Recipients.Select(r => r.PhoneNumber));
        Assert.Equal("Ann", list.Recipients[0].ClientData.DynamicVariables["name"].GetString());
        Assert.Equal("gold", list.Recipients[0].ClientData.DynamicVariables["plan"].GetString());
        Assert.False(list.Recipients[1].ClientData.DynamicVariables.ContainsKey("plan"));
        Assert.Equal([2, 3], list.Recipients.Select(r => r.RowNumber));
        Assert.Empty(list.RowErrors);
    }

    [Fact]
    public void Parse_OverrideColumns_BecomeConversationConfigOverrides()
    {
        var list = Parse("phone_number,first_message,Language,system_prompt,voice_id\n+14155551000,Hi Ann,fr,Be brief,voice1\n");

        var overrides = list.Recipients[0].ClientData.ConversationConfigOverride!;
        Assert.Equal(("Hi Ann", "fr", "Be brief", "voice1"), (overrides.Agent!.FirstMessage, overrides.Agent.Language, overrides.Agent.Prompt!.Prompt, overrides.Tts!.VoiceId));
        Assert.Empty(list.Recipients[0].ClientData.DynamicVariables);
        Assert.Equal(["first_message", "language", "system_prompt", "voice_id"], list.OverrideColumns);
    }

    [Fact]
    public void Parse_VoicemailMessageColumn_KeptApartFromTheAgentAndAnOverlongOneIsARowError()
    {
        var list = Parse($"phone_number,name,voicemail_message\n+14155551000,Ann,Please call us back.\n+14155551001,Bob,\n+14155551002,Cy,{new string('a', 1001)}\n");

        Assert.Equal(["Please call us back.", null], list.Recipients.Select(r => r.VoicemailMessage));
        Assert.False(list.Recipients[0].ClientData.DynamicVariables.ContainsKey("voicemail_message"));
        Assert.Equal(1, list.VoicemailMessages);
        var error = Assert.Single(list.RowErrors);
        Assert.Equal((4, "voicemail_message"), (error.RowNumber, error.Column));
        Assert.Contains("1,001 characters long; the limit is 1,000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phone_number;name\n+14155551000;Ann\n", ";")]
    [InlineData("phone_number\tname\n+14155551000\tAnn\n", "\t")]
    [InlineData("phone_number|name\n+14155551000|Ann\n", "|")]
    public void Parse_OtherDelimiters_Detected(string csv, string delimiter)
    {
        var list = Parse(csv);

        Assert.Equal(delimiter, list.File.Delimiter);
        Assert.Equal("Ann", list.Recipients.Single().ClientData.DynamicVariables["name"].GetString());
    }

    [Fact]
    public void Parse_QuotedFieldWithDelimiterAndNewline_KeptWhole()
    {
        var list = Parse("phone_number,note\n+14155551000,\"Hello, world\nsecond line\"\n+14155551001,x\n");

        Assert.Equal("Hello, world\nsecond line", list.Recipients[0].ClientData.DynamicVariables["note"].GetString());
        Assert.Equal(2, list.Recipients.Count);
    }

    [Fact]
    public void Parse_Windows1252WithoutBom_DecodedAsWindows1252()
    {
        var bytes = Encoding.Latin1.GetBytes("phone_number,name\n+14155551000,Zo\u00eb M\u00fcller\n");

        var list = RecipientFileReader.Read(new MemoryStream(bytes), new RecipientFileSettings("US"), new IngestionOptions());

        Assert.Equal("Zo\u00eb M\u00fcller", list.Recipients.Single().ClientData.DynamicVariables["name"].GetString());
        Assert.Equal("Windows-1252", list.File.Encoding, ignoreCase: true);
    }

    [Fact]
    public void Parse_InvalidAndDuplicateNumbers_ReportedByRowAndCalledOnce()
    {
        var list = Parse("phone_number,name\n+14155551000,Ann\nhello,Bob\n(415) 555-1000,Ann again\n1.41556E+10,Cy\n,Dee\n");

        Assert.Equal(["+14155551000"], list.Recipients.Select(r => r.PhoneNumber));
        Assert.Equal([3, 4, 5, 6], list.RowErrors.Select(e => e.RowNumber));
        Assert.All(list.RowErrors, e => Assert.Equal("phone_number", e.Column));
        Assert.Contains("Duplicate of row 2", list.RowErrors[1].Message, StringComparison.Ordinal);
        Assert.Contains("scientific notation", list.RowErrors[2].Message, StringComparison.Ordinal);
        Assert.Equal("1.41556E+10", list.RowErrors[2].Value);
    }

    [Theory]
    [InlineData("'+1 (415) 555-1000")]
    [InlineData("415.555.1000")]
    [InlineData("0014155551000")]
    [InlineData("14155551000")]
    public void Normalize_CommonWritings_BecomeE164(string raw)
    {
        Assert.Equal("+14155551000", PhoneNumberNormalizer.Normalize(raw, "US", out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Parse_NoPhoneColumn_RejectedWithHint()
    {
        var e = Assert.Throws<BatchRejectedException>(() => Parse("Mobile,name\n+14155551000,Ann\n"));

        Assert.Contains("no phone_number column", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Mobile', 'name'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'Mobile'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateHeader_Rejected()
    {
        var e = Assert.Throws<BatchRejectedException>(() => Parse("phone_number,name,Name\n+14155551000,a,b\n"));

        Assert.Contains("appears twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyFile_Rejected()
    {
        Assert.Throws<BatchRejectedException>(() => Parse(""));
    }

    [Theory]
    [InlineData("Phone Number")]
    [InlineData("phone")]
    [InlineData("Mobile")]
    [InlineData("Telephone #")]
    [InlineData("phone_numbr")]
    [InlineData("PhoneNumer")]
    public void Parse_NearMissOfPhoneNumber_RejectedSuggestingTheRename(string header)
    {
        var e = Assert.Throws<BatchRejectedException>(() => Parse($"{header},name\n+14155551000,Ann\n"));

        Assert.Contains($"Did you mean '{header}'? Rename it to phone_number, or set phone_column to '{header}'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnrelatedHeaders_RejectedAskingForThePhoneColumn()
    {
        var e = Assert.Throws<BatchRejectedException>(() => Parse("name,plan\nAnn,gold\n"));

        Assert.EndsWith("Add a column named phone_number holding each recipient's number.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TimezoneColumn_CanonicalIanaIdKeptAsVariable()
    {
        var list = Parse("phone_number,timezone\n+14155551000,america/new_york\n+14155551001, Europe/London \n+14155551002,\n");

        Assert.Equal("America/New_York", list.Recipients[0].ClientData.DynamicVariables["timezone"].GetString());
        Assert.Equal("Europe/London", list.Recipients[1].ClientData.DynamicVariables["timezone"].GetString());
        Assert.False(list.Recipients[2].ClientData.DynamicVariables.ContainsKey("timezone"));
        Assert.Empty(list.RowErrors);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not an IANA time zone id such as America/New_York or Europe/London.")]
    [InlineData("GMT+2", "'GMT+2' is not an IANA time zone id")]
    [InlineData("Eastern Standard Time", "'Eastern Standard Time' is a Windows zone name: write America/New_York instead.")]
    public void Parse_TimezoneNotIana_RowErrorNamingTheValue(string value, string expected)
    {
        var list = Parse($"phone_number,TimeZone\n+14155551000,{value}\n+14155551001,UTC\n");

        var error = Assert.Single(list.RowErrors);
        Assert.Equal((2, "TimeZone", value), (error.RowNumber, error.Column, error.Value));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("+14155551001", list.Recipients.Single().PhoneNumber);
    }

    [Fact]
    public void Parse_RowWithSeveralProblems_EachReportedAndRowCountedOnce()
    {
        var list = Parse("phone_number,timezone\nnope,Nowhere\n+14155551000,UTC\n");

        Assert.Equal(["phone_number", "timezone"], list.RowErrors.Select(e => e.Column));
        Assert.Equal(1, list.RowsLeftOut);
        Assert.Null(list.Unusable);
    }

    [Fact]
    public void Parse_NoRowCanBeCalled_UnusableSaysSo()
    {
        var list = Parse("phone_number\nnope\nnada\n");

        Assert.Equal("None of the 2 rows can be called; see the row errors.", list.Unusable);
    }

    [Fact]
    public void Parse_ListSpanningManyChunks_RecipientsInFileOrderAndDuplicatesPointToTheFirstRow()
    {
        var csv = new StringBuilder("phone_number,name\n");
        for (var i = 0; i < 12_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"+1415{200 + (i / 10_000):D3}{i % 10_000:D4},n{i}\n");
        }

        csv.Append("+14152000007,again\nnot a number,bad\n");

        var list = Parse(csv.ToString());

        Assert.Equal(12_000, list.Recipients.Count);
        Assert.Equal(Enumerable.Range(0, 12_000), list.Recipients.Select(r => r.Index));
        Assert.Equal(Enumerable.Range(2, 12_000), list.Recipients.Select(r => r.RowNumber));
        Assert.Equal("n11999", list.Recipients[11_999].ClientData.DynamicVariables["name"].GetString());
        Assert.Equal([12_002, 12_003], list.RowErrors.Select(e => e.RowNumber));
        Assert.StartsWith("Duplicate of row 9 (+14152000007)", list.RowErrors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreThanTwoToTheSixteenDistinctNumbers_EachDuplicateNamesItsFirstRow()
    {
        const int distinct = 70_000; // past 65,536, and past several growths of the duplicate check's table
        var csv = new StringBuilder("phone_number,name\n");
        for (var i = 0; i < distinct; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"+1415{200 + (i / 10_000):D3}{i % 10_000:D4},n{i}\n");
        }

        // Repeats of the first, a middle and the last number, the last written the way people type it.
        csv.Append("+14152000000,again\n+14152034567,again\n(415) 206-9999,again\n+14152000000,third time\n");

        var list = Parse(csv.ToString());

        Assert.Equal(distinct, list.Recipients.Count);
        Assert.Equal(Enumerable.Range(2, distinct), list.Recipients.Select(r => r.RowNumber));
        Assert.Equal([distinct + 2, distinct + 3, distinct + 4, distinct + 5], list.RowErrors.Select(e => e.RowNumber));
        Assert.Equal(
            [
                "Duplicate of row 2 (+14152000000); the number is called once.",
                "Duplicate of row 34569 (+14152034567); the number is called once.",
                $"Duplicate of row {distinct + 1} (+14152069999); the number is called once.",
                "Duplicate of row 2 (+14152000000); the number is called once.",
            ],
            list.RowErrors.Select(e => e.Message));
        Assert.Equal("(415) 206-9999", list.RowErrors[2].Value);
    }

    [Theory]
    [InlineData("Mobile")]
    [InlineData(" mobile ")]
    public void Parse_PhoneColumnSetting_NamedColumnHoldsTheNumbers(string phoneColumn)
    {
        var list = RecipientFiles.Read(Encoding.UTF8.GetBytes("name,Mobile\nAnn,+14155551000\nBob,oops\n"), phoneColumn: phoneColumn);

        var recipient = Assert.Single(list.Recipients);
        Assert.Equal("+14155551000", recipient.PhoneNumber);
        Assert.Equal(["name"], recipient.ClientData.DynamicVariables.Keys);
        Assert.Equal((3, "Mobile"), (list.RowErrors.Single().RowNumber, list.RowErrors.Single().Column));
    }

    [Fact]
    public void Parse_PhoneColumnSettingNotInFile_RejectedListingTheColumns()
    {
        var e = Assert.Throws<BatchRejectedException>(() => RecipientFiles.Read(Encoding.UTF8.GetBytes("name,Mobile\nAnn,+14155551000\n"), phoneColumn: "cell"));

        Assert.Equal("The phone_column setting names 'cell', but the file has no such column. Columns found: 'name', 'Mobile'.", e.Message);
    }

    [Fact]
    public void Parse_PhoneColumnSettingBesideAPhoneNumberColumn_Rejected()
    {
        var e = Assert.Throws<BatchRejectedException>(() =>
            RecipientFiles.Read(Encoding.UTF8.GetBytes("phone_number,Mobile\n+14155551000,+14155551001\n"), phoneColumn: "Mobile"));

        Assert.Contains("also has a phone_number column (column 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RowTooLargeForATableEntity_RowErrorNamingTheLimit()
    {
        var longText = new string('x', 9_000);
        var csv = $"phone_number,a,b,c,d\n+14155551000,{longText},{longText},{longText},{longText}\n+14155551001,{longText},,,\n";

        var list = Parse(csv);

        var error = Assert.Single(list.RowErrors);
        Assert.Equal((2, "a"), (error.RowNumber, error.Column));
        Assert.Contains("table storage holds at most 64 KiB per recipient", error.Message, StringComparison.Ordinal);
        Assert.Equal("+14155551001", list.Recipients.Single().PhoneNumber);
    }

    private static ParsedRecipientList Parse(string csv) =>
        RecipientFiles.Read(csv);
}
