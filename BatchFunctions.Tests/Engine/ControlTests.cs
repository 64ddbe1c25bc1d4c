using System.Globalization;
using BatchFunctions.Batches;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Tests.Infrastructure;
using TelephonySimulator;

namespace BatchFunctions.Tests.Engine;

public sealed class ControlTests
{
    [Fact]
    public async Task ScheduledStart_InTheFuture_WaitsPendingThenDials()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        // Far enough ahead that a launch slowed by a loaded machine still finds the start in the future.
        var startAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddSeconds(15).ToUnixTimeSeconds());

        var batchId = await app.LaunchAsync(BatchDriver.Numbers(3), new Dictionary<string, string>
        {
            ["scheduled_time"] = startAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        });
        var waiting = await app.GetBatchAsync(batchId);
        while (waiting.GetProperty("waiting_reason").ValueKind == System.Text.Json.JsonValueKind.Null && DateTimeOffset.UtcNow < startAt)
        {
            await Task.Delay(200);
            waiting = await app.GetBatchAsync(batchId);
        }

        Assert.Equal("pending", waiting.GetProperty("status").GetString());
        Assert.Equal("scheduled_start", waiting.GetProperty("waiting_reason").GetString());
        Assert.Equal(startAt.ToUnixTimeSeconds(), waiting.GetProperty("next_attempt_at_unix").GetInt64());
        Assert.Equal(startAt.ToUnixTimeSeconds(), waiting.GetProperty("scheduled_time_unix").GetInt64());
        Assert.Empty(app.Simulator.Calls);
        await app.WaitForStatusAsync(batchId, "completed");
        Assert.All(app.Simulator.Calls, c => Assert.True(c.CreatedAt >= startAt, $"Call at {c.CreatedAt:O} before the scheduled start {startAt:O}."));
    }

    [Fact]
    public async Task Cancel_WhileWaitingForScheduledStart_NeverDialsAndRecipientsCancelled()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(3), new Dictionary<string, string>
        {
            ["scheduled_time"] = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        });
        await app.Durable.Client.WaitForInstanceStartAsync(batchId);

        var result = await app.Control().CancelAsync(app.Durable.Client, batchId, hangUpLiveCalls: false, CancellationToken.None);
        var orchestration = await app.Durable.Client.WaitForInstanceCompletionAsync(batchId, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var batch = await app.WaitForStatusAsync(batchId, "cancelled");

        Assert.Equal(BatchCommandStatus.Accepted, result.Status);
        Assert.True(orchestration.IsCompleted);
        Assert.Empty(app.Simulator.Calls);
        Assert.All(batch.RecipientsByNumber().Values, r => Assert.Equal("cancelled", r.GetProperty("status").GetString()));
        Assert.Equal(3, batch.GetProperty("status_counts").GetProperty("cancelled").GetInt32());
    }

    [Fact]
    public async Task Commands_BeforeTheBatchEntityIsWritten_AcceptedNotNotFound()
    {
        // The launcher creates the batch's entity with a signal, so a command sent as soon as the submit
        // answers can arrive before the entity has any state. Removing the entity recreates that moment
        // deterministically: the index and the orchestration exist, the entity does not.
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(3), new Dictionary<string, string>
        {
            ["scheduled_time"] = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        });
        await app.Durable.Client.WaitForInstanceStartAsync(batchId);
        var entity = BatchEntity.IdFor(batchId);
        await app.Durable.Client.Entities.SignalEntityAsync(entity, nameof(BatchEntity.Delete));
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (await app.Durable.Client.Entities.GetEntityAsync(entity) is not null)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The batch entity was not removed.");
            await Task.Delay(100);
        }

        var paused = await app.Control().PauseAsync(app.Durable.Client, batchId, CancellationToken.None);
        var cancelled = await app.Control().CancelAsync(app.Durable.Client, batchId, hangUpLiveCalls: false, CancellationToken.None);

        Assert.Equal(BatchCommandStatus.Accepted, paused.Status);
        Assert.True(paused.State!.Paused);
        Assert.Equal(BatchCommandStatus.Accepted, cancelled.Status);
        Assert.Equal(batchId, cancelled.State!.Definition!.BatchId);
        await app.Durable.Client.WaitForInstanceCompletionAsync(batchId, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.Empty(app.Simulator.Calls);
    }

    [Fact]
    public async Task Cancel_MidRunWithHangUp_LiveCallsEndedAndUndialedRecipientsCancelled()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = 10;
        simulator.RingSeconds = new DurationRange { Min = 1, Max = 1 };
        simulator.TalkSeconds = new DurationRange { Min = 600, Max = 600 };
        await using var app = await AppUnderTest.StartAsync(simulator);
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(12), new Dictionary<string, string> { ["target_concurrency_limit"] = "2" });
        await app.WaitForCallsAsync(2);

        var result = await app.Control().CancelAsync(app.Durable.Client, batchId, hangUpLiveCalls: true, CancellationToken.None);
        await app.WaitForStatusAsync(batchId, "cancelled");
        await app.Durable.Client.WaitForInstanceCompletionAsync(batchId, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(BatchCommandStatus.Accepted, result.Status);
        var calls = app.Simulator.Calls;
        Assert.InRange(calls.Count, 2, 3);
        Assert.All(calls, c => Assert.True(c.EndedAt - c.CreatedAt < TimeSpan.FromSeconds(30), "A live call was not hung up."));

        // A placed dial reaches its recipient's record as a signal, so a call placed just before the cancel can
        // read as not dialed (and so cancelled) for a moment; README and the chaos checks allow it 15 s.
        async Task<List<string?>> StatusesAsync() =>
            [.. (await app.GetBatchAsync(batchId)).RecipientsByNumber().Values.Select(r => r.GetProperty("status").GetString())];
        var settled = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var statuses = await StatusesAsync();
        while (statuses.Count(s => s == "cancelled") != 12 - calls.Count && DateTime.UtcNow < settled)
        {
            await Task.Delay(200);
            statuses = await StatusesAsync();
        }

        Assert.Equal(12 - calls.Count, statuses.Count(s => s == "cancelled"));
    }

    [Fact]
    public async Task Cancel_WithHangUpWhileCallsRing_DialedRecipientsFailedAsCanceledNotCancelled()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = 10;
        simulator.RingSeconds = new DurationRange { Min = 600, Max = 600 };
        await using var app = await AppUnderTest.StartAsync(simulator);
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(6), new Dictionary<string, string> { ["target_concurrency_limit"] = "2" });
        await app.WaitForCallsAsync(2);

        await app.Control().CancelAsync(app.Durable.Client, batchId, hangUpLiveCalls: true, CancellationToken.None);
        await app.Durable.Client.WaitForInstanceCompletionAsync(batchId, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        var calls = app.Simulator.Calls;
        Assert.All(calls, c => Assert.Equal("canceled", c.Status));
        var settled = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var batch = await app.GetBatchAsync(batchId);
        while (!calls.All(c => batch.RecipientsByNumber()[c.To].GetProperty("status").GetString() == "failed") && DateTime.UtcNow < settled)
        {
            await Task.Delay(200);
            batch = await app.GetBatchAsync(batchId);
        }

        var recipients = batch.RecipientsByNumber();
        Assert.All(calls, c => Assert.Equal(("failed", "canceled"),
            (recipients[c.To].GetProperty("status").GetString(), recipients[c.To].GetProperty("failure_reason").GetString())));
        Assert.Equal(6 - calls.Count, recipients.Values.Count(r => r.GetProperty("status").GetString() == "cancelled"));
        Assert.Equal((calls.Count, 6 - calls.Count), (batch.GetProperty("status_counts").GetProperty("failed").GetInt32(), batch.GetProperty("status_counts").GetProperty("cancelled").GetInt32()));
    }

    [Fact]
    public async Task PauseThenResume_NoNewDialsWhilePausedThenEveryoneCalled()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = 50;
        simulator.TalkSeconds = new DurationRange { Min = 10, Max = 20 };
        await using var app = await AppUnderTest.StartAsync(simulator);
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(10), new Dictionary<string, string> { ["target_concurrency_limit"] = "2" });
        await app.WaitForCallsAsync(2);

        await app.Control().PauseAsync(app.Durable.Client, batchId, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var atPause = app.Simulator.Calls.Count;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var paused = await app.GetBatchAsync(batchId);
        var afterWaiting = app.Simulator.Calls.Count;
        await app.Control().ResumeAsync(app.Durable.Client, batchId, CancellationToken.None);
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal("in_progress", paused.GetProperty("status").GetString());
        Assert.Equal(atPause, afterWaiting);
        Assert.True(atPause < 10, "Everyone was called before the pause took effect; the test proves nothing.");
        Assert.Equal(10, app.Simulator.Calls.Count);
        Assert.False(batch.GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task SetConcurrency_LoweredMidRun_LaterCallsNeverOverlapAndBatchCompletes()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = 50;
        simulator.TalkSeconds = new DurationRange { Min = 5, Max = 15 };
        await using var app = await AppUnderTest.StartAsync(simulator);
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(16), new Dictionary<string, string> { ["target_concurrency_limit"] = "5" });
        await app.WaitForCallsAsync(5);

        await app.Control().SetConcurrencyAsync(app.Durable.Client, batchId, 1, CancellationToken.None);
        var changedAt = DateTimeOffset.UtcNow;
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        Assert.Equal(1, batch.GetProperty("concurrency_limit").GetInt32());
        var later = app.Simulator.Calls.Where(c => c.CreatedAt > changedAt.AddSeconds(1)).OrderBy(c => c.CreatedAt).ToList();
        Assert.NotEmpty(later);
        for (var i = 1; i < later.Count; i++)
        {
            Assert.True(later[i].CreatedAt >= later[i - 1].EndedAt, $"Calls {later[i - 1].Sid} and {later[i].Sid} overlapped after the limit was lowered to 1.");
        }
    }

    [Fact]
    public async Task Retry_AfterTheBatchFinished_CallsFailedRecipientsAgainAsNextAttempt()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.NumberRules = [new NumberRule { Pattern = "+14155551001", Outcome = SimulatedOutcome.Busy }];
        await using var app = await AppUnderTest.StartAsync(simulator);
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(3));
        await app.WaitForStatusAsync(batchId, "completed");
        await app.Durable.Client.WaitForInstanceCompletionAsync(batchId, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        var result = await app.Control().RetryAsync(app.Durable.Client, batchId, CancellationToken.None);
        var retried = await Eventually.ValueAsync(async () =>
        {
            var batch = await app.GetBatchAsync(batchId);
            return batch.GetProperty("status").GetString() == "completed" && batch.GetProperty("retry_count").GetInt32() == 1
                && batch.RecipientsByNumber()["+14155551001"].GetProperty("attempts").GetInt32() == 2 ? (object)batch : null;
        }, TimeSpan.FromSeconds(60));

        Assert.Equal(BatchCommandStatus.Accepted, result.Status);
        var calls = app.Simulator.Calls.GroupBy(c => c.To).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, calls["+14155551001"]);
        Assert.Equal(1, calls["+14155551000"]);
        Assert.Equal(1, calls["+14155551002"]);
    }

    [Fact]
    public async Task Retry_AfterACancel_RecipientsNeverDialedStayCancelledInTheCompletedBatch()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = 10;
        simulator.RingSeconds = new DurationRange { Min = 1, Max = 1 };
        simulator.TalkSeconds = new DurationRange { Min = 60, Max = 60 };
        await using var app = await AppUnderTest.StartAsync(simulator);
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(8), new Dictionary<string, string> { ["target_concurrency_limit"] = "2" });
        await app.WaitForCallsAsync(2);
        await app.Control().CancelAsync(app.Durable.Client, batchId, hangUpLiveCalls: false, CancellationToken.None);
        await app.WaitForStatusAsync(batchId, "cancelled");
        await app.Durable.Client.WaitForInstanceCompletionAsync(batchId, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var dialed = app.Simulator.Calls.Select(c => c.To).ToHashSet();

        var retry = await app.Control().RetryAsync(app.Durable.Client, batchId, CancellationToken.None);
        var batch = await Eventually.ValueAsync(async () =>
        {
            var read = await app.GetBatchAsync(batchId);
            return read.GetProperty("status").GetString() == "completed" && read.GetProperty("retry_count").GetInt32() == 1 ? (object)read : null;
        }, TimeSpan.FromSeconds(60));
        var completed = (System.Text.Json.JsonElement)batch;

        Assert.Equal(BatchCommandStatus.Accepted, retry.Status);
        Assert.True(dialed.Count < 8, "Everyone was dialed before the cancel; the test proves nothing.");
        var undialed = completed.RecipientsByNumber().Where(r => !dialed.Contains(r.Key)).ToList();
        Assert.All(undialed, r => Assert.Equal("cancelled", r.Value.GetProperty("status").GetString()));
        Assert.Equal((0, undialed.Count), (completed.GetProperty("status_counts").GetProperty("pending").GetInt32(), completed.GetProperty("status_counts").GetProperty("cancelled").GetInt32()));
        var exported = await app.ExportRowsAsync(batchId);
        Assert.Equal(undialed.Count, exported.Count(row => row["status"] == "cancelled"));
        Assert.DoesNotContain(exported, row => row["status"] == "pending");
    }

    [Fact]
    public async Task Retry_WhileRunning_RefusedAsConflict()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = 5;
        await using var app = await AppUnderTest.StartAsync(simulator);
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(4));
        await app.WaitForCallsAsync(1);

        var result = await app.Control().RetryAsync(app.Durable.Client, batchId, CancellationToken.None);

        Assert.Equal(BatchCommandStatus.Conflict, result.Status);
        Assert.Contains("still running", result.Message, StringComparison.Ordinal);
    }
}
