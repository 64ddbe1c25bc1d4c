using System.Globalization;
using System.Text;
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
    public void Indexer_OutsideTheList_Throws()
    {
        using var spool = new RecipientSpool();

        Assert.Throws<ArgumentOutOfRangeException>(() => spool[0]);
    }
}
