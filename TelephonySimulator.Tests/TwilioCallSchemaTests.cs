using System.Text.Json;
using System.Text.Json.Nodes;
using TelephonySimulator.Tests.Infrastructure;

namespace TelephonySimulator.Tests;

/// <summary>The schema check must be able to fail, or the tests that rely on it prove nothing.</summary>
public sealed class TwilioCallSchemaTests
{
    [Theory]
    [InlineData("date_created", "2024-01-01T00:00:00Z")]
    [InlineData("sid", "CA123")]
    [InlineData("status", "initiated")]
    [InlineData("extra_field", "x")]
    [InlineData("status", null)]
    public void Evaluate_ResponseWithBrokenProperty_IsInvalid(string property, string? value)
    {
        var call = ValidCall();
        call[property] = value;

        var result = TwilioCallSchema.Evaluate(JsonSerializer.SerializeToElement(call));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Evaluate_ResponseMissingProperty_IsInvalid()
    {
        var call = ValidCall();
        call.Remove("trunk_sid");

        Assert.False(TwilioCallSchema.Evaluate(JsonSerializer.SerializeToElement(call)).IsValid);
    }

    [Fact]
    public void Evaluate_TwiliosDocumentedExample_IsValid()
    {
        Assert.True(TwilioCallSchema.Evaluate(JsonSerializer.SerializeToElement(ValidCall())).IsValid);
    }

    private static JsonObject ValidCall()
    {
        const string account = "AC0123456789abcdef0123456789abcdef";
        const string uri = "/2010-04-01/Accounts/" + account + "/Calls/CA0123456789abcdef0123456789abcdef";
        return new JsonObject
        {
            ["sid"] = "CA0123456789abcdef0123456789abcdef",
            ["date_created"] = "Tue, 31 Aug 2010 20:36:28 +0000",
            ["date_updated"] = "Tue, 31 Aug 2010 20:36:44 +0000",
            ["parent_call_sid"] = null,
            ["account_sid"] = account,
            ["to"] = "+14155551212",
            ["to_formatted"] = "(415) 555-1212",
            ["from"] = "+15017122661",
            ["from_formatted"] = "(501) 712-2661",
            ["phone_number_sid"] = "PN0123456789abcdef0123456789abcdef",
            ["status"] = "completed",
            ["start_time"] = "Tue, 31 Aug 2010 20:36:29 +0000",
            ["end_time"] = "Tue, 31 Aug 2010 20:36:44 +0000",
            ["duration"] = "15",
            ["price"] = "-0.03000",
            ["price_unit"] = "USD",
            ["direction"] = "outbound-api",
            ["answered_by"] = null,
            ["api_version"] = "2010-04-01",
            ["forwarded_from"] = null,
            ["group_sid"] = null,
            ["caller_name"] = null,
            ["queue_time"] = "1000",
            ["trunk_sid"] = null,
            ["uri"] = uri + ".json",
            ["subresource_uris"] = new JsonObject { ["recordings"] = uri + "/Recordings.json" },
        };
    }
}
