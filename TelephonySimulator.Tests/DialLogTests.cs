using System.Text.Json;
using TelephonySimulator.Tests.Infrastructure;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class DialLogTests
{
    [Fact]
    public async Task CallsEndpoint_QueuedCall_ShowsChannelCreatedStartedAndQueueTime()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+1555210*", SimulatedOutcome.Busy, o => o.CallsPerSecond = 4);
        var client = TwilioClients.For(server);
        await CreateAsync(client, "+15552100001");
        await CreateAsync(client, "+15552100002");
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "both calls to end");
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var log = JsonDocument.Parse(await http.GetStringAsync("simulator/calls"));

        var second = log.RootElement[1];
        Assert.Equal("twilio", second.GetProperty("channel").GetString());
        var created = second.GetProperty("created_at").GetDateTimeOffset();
        var started = second.GetProperty("started_at").GetDateTimeOffset();
        var queued = TimeSpan.Parse(second.GetProperty("queue_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(server.Calls[1].QueueTime, queued);
        Assert.True(created + queued >= server.Calls[0].CreatedAt + TimeSpan.FromMilliseconds(250), "the second call's slot is 1/CPS after the first");
        Assert.True(started - created >= queued - TimeSpan.FromMilliseconds(5), $"started {started - created} after creation, queued {queued}");
        Assert.Equal(JsonValueKind.Null, second.GetProperty("conversation_id").ValueKind);
    }

    [Fact]
    public async Task DialAttempts_BadCredentials_EachRefusalIsLoggedWithoutACall()
    {
        await using var server = await TestSimulator.StartAsync();
        var client = TwilioClients.For(server, authToken: "not-the-token");

        await Assert.ThrowsAsync<ApiException>(() => CreateAsync(client, "+15552110001"));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using var attempts = JsonDocument.Parse(await http.GetStringAsync("simulator/dial-attempts"));

        var attempt = Assert.Single(server.DialAttempts);
        Assert.Equal((401, 20003, (string?)null, "+15552110001"), (attempt.HttpStatus, attempt.ErrorCode, attempt.CallSid, attempt.To));
        Assert.Equal(TestSimulator.AccountSid, attempt.AccountSid);
        Assert.Equal(20003, Assert.Single(attempts.RootElement.EnumerateArray()).GetProperty("error_code").GetInt32());
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task DialAttempts_RetriedNumber_ShowsEachAttemptAndOneCall()
    {
        await using var server = await TestSimulator.StartAsync();
        server.Faults.FailNextDials(1, 500);
        var client = TwilioClients.For(server);

        await Assert.ThrowsAsync<ApiException>(() => CreateAsync(client, "+15552120001"));
        var call = await CreateAsync(client, "+15552120001");

        Assert.Equal([500, 201], server.DialAttempts.Select(a => a.HttpStatus));
        Assert.Equal([null, call.Sid], server.DialAttempts.Select(a => a.CallSid));
        Assert.Single(server.Calls, c => c.To == "+15552120001");
    }

    private static Task<CallResource> CreateAsync(Twilio.Clients.ITwilioRestClient client, string to) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(TestSimulator.CallerId)) { Twiml = new Twiml("<Response/>") },
            client);
}
