using System.Net.Http.Json;
using System.Text.Json;
using TelephonySimulator.Tests.Infrastructure;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class LiveCallTests : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task PeakLiveCalls_ConcurrentCalls_CountsAllThatOverlapped()
    {
        // Talks of 400 simulated seconds last 0.4 s at 1000x: the six calls overlap.
        await using var server = await TestSimulator.StartAsync(o => o.TalkSeconds = new DurationRange { Min = 400, Max = 400 });
        var client = TwilioClients.For(server);

        var calls = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber($"+1555080000{i}"), new PhoneNumber(TestSimulator.CallerId))
            {
                Url = receiver.Url("/answer"),
                StatusCallback = receiver.Url("/status"),
            },
            client)));
        foreach (var call in calls)
        {
            await receiver.WaitForTerminalCallbackAsync(call.Sid);
        }

        await Eventually.TrueAsync(() => server.LiveCalls == 0, "every call to end");
        Assert.Equal(6, server.PeakLiveCalls);
    }

    [Fact]
    public async Task LiveCalls_TerminalCallbackInFlight_StillCountsUntilItIsSent()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550810001", SimulatedOutcome.Busy);

        await CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+15550810001"), new PhoneNumber(TestSimulator.CallerId))
            {
                Url = receiver.Url("/answer"),
                StatusCallback = receiver.Url("/held"),
            },
            TwilioClients.For(server));
        await Eventually.TrueAsync(() => receiver.Requests.Any(r => r.Path == "/held"), "the terminal callback to arrive");

        Assert.Equal("busy", Assert.Single(server.Calls).Status);
        Assert.Equal(1, server.LiveCalls);
        receiver.ReleaseHeld();
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "the call to stop counting as live");
        Assert.Equal(200, Assert.Single(Assert.Single(server.Calls).Callbacks).HttpStatus);
    }

    [Fact]
    public async Task LiveCalls_NoStatusCallback_EndsWhenCallEnds()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550820001", SimulatedOutcome.Failed);

        await CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+15550820001"), new PhoneNumber(TestSimulator.CallerId)) { Twiml = new Twiml("<Response/>") },
            TwilioClients.For(server));
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "the call to end");

        var call = Assert.Single(server.Calls);
        Assert.Equal("failed", call.Status);
        Assert.Empty(call.Callbacks);
        Assert.Equal(1, server.PeakLiveCalls);
    }

    [Fact]
    public async Task InspectionEndpoints_AfterCalls_ReportStatsAndDialLog()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550830001", SimulatedOutcome.Busy);
        var call = await CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+15550830001"), new PhoneNumber(TestSimulator.CallerId))
            {
                Url = receiver.Url("/answer"),
                StatusCallback = receiver.Url("/status"),
            },
            TwilioClients.For(server));
        await receiver.WaitForTerminalCallbackAsync(call.Sid);
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "the call to end");
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var stats = JsonDocument.Parse(await http.GetStringAsync("simulator/stats"));
        using var log = JsonDocument.Parse(await http.GetStringAsync("simulator/calls"));

        Assert.Equal(0, stats.RootElement.GetProperty("live_calls").GetInt32());
        Assert.Equal(1, stats.RootElement.GetProperty("peak_live_calls").GetInt32());
        Assert.Equal(1, stats.RootElement.GetProperty("calls_created").GetInt32());
        var logged = Assert.Single(log.RootElement.EnumerateArray());
        Assert.Equal(call.Sid, logged.GetProperty("sid").GetString());
        Assert.Equal("busy", logged.GetProperty("outcome").GetString());
        Assert.Equal("busy", logged.GetProperty("status").GetString());
        Assert.Equal("completed", logged.GetProperty("callbacks")[0].GetProperty("event").GetString());
        Assert.Equal(200, logged.GetProperty("callbacks")[0].GetProperty("http_status").GetInt32());
    }
}
