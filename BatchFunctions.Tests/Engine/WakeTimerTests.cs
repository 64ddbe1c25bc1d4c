using BatchFunctions.Tests.Infrastructure;
using TelephonySimulator;

namespace BatchFunctions.Tests.Engine;

/// <summary>
/// The Azure Storage provider makes a timer's message visible after its delay in whole seconds, rounded
/// down: a timer fires up to a second early, and one set less than a second ahead fires at once. A loop
/// that wakes early, finds nothing due and arms the remainder spins through episodes until the time comes.
/// </summary>
public sealed class WakeTimerTests
{
    [Fact]
    public async Task QuietBatch_EveryWakeTimerIsSetASecondAhead_AndFewAreArmed()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.RingSeconds = new DurationRange { Min = 1, Max = 1 };
        simulator.TalkSeconds = new DurationRange { Min = 600, Max = 600 };
        await using var app = await AppUnderTest.StartAsync(simulator);
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(3), new Dictionary<string, string> { ["target_concurrency_limit"] = "3" });
        await app.WaitForCallsAsync(3);

        // Every call is live and nothing is left to dial: the loop only reports progress and keeps its lease.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var timers = await app.Durable.TimersAsync(batchId);

        Assert.NotEmpty(timers);
        Assert.All(timers, timer => Assert.True(timer.FireAt - timer.ArmedAt >= TimeSpan.FromSeconds(1),
            $"A timer armed at {timer.ArmedAt:HH:mm:ss.fff} was set to fire at {timer.FireAt:HH:mm:ss.fff}, which the provider fires at once."));
        Assert.True(timers.Count <= 6, $"{timers.Count} timers armed in the first {DateTime.UtcNow - timers[0].ArmedAt:g} of a batch of three calls.");
        await app.Control().CancelAsync(app.Durable.Client, batchId, hangUpLiveCalls: true, CancellationToken.None);
    }
}
