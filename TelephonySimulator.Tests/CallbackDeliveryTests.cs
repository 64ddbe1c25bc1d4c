using TelephonySimulator.Tests.Infrastructure;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class CallbackDeliveryTests : IAsyncLifetime
{
    private static readonly string[] AllEvents = ["initiated", "ringing", "answered", "completed"];

    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task DuplicateCallbacksRule_EveryCallbackArrivesTwiceWithTheSameSequenceNumberAndSignature()
    {
        await using var server = await StartWithRuleAsync(new NumberRule { Pattern = "+15551800001", Outcome = SimulatedOutcome.Busy, DuplicateCallbacks = true });

        var call = await CreateAsync(server, "+15551800001");
        await Eventually.TrueAsync(() => receiver.For(call.Sid, "/status").Count == 6, "six deliveries");

        var callbacks = receiver.For(call.Sid, "/status");
        Assert.Equal(["0", "0", "1", "1", "2", "2"], callbacks.Select(c => c["SequenceNumber"]));
        Assert.Equal(["initiated", "initiated", "ringing", "ringing", "busy", "busy"], callbacks.Select(c => c["CallStatus"]));
        Assert.Equal(callbacks[4].Signature, callbacks[5].Signature);
        Assert.Equal(callbacks[4].Parameters, callbacks[5].Parameters);
        Assert.All(callbacks, c => Assert.True(WebhookReceiver.IsValidlySigned(c)));
        await Eventually.TrueAsync(() => server.Calls[0].Callbacks.Count == 6, "the log to hold six deliveries");
        Assert.Equal([false, true, false, true, false, true], server.Calls[0].Callbacks.Select(c => c.Repeated));
    }

    [Fact]
    public async Task ReorderCallbacksRule_AdjacentPairsArriveSwappedWhileSequenceNumbersKeepTheTrueOrder()
    {
        await using var server = await StartWithRuleAsync(new NumberRule { Pattern = "+15551800002", Outcome = SimulatedOutcome.Human, ReorderCallbacks = true });

        var call = await CreateAsync(server, "+15551800002");
        await Eventually.TrueAsync(() => receiver.For(call.Sid, "/status").Count == 4, "four deliveries");

        var callbacks = receiver.For(call.Sid, "/status");
        Assert.Equal(["1", "0", "3", "2"], callbacks.Select(c => c["SequenceNumber"]));
        Assert.Equal(["ringing", "initiated", "completed", "in-progress"], callbacks.Select(c => c["CallStatus"]));
        await Eventually.TrueAsync(() => server.Calls[0].Callbacks.Count == 4, "the log to hold four deliveries");
        Assert.Equal([false, true, false, true], server.Calls[0].Callbacks.Select(c => c.Reordered));
    }

    [Fact]
    public async Task ReorderCallbacksRule_StaleCallbackAfterTheTerminalOne_CallAlreadyNoLongerLive()
    {
        await using var server = await StartWithRuleAsync(new NumberRule { Pattern = "+15551800003", Outcome = SimulatedOutcome.Human, ReorderCallbacks = true });
        var liveWhenStaleArrived = -1;
        receiver.StatusReceived = c => liveWhenStaleArrived = c["CallStatus"] == "in-progress" ? server.LiveCalls : liveWhenStaleArrived;

        var call = await CreateAsync(server, "+15551800003");
        await Eventually.TrueAsync(() => receiver.For(call.Sid, "/status").Count == 4, "four deliveries");

        Assert.Equal(0, liveWhenStaleArrived);
        Assert.Equal("completed", server.Calls[0].Status);
    }

    [Fact]
    public async Task LoseTerminalCallbackRule_CallEndsButOnlyProgressCallbacksArrive()
    {
        await using var server = await StartWithRuleAsync(new NumberRule { Pattern = "+15551800004", Outcome = SimulatedOutcome.NoAnswer, LoseTerminalCallback = true });

        var call = await CreateAsync(server, "+15551800004");
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "the call to end");
        var fetched = await CallResource.FetchAsync(call.Sid, client: TwilioClients.For(server));

        Assert.Equal(["initiated", "ringing"], receiver.For(call.Sid, "/status").Select(c => c["CallStatus"]));
        Assert.Equal(CallResource.StatusEnum.NoAnswer, fetched.Status);
        Assert.Equal(["initiated", "ringing"], server.Calls[0].Callbacks.Select(c => c.Event));
    }

    [Fact]
    public async Task CallbackProbabilities_SameSeed_DeliverTheSameWayEveryRun()
    {
        static void Faulty(SimulatorOptions o)
        {
            o.DuplicateCallbackProbability = 0.3;
            o.ReorderCallbackProbability = 0.3;
            o.Outcomes = new OutcomeMix { Busy = 1 };
        }

        string[] numbers = [.. Enumerable.Range(0, 8).Select(i => $"+155518100{i:D2}")];
        var runs = new List<List<string>>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await using var server = await TestSimulator.StartAsync(Faulty);
            await Task.WhenAll(numbers.Select(n => CreateAsync(server, n)));
            await Eventually.TrueAsync(() => server.LiveCalls == 0, "every call to end");
            await DeliveriesSettledAsync(server);
            runs.Add([.. server.Calls.OrderBy(c => c.To, StringComparer.Ordinal)
                .Select(c => c.To + ":" + string.Join(",", c.Callbacks.Select(cb => cb.SequenceNumber + (cb.Repeated ? "d" : "") + (cb.Reordered ? "r" : ""))))]);
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.Contains(runs[0], r => r.Contains('d', StringComparison.Ordinal));
        Assert.Contains(runs[0], r => r.Contains('r', StringComparison.Ordinal));
    }

    /// <summary>A repeat or a held-back callback can follow the terminal one: waits until nothing more is logged for a while.</summary>
    private static async Task DeliveriesSettledAsync(SimulatorServer server)
    {
        var quietPolls = 0;
        var last = -1;
        while (quietPolls < 5)
        {
            await Task.Delay(50);
            var now = server.Calls.Sum(c => c.Callbacks.Count);
            quietPolls = now == last ? quietPolls + 1 : 0;
            last = now;
        }
    }

    private static Task<SimulatorServer> StartWithRuleAsync(NumberRule rule) =>
        TestSimulator.StartAsync(o => o.NumberRules.Add(rule));

    private Task<CallResource> CreateAsync(SimulatorServer server, string to) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(TestSimulator.CallerId))
            {
                Url = receiver.Url("/answer"),
                StatusCallback = receiver.Url("/status"),
                StatusCallbackEvent = [.. AllEvents],
            },
            TwilioClients.For(server));
}
