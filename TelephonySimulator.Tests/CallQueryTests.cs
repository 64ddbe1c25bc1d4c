using System.Net;
using System.Text.Json;
using TelephonySimulator.Tests.Infrastructure;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class CallQueryTests
{
    [Fact]
    public async Task FetchAsync_UnknownSid_ThrowsApiException20404()
    {
        await using var server = await TestSimulator.StartAsync();

        var exception = await Assert.ThrowsAsync<ApiException>(
            () => CallResource.FetchAsync("CA00000000000000000000000000000000", client: TwilioClients.For(server)));

        Assert.Equal(20404, exception.Code);
        Assert.Equal(404, exception.Status);
    }

    [Fact]
    public async Task ReadAsync_FilterByTo_ReturnsOnlyThatNumberNewestFirst()
    {
        await using var server = await TestSimulator.StartAsync();
        var client = TwilioClients.For(server);
        var first = await CreateAsync(client, "+15550300001");
        await CreateAsync(client, "+15550300002");
        var second = await CreateAsync(client, "+15550300001");

        var calls = (await CallResource.ReadAsync(to: new PhoneNumber("+15550300001"), client: client)).ToList();

        Assert.Equal([second.Sid, first.Sid], calls.Select(c => c.Sid));
    }

    [Fact]
    public async Task ReadAsync_StatusAndStartTimeAfter_FiltersLikeTwilio()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+1555031*", SimulatedOutcome.Busy);
        var client = TwilioClients.For(server);
        var busy = await CreateAsync(client, "+15550310001");
        await CreateAsync(client, "+15550320001");
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "all calls to end");
        var today = DateTime.UtcNow.Date;

        var busyToday = await CallResource.ReadAsync(status: CallResource.StatusEnum.Busy, startTimeAfter: today, client: client);
        var tomorrow = await CallResource.ReadAsync(startTimeAfter: today.AddDays(1), client: client);
        var untilToday = await CallResource.ReadAsync(startTimeBefore: DateTime.UtcNow.AddMinutes(1), client: client);

        Assert.Equal(busy.Sid, Assert.Single(busyToday).Sid);
        Assert.Empty(tomorrow);
        Assert.Equal(2, untilToday.Count());
    }

    [Fact]
    public async Task ReadAsync_MorePagesThanPageSize_SdkFollowsNextPageUri()
    {
        await using var server = await TestSimulator.StartAsync();
        var client = TwilioClients.For(server);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await CreateAsync(client, "+15550330001")).Sid);
        }

        var read = (await CallResource.ReadAsync(pageSize: 2, client: client)).Select(c => c.Sid).ToList();

        created.Reverse();
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task ListCalls_RawResponse_HasTwilioEnvelopeAndSchemaValidCalls()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550340001", SimulatedOutcome.Human);
        var client = TwilioClients.For(server);
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(client, "+15550340001");
        }

        await Eventually.TrueAsync(() => server.LiveCalls == 0, "all calls to end");
        using var http = CreateCallTests.RawClient(server);

        using var response = await http.GetAsync($"2010-04-01/Accounts/{TestSimulator.AccountSid}/Calls.json?To=%2B15550340001&PageSize=2");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["calls", "end", "first_page_uri", "next_page_uri", "page", "page_size", "previous_page_uri", "start", "uri"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, root.GetProperty("calls").GetArrayLength());
        Assert.Equal(0, root.GetProperty("page").GetInt32());
        Assert.Equal(2, root.GetProperty("page_size").GetInt32());
        Assert.Equal(0, root.GetProperty("start").GetInt32());
        Assert.Equal(1, root.GetProperty("end").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("previous_page_uri").ValueKind);
        Assert.StartsWith($"/2010-04-01/Accounts/{TestSimulator.AccountSid}/Calls.json?To=%2B15550340001&PageSize=2&Page=1&PageToken=PA", root.GetProperty("next_page_uri").GetString(), StringComparison.Ordinal);
        foreach (var call in root.GetProperty("calls").EnumerateArray())
        {
            TwilioCallSchema.AssertValid(call);
            Assert.Equal("completed", call.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task FetchCall_EndedCall_RawResponseMatchesSchema()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550350001", SimulatedOutcome.NoAnswer);
        var call = await CreateAsync(TwilioClients.For(server), "+15550350001");
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "the call to end");
        using var http = CreateCallTests.RawClient(server);

        using var response = await http.GetAsync($"2010-04-01/Accounts/{TestSimulator.AccountSid}/Calls/{call.Sid}.json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        TwilioCallSchema.AssertValid(body.RootElement);
        Assert.Equal("no-answer", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("0", body.RootElement.GetProperty("duration").GetString());
        Assert.Equal(JsonValueKind.String, body.RootElement.GetProperty("end_time").ValueKind);
    }

    private static Task<CallResource> CreateAsync(Twilio.Clients.ITwilioRestClient client, string to) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(TestSimulator.CallerId)) { Twiml = new Twiml("<Response/>") },
            client);
}
