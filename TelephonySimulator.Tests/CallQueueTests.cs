using System.Globalization;
using TelephonySimulator.Tests.Infrastructure;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class CallQueueTests : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task CreateAsync_BurstOverCallsPerSecond_StartsCallsInOrderAtThatPace()
    {
        // 10 CPS: one call starts every 100 ms, however fast they are created.
        await using var server = await TestSimulator.StartWithRuleAsync("+1555160*", SimulatedOutcome.Busy, o => o.CallsPerSecond = 10);
        var client = TwilioClients.For(server);
        var created = new List<CallResource>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateAsync(client, $"+155516000{i:D2}"));
        }

        await Eventually.TrueAsync(() => server.LiveCalls == 0, "every call to end");
        var calls = server.Calls;

        // Each call's slot (creation plus queue time) is at least 1/CPS after the one before, and it starts no earlier.
        Assert.Equal(created.Select(c => c.Sid), calls.Select(c => c.Sid));
        for (var i = 1; i < calls.Count; i++)
        {
            var gap = Slot(calls[i]) - Slot(calls[i - 1]);
            Assert.True(gap >= TimeSpan.FromMilliseconds(100), $"call {i}'s slot is only {gap.TotalMilliseconds} ms after the one before");
        }

        Assert.Equal(TimeSpan.Zero, calls[0].QueueTime);
        Assert.All(calls, c => Assert.True(c.StartedAt >= Slot(c) - TimeSpan.FromMilliseconds(5), $"{c.Sid} started before its slot"));
        Assert.Equal(
            ((long)calls[4].QueueTime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            created[4].QueueTime);
    }

    [Fact]
    public async Task CreateAsync_QueuedCall_InitiatedCallbackWaitsForItsSlot()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+1555161*", SimulatedOutcome.Busy, o => o.CallsPerSecond = 4);
        var client = TwilioClients.For(server);

        var first = await CreateAsync(client, "+15551610001", receiver);
        var second = await CreateAsync(client, "+15551610002", receiver);
        await receiver.WaitForTerminalCallbackAsync(second.Sid);

        await Eventually.TrueAsync(() => server.LiveCalls == 0, "both calls to end");
        var firstCreated = server.Calls.Single(c => c.Sid == first.Sid).CreatedAt;
        var initiated = server.Calls.Single(c => c.Sid == second.Sid).Callbacks.Single(c => c.Event == "initiated").SentAt - firstCreated;
        Assert.True(initiated >= TimeSpan.FromMilliseconds(245), $"the second call's initiated callback went out {initiated.TotalMilliseconds} ms after the first call was created, at 4 CPS");
        Assert.Equal(["initiated", "ringing", "busy"], receiver.For(second.Sid, "/status").Select(c => c["CallStatus"]));
    }

    [Fact]
    public async Task FetchAsync_CallWaitingInQueue_IsQueuedWithQueueTime()
    {
        await using var server = await TestSimulator.StartAsync(o => o.CallsPerSecond = 0.5);
        var client = TwilioClients.For(server);
        await CreateAsync(client, "+15551620001");
        var waiting = await CreateAsync(client, "+15551620002");

        var fetched = await CallResource.FetchAsync(waiting.Sid, client: client);

        Assert.Equal(CallResource.StatusEnum.Queued, fetched.Status);
        Assert.Null(fetched.StartTime);
        Assert.InRange(int.Parse(fetched.QueueTime, CultureInfo.InvariantCulture), 1, 2000);
    }

    [Fact]
    public async Task FetchCall_WaitingInQueue_RawResponseMatchesSchema()
    {
        await using var server = await TestSimulator.StartAsync(o => o.CallsPerSecond = 0.5);
        var client = TwilioClients.For(server);
        await CreateAsync(client, "+15551620003");
        var waiting = await CreateAsync(client, "+15551620004");
        using var http = CreateCallTests.RawClient(server);

        using var body = System.Text.Json.JsonDocument.Parse(
            await http.GetStringAsync($"2010-04-01/Accounts/{TestSimulator.AccountSid}/Calls/{waiting.Sid}.json"));

        TwilioCallSchema.AssertValid(body.RootElement);
        Assert.NotEqual("0", body.RootElement.GetProperty("queue_time").GetString());
    }

    [Fact]
    public async Task UpdateAsync_CancelCallWaitingInQueue_EndsCanceledWithoutInitiated()
    {
        await using var server = await TestSimulator.StartAsync(o => o.CallsPerSecond = 0.5);
        var client = TwilioClients.For(server);
        await CreateAsync(client, "+15551630001", receiver);
        var waiting = await CreateAsync(client, "+15551630002", receiver);

        await CallResource.UpdateAsync(waiting.Sid, status: CallResource.UpdateStatusEnum.Canceled, client: client);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(waiting.Sid);

        Assert.Equal(["canceled"], callbacks.Select(c => c["CallStatus"]));
        Assert.Equal("canceled", server.Calls.Single(c => c.Sid == waiting.Sid).Status);
    }

    [Fact]
    public async Task CallsPerSecond_AccountOverride_PacesOnlyThatAccount()
    {
        const string fastSid = "AC99999999999999999999999999999999";
        await using var server = await TestSimulator.StartWithRuleAsync("+1555164*", SimulatedOutcome.Busy, o =>
        {
            o.CallsPerSecond = 1;
            o.TwilioAccounts.Add(new SimulatedTwilioAccount { AccountSid = fastSid, AuthToken = "fast-token", CallsPerSecond = 0 });
        });
        var fast = TwilioClients.For(server, fastSid, "fast-token");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => CreateAsync(fast, $"+155516400{i:D2}")));
        await CreateAsync(TwilioClients.For(server), "+15551640100");
        await CreateAsync(TwilioClients.For(server), "+15551640101");

        Assert.All(server.Calls.Where(c => c.AccountSid == fastSid), c => Assert.Equal(TimeSpan.Zero, c.QueueTime));
        var gap = Slot(server.Calls[^1]) - Slot(server.Calls[^2]);
        Assert.True(gap >= TimeSpan.FromSeconds(1), $"the default account's calls are only {gap.TotalMilliseconds} ms apart at 1 CPS");
    }

    private static DateTimeOffset Slot(SimulatedCall call) => call.CreatedAt + call.QueueTime;

    private static Task<CallResource> CreateAsync(Twilio.Clients.ITwilioRestClient client, string to, WebhookReceiver? receiver = null) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(TestSimulator.CallerId))
            {
                Twiml = new Twiml("<Response/>"),
                StatusCallback = receiver?.Url("/status"),
                StatusCallbackEvent = receiver is null ? null : ["initiated", "ringing", "answered", "completed"],
            },
            client);
}
