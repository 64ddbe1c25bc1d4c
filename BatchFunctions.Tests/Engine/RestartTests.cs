using System.Diagnostics;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Tests.Infrastructure;
using TelephonySimulator;

namespace BatchFunctions.Tests.Engine;

/// <summary>A host that dies while calls are live, and whose calls end (their callbacks lost) before it is back.</summary>
public sealed class RestartTests
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    // A restarted worker sees the orchestration's messages again only once their queue visibility
    // timeout (30 s in the test host) has passed; then the live-call check runs at its interval.
    private static readonly TimeSpan QueueVisibilityTimeout = TimeSpan.FromSeconds(30);

    private static readonly string[] FinalStatuses = ["completed", "failed", "voicemail", "cancelled"];

    [Fact]
    public async Task WorkerDownWhileCallsEnd_CallbacksLost_RestartFinishesEveryCallOnceAndFreesTheSlots()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = 10;
        simulator.TalkSeconds = new DurationRange { Min = 30, Max = 60 };
        await using var app = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Dispatch:LiveCallCheckInterval"] = "00:00:05",
            [DurableTestHost.VisibilityTimeoutSetting] = DurableTestHost.CrashRecoveryVisibilityTimeout,
        });
        var numbers = BatchDriver.Numbers(20);
        var batchId = await app.LaunchAsync(numbers, new Dictionary<string, string> { ["target_concurrency_limit"] = "5" });
        await app.WaitForCallsAsync(7, TimeSpan.FromSeconds(90));
        await WaitUntilAsync(() => app.Simulator.LiveCalls >= 4, TimeSpan.FromSeconds(30), "four calls live at once");

        // Down: every status callback lost, as when the host's address answers nothing, and no worker.
        app.Drop = request => request.Path.StartsWithSegments("/twilio/status", StringComparison.OrdinalIgnoreCase);
        var liveAtCrash = app.Simulator.Calls.Where(c => c.EndedAt is null).Select(c => c.Sid).ToHashSet();
        await app.CrashWorkerAsync();
        await WaitUntilAsync(() => app.Simulator.Calls.Where(c => liveAtCrash.Contains(c.Sid)).All(c => c.EndedAt is not null), TimeSpan.FromSeconds(30), "the live calls to end while the worker is down");
        var lost = app.Simulator.Calls.Where(c => c.EndedAt is not null && c.Callbacks.Any(cb => cb.CallStatus == c.Status && cb.HttpStatus == 503)).ToList();
        Assert.True(lost.Count >= liveAtCrash.Count, $"{lost.Count} calls lost their final callback; {liveAtCrash.Count} were live at the crash.");

        app.Drop = _ => false;
        var sinceRestart = Stopwatch.StartNew();
        await app.RestartWorkerAsync();
        await WaitUntilAsync(
            async () =>
            {
                var recipients = (await app.GetBatchAsync(batchId)).RecipientsByNumber();
                return lost.All(c => FinalStatuses.Contains(recipients[c.To].GetProperty("status").GetString()));
            },
            TimeSpan.FromSeconds(120),
            "the calls that ended while the worker was down to be seen ended");
        var seenEnded = sinceRestart.Elapsed;
        var batch = await app.WaitForStatusAsync(batchId, "completed", TimeSpan.FromSeconds(120));
        var completed = sinceRestart.Elapsed;
        Console.WriteLine($"Restart: {lost.Count} calls ended while the worker was down (callbacks lost); seen ended {seenEnded.TotalSeconds:F1} s after the restart, batch completed after {completed.TotalSeconds:F1} s (live-call check every {CheckInterval.TotalSeconds} s).");

        Assert.Equal(numbers.Order(), app.Simulator.Calls.Select(c => c.To).Order());
        var byNumber = batch.RecipientsByNumber();
        Assert.All(byNumber.Values, r => Assert.Contains(r.GetProperty("status").GetString(), FinalStatuses));
        Assert.All(byNumber.Values, r => Assert.Equal(1, r.GetProperty("attempts").GetInt32()));
        Assert.All(lost, c =>
        {
            var recipient = byNumber[c.To];
            Assert.Equal((c.Sid, c.Status), (recipient.GetProperty("call_sid").GetString(), recipient.GetProperty("status").GetString()));
        });
        Assert.True(seenEnded <= 3 * CheckInterval + QueueVisibilityTimeout, $"The lost calls were seen ended {seenEnded} after the restart.");
        await WaitUntilAsync(async () => LeasedSlots(await app.Durable.Client.Entities.GetEntityAsync<WorkspaceBudgetState>(WorkspaceBudgetEntity.Workspace)) == 0, TimeSpan.FromSeconds(15), "the workspace budget to hold no slots of the batch");
    }

    private static int LeasedSlots(Microsoft.DurableTask.Client.Entities.EntityMetadata<WorkspaceBudgetState>? budget) =>
        budget?.State.Leases.Sum(l => l.Value.Leased) ?? 0;

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) => WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {timeout} for {what}.");
            await Task.Delay(250);
        }
    }
}
