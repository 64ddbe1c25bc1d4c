using System.Text.Json;
using BatchFunctions.Tests.Infrastructure;
using TelephonySimulator;

namespace BatchFunctions.Tests.Engine;

/// <summary>
/// The calling layer under the provider's faults: after each, every recipient was dialed exactly once
/// per attempt according to the simulator's log, and every status is right.
/// </summary>
public sealed class ProviderFaultTests
{
    [Fact]
    public async Task RateLimitBurstAndServerErrors_RetriedWithoutDuplicateCalls()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        app.Simulator.Faults.FailNextDials(4, 429);
        app.Simulator.Faults.FailNextDials(2, 503);
        var numbers = BatchDriver.Numbers(8);

        var batchId = await app.LaunchAsync(numbers, new Dictionary<string, string> { ["target_concurrency_limit"] = "3" });
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        AssertEachDialedOnce(app, numbers);
        Assert.Equal(6, app.Simulator.DialAttempts.Count(a => a.HttpStatus is 429 or 503));
        Assert.All(batch.RecipientsByNumber().Values, r => Assert.Equal("completed", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task CreateAnsweredButResponseLost_ReconciledWithTwilioNotDialedAgain()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        app.Simulator.Faults.DropNextDials(2, callCreated: true);
        var numbers = BatchDriver.Numbers(5);

        var batchId = await app.LaunchAsync(numbers, new Dictionary<string, string> { ["target_concurrency_limit"] = "2" });
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        AssertEachDialedOnce(app, numbers);
        Assert.Equal(2, app.Simulator.DialAttempts.Count(a => a.Fault == DialFaultAction.Drop));
        var recipients = batch.RecipientsByNumber();
        Assert.All(app.Simulator.Calls, c => Assert.Equal(c.Sid, recipients[c.To].GetProperty("call_sid").GetString()));
        Assert.All(recipients.Values, r => Assert.Equal(("completed", 1), (r.GetProperty("status").GetString(), r.GetProperty("attempts").GetInt32())));
    }

    [Fact]
    public async Task SlowCreateResponses_CallbacksBeforeTheSid_StatusesStillRight()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        app.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(700);
        var numbers = BatchDriver.Numbers(4);

        var batchId = await app.LaunchAsync(numbers, new Dictionary<string, string> { ["target_concurrency_limit"] = "4" });
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        AssertEachDialedOnce(app, numbers);
        Assert.All(batch.RecipientsByNumber().Values, r => Assert.Equal("completed", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task DuplicatedAndReorderedCallbacks_EachRecipientCountedOnceWithTheRightStatus()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.NumberRules =
        [
            new NumberRule { Pattern = "+14155551000", Outcome = SimulatedOutcome.Human, DuplicateCallbacks = true, ReorderCallbacks = true },
            new NumberRule { Pattern = "+14155551001", Outcome = SimulatedOutcome.Busy, DuplicateCallbacks = true, ReorderCallbacks = true },
            new NumberRule { Pattern = "+14155551002", Outcome = SimulatedOutcome.NoAnswer, DuplicateCallbacks = true },
        ];
        simulator.DuplicateCallbackProbability = 0.5;
        await using var app = await AppUnderTest.StartAsync(simulator);
        var numbers = BatchDriver.Numbers(6);

        var batchId = await app.LaunchAsync(numbers, new Dictionary<string, string> { ["target_concurrency_limit"] = "2" });
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        AssertEachDialedOnce(app, numbers);
        Assert.Contains(app.Simulator.Calls, c => c.Callbacks.Any(cb => cb.Repeated));
        var recipients = batch.RecipientsByNumber();
        Assert.Equal("completed", recipients["+14155551000"].GetProperty("status").GetString());
        Assert.Equal(("failed", "busy"), Status(recipients["+14155551001"]));
        Assert.Equal(("failed", "no_answer"), Status(recipients["+14155551002"]));
        var counts = batch.GetProperty("status_counts");
        Assert.Equal((4, 2, 0), (counts.GetProperty("completed").GetInt32(), counts.GetProperty("failed").GetInt32(), counts.GetProperty("live").GetInt32()));
        Assert.Equal(6, batch.GetProperty("total_calls_finished").GetInt32());
    }

    [Fact]
    public async Task RecipientErrorCodes_FailThatRecipientWithTheCodeOthersCalled()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.NumberRules =
        [
            new NumberRule { Pattern = "+14155551001", ErrorCode = 21216 },
            new NumberRule { Pattern = "+14155551002", ErrorCode = 21215 },
        ];
        await using var app = await AppUnderTest.StartAsync(simulator);

        var batchId = await app.LaunchAsync(BatchDriver.Numbers(4));
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        var recipients = batch.RecipientsByNumber();
        Assert.Equal(("failed", "number_rejected"), Status(recipients["+14155551001"]));
        Assert.Contains("21216", recipients["+14155551001"].GetProperty("failure_detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("geo permissions", recipients["+14155551002"].GetProperty("failure_detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["+14155551000", "+14155551003"], app.Simulator.Calls.Select(c => c.To).Order());
    }

    [Fact]
    public async Task SipTrunkNumber_ElevenLabsDialsAndConversationStatusEndsEachCall()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.PhoneNumbers.Add(new SimulatedPhoneNumber { PhoneNumberId = "phnum_sip", PhoneNumber = "+14155550009", Provider = "sip_trunk", Label = "Trunk" });
        simulator.NumberRules =
        [
            new NumberRule { Pattern = "+14155551001", Outcome = SimulatedOutcome.Busy },
            new NumberRule { Pattern = "+14155551002", Outcome = SimulatedOutcome.NoAnswer },
        ];
        simulator.ConversationProcessingSeconds = 1;
        await using var app = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?> { ["Dispatch:SipPollInterval"] = "00:00:01" });
        var numbers = BatchDriver.Numbers(4);

        var batchId = await app.LaunchAsync(numbers, new Dictionary<string, string> { ["agent_phone_number_id"] = "phnum_sip" });
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        Assert.All(app.Simulator.Calls, c => Assert.Equal(SimulatedChannel.SipTrunk, c.Channel));
        AssertEachDialedOnce(app, numbers);
        var recipients = batch.RecipientsByNumber();
        Assert.Equal(("completed", null), Status(recipients["+14155551000"]));
        Assert.Equal(("failed", "busy"), Status(recipients["+14155551001"]));
        Assert.Equal(("failed", "no_answer"), Status(recipients["+14155551002"]));
        Assert.All(app.Simulator.Calls, c => Assert.Equal(c.ConversationId, recipients[c.To].GetProperty("conversation_id").GetString()));
        Assert.Equal("sip_trunk", batch.GetProperty("phone_provider").GetString());
    }

    private static void AssertEachDialedOnce(AppUnderTest app, IEnumerable<string> numbers) =>
        Assert.Equal(numbers.Order(), app.Simulator.Calls.Select(c => c.To).Order());

    private static (string?, string?) Status(JsonElement recipient) =>
        (recipient.GetProperty("status").GetString(), recipient.GetProperty("failure_reason").GetString());
}
