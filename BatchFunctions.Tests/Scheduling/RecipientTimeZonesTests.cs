using System.Text.Json;
using BatchFunctions.Domain;
using BatchFunctions.Scheduling;

namespace BatchFunctions.Tests.Scheduling;

public sealed class RecipientTimeZonesTests
{
    [Fact]
    public void For_MoscowMobile_EveryZoneOfRussiaLibphonenumberGives()
    {
        var zones = RecipientTimeZones.For(Recipient("+79161234567"), "America/New_York");

        Assert.Equal(16, zones.Count);
        Assert.Contains("Europe/Moscow", zones);
        Assert.Contains("Asia/Kamchatka", zones);
    }

    [Theory]
    [InlineData("+18002752273")] // US toll-free: libphonenumber gives 42 zones
    [InlineData("+448001234567")] // UK toll-free
    [InlineData("+449098790000")] // UK premium rate
    [InlineData("+4970012345678")] // German personal number
    [InlineData("+33970123456")] // French VoIP
    [InlineData("+80012345678")] // international freephone, no country
    [InlineData("+870773111632")] // Inmarsat, no country
    public void For_NumberThatSaysNothingOfWhere_TheBatchZone(string number)
    {
        Assert.Equal(["America/New_York"], RecipientTimeZones.For(Recipient(number), "America/New_York"));
    }

    [Fact]
    public void For_TollFreeWithTimezoneColumn_TheColumnWins()
    {
        Assert.Equal(["America/Chicago"], RecipientTimeZones.For(Recipient("+18002752273", "America/Chicago"), "America/New_York"));
    }

    [Fact]
    public void For_GeographicNumber_ItsOwnZoneNotTheBatchZone()
    {
        Assert.Equal(["America/Los_Angeles"], RecipientTimeZones.For(Recipient("+14155551000"), "America/New_York"));
    }

    private static Recipient Recipient(string number, string? timezone = null)
    {
        var variables = new Dictionary<string, JsonElement>();
        if (timezone is not null)
        {
            variables[RecipientTimeZones.Column] = JsonSerializer.SerializeToElement(timezone);
        }

        return new Recipient(0, 2, number, new ConversationInitiationClientData(variables));
    }
}
