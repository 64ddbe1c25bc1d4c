using System.Globalization;
using System.Text;
using System.Text.Json;
using BatchFunctions.Domain;
using BatchFunctions.Ingestion;

namespace BatchFunctions.Tests.Ingestion;

public sealed class RecipientSpoolTests
{
    [Fact]
    public void Parse_ListLongerThanKeptInMemory_RecipientsPastTheHeadReadBackFromTheSpoolIntact()
    {
        var csv = new StringBuilder("phone_number,name,balance,vip\n");
        for (var i = 0; i < 20_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"+1415{200 + (i / 10_000):D3}{i % 10_000:D4},Customer {i},{i}.5,{i % 2 == 0}\n");
        }

        using var list = RecipientFiles.Read(csv.ToString());

        Assert.IsType<RecipientSpool>(list.Recipients);
        Assert.Equal(20_000, list.Recipients.Count);
        var spooled = list.Recipients[19_042];
        Assert.Equal((19_042, 19_044, "+14152019042"), (spooled.Index, spooled.RowNumber, spooled.PhoneNumber));
        Assert.Equal("\"Customer 19042\"", spooled.ClientData.DynamicVariables["name"].GetRawText());
        Assert.Equal("19042.5", spooled.ClientData.DynamicVariables["balance"].GetRawText());
        Assert.Equal("true", spooled.ClientData.DynamicVariables["vip"].GetRawText());
        Assert.Equal(Enumerable.Range(0, 20_000), list.Recipients.Select(r => r.Index));
    }

    [Fact]
    public void Indexer_RecipientsOfVaryingLengthsAcrossManyRunsOfStarts_EachReadBackWholeInAnyOrder()
    {
        // Lengths from a few dozen bytes to 20 KiB, so starts fall anywhere in the in-memory head, the file and the runs of
        // 1,024 starts the spool keeps, and a wrong start or end shows as a wrong or unreadable recipient.
        const int count = 5_000;
        using var spool = new RecipientSpool();
        for (var i = 0; i < count; i++)
        {
            var pad = JsonSerializer.SerializeToElement(new string('x', Padding(i)));
            spool.Add(new Recipient(0, i + 2, $"+1415{2_000_000 + i}", new ConversationInitiationClientData(new Dictionary<string, JsonElement> { ["pad"] = pad })));
        }

        Assert.Equal(count, spool.Count);
        var random = new Random(14);
        foreach (var i in Enumerable.Range(0, count).OrderBy(_ => random.Next()))
        {
            var recipient = spool[i];
            Assert.Equal((i, i + 2, $"+1415{2_000_000 + i}"), (recipient.Index, recipient.RowNumber, recipient.PhoneNumber));
            Assert.Equal(Padding(i), recipient.ClientData.DynamicVariables["pad"].GetString()!.Length);
        }

        static int Padding(int i) => i % 97 == 0 ? 20_000 : i * 7 % 300;
    }

    [Fact]
    public void Add_RecipientLongerThanASpoolTakes_RefusedAndTheSpoolUnchanged()
    {
        using var spool = new RecipientSpool();
        spool.Add("""{"RowNumber":2,"PhoneNumber":"+14155551000","ClientData":{"dynamic_variables":{}}}"""u8);

        Assert.Throws<ArgumentException>(() => spool.Add(new byte[RecipientSpool.MaxRecipientBytes + 1]));
        Assert.Equal("+14155551000", Assert.Single(spool).PhoneNumber);
    }

    [Fact]
    public void Indexer_OutsideTheList_Throws()
    {
        using var spool = new RecipientSpool();

        Assert.Throws<ArgumentOutOfRangeException>(() => spool[0]);
    }
}
