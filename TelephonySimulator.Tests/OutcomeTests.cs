using TelephonySimulator.Tests.Infrastructure;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class OutcomeTests
{
    private static readonly string[] Numbers = [.. Enumerable.Range(0, 24).Select(i => $"+1555040{i:D4}")];

    private static readonly Action<SimulatorOptions> EvenMix = o => o.Outcomes = new OutcomeMix
    {
        Human = 1,
        Voicemail = 1,
        Busy = 1,
        NoAnswer = 1,
        Failed = 1,
    };

    [Fact]
    public async Task Outcomes_SameSeedDifferentCreationOrder_AreIdenticalPerNumberAndAttempt()
    {
        await using var sequential = await TestSimulator.StartAsync(EvenMix);
        await using var concurrent = await TestSimulator.StartAsync(EvenMix);

        foreach (var number in Numbers.Concat(Numbers))
        {
            await CreateAsync(TwilioClients.For(sequential), number);
        }

        var reversed = Numbers.Reverse().Concat(Numbers.Reverse()).ToList();
        await Task.WhenAll(reversed.Select(number => CreateAsync(TwilioClients.For(concurrent), number)));

        Assert.Equal(OutcomesByAttempt(sequential), OutcomesByAttempt(concurrent));
    }

    [Fact]
    public async Task Outcomes_EvenMix_UseEveryOutcome()
    {
        await using var server = await TestSimulator.StartAsync(EvenMix);

        foreach (var number in Numbers)
        {
            await CreateAsync(TwilioClients.For(server), number);
        }

        Assert.Equal(Enum.GetValues<SimulatedOutcome>().ToHashSet(), server.Calls.Select(c => c.Outcome).ToHashSet());
    }

    [Fact]
    public async Task Outcomes_DifferentSeeds_Differ()
    {
        await using var seedOne = await TestSimulator.StartAsync(o => { EvenMix(o); o.Seed = 1; });
        await using var seedTwo = await TestSimulator.StartAsync(o => { EvenMix(o); o.Seed = 2; });

        foreach (var number in Numbers)
        {
            await CreateAsync(TwilioClients.For(seedOne), number);
            await CreateAsync(TwilioClients.For(seedTwo), number);
        }

        Assert.NotEqual(OutcomesByAttempt(seedOne), OutcomesByAttempt(seedTwo));
    }

    [Fact]
    public async Task Outcomes_OnlyBusyWeighted_AreAllBusy()
    {
        await using var server = await TestSimulator.StartAsync(o => o.Outcomes = new OutcomeMix { Human = 0, Busy = 3 });

        foreach (var number in Numbers)
        {
            await CreateAsync(TwilioClients.For(server), number);
        }

        Assert.All(server.Calls, c => Assert.Equal(SimulatedOutcome.Busy, c.Outcome));
    }

    [Fact]
    public async Task NumberRules_ExactAndPrefix_FirstMatchWinsOverMix()
    {
        await using var server = await TestSimulator.StartAsync(o =>
        {
            o.Outcomes = new OutcomeMix { Human = 1 };
            o.NumberRules =
            [
                new NumberRule { Pattern = "+15550500001", Outcome = SimulatedOutcome.Failed },
                new NumberRule { Pattern = "+1555050*", Outcome = SimulatedOutcome.Voicemail },
                new NumberRule { Pattern = "+15550500002", Outcome = SimulatedOutcome.Busy },
            ];
        });
        var client = TwilioClients.For(server);

        await CreateAsync(client, "+15550500001");
        await CreateAsync(client, "+15550500002");
        await CreateAsync(client, "+15550600000");

        Assert.Equal(
            [SimulatedOutcome.Failed, SimulatedOutcome.Voicemail, SimulatedOutcome.Human],
            server.Calls.Select(c => c.Outcome));
    }

    [Fact]
    public async Task HumanRule_RingLongerThanTimeout_EndsNoAnswer()
    {
        await using var server = await TestSimulator.StartWithRuleAsync(
            "+15550700001",
            SimulatedOutcome.Human,
            o => o.RingSeconds = new DurationRange { Min = 30, Max = 30 });

        await CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+15550700001"), new PhoneNumber(TestSimulator.CallerId))
            {
                Twiml = new Twiml("<Response/>"),
                Timeout = 10,
            },
            TwilioClients.For(server));
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "the call to end");

        var call = Assert.Single(server.Calls);
        Assert.Equal(SimulatedOutcome.NoAnswer, call.Outcome);
        Assert.Equal("no-answer", call.Status);
    }

    private static List<string> OutcomesByAttempt(SimulatorServer server) =>
        [.. server.Calls
            .GroupBy(c => c.To)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Select((c, attempt) => $"{g.Key}#{attempt}:{c.Outcome}"))];

    private static Task<CallResource> CreateAsync(ITwilioRestClient client, string to) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(TestSimulator.CallerId)) { Twiml = new Twiml("<Response/>") },
            client);
}
