using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TelephonySimulator;

namespace BatchFunctions.Tests.Chaos;

/// <summary>
/// One chaos run: the whole app on real parts (Durable engine over Azurite, Kestrel, the telephony simulator), a
/// few batches launched, faults and operator actions injected as the seed's plan says, then the invariants checked.
/// </summary>
public static class ChaosRun
{
    private static readonly HashSet<string> TerminalStatuses = new(StringComparer.Ordinal) { "completed", "cancelled", "failed" };

    public static async Task<ChaosReport> RunAsync(int seed, ChaosSettings settings, Action<string>? output = null)
    {
        var random = new ChaosRandom(seed);
        var plan = ChaosPlan.Draw(random, settings);
        var ledger = new FaultLedger();
        output?.Invoke(plan.Describe());
        var started = DateTimeOffset.UtcNow;

        var storageFaults = new StorageFaultPolicy(random, ledger, plan.StorageFaultProbability);
        await using var app = await AppUnderTest.StartAsync(
            SimulatorOptions(plan, settings),
            AppSettings(settings),
            services => AddFaultyStorage(services, storageFaults),
            plan.ActivityRerunProbability > 0 ? ActivityReruns(random, ledger, plan.ActivityRerunProbability) : null);
        for (var i = 0; i < plan.ExtraWorkers; i++)
        {
            await app.StartExtraWorkerAsync();
            ledger.Count(ChaosFaultKind.ExtraWorker);
        }

        var batchIds = new List<string>();
        foreach (var batch in plan.Batches)
        {
            batchIds.Add(await LaunchAsync(app, batch));
            ledger.Note($"batch #{batch.Index} launched as {batchIds[^1]}");
        }

        var deleted = new HashSet<string>(StringComparer.Ordinal);
        storageFaults.Armed = true;
        var launched = DateTimeOffset.UtcNow;
        foreach (var action in plan.Actions)
        {
            var wait = launched + action.At - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await ActAsync(app, action, batchIds, deleted, ledger);
        }

        var windowLeft = launched + settings.FaultWindow - DateTimeOffset.UtcNow;
        if (windowLeft > TimeSpan.Zero)
        {
            await Task.Delay(windowLeft);
        }

        // Faults stop here; from now on a correct engine recovers and finishes within the bound.
        storageFaults.Armed = false;
        app.Simulator.Faults.Clear();
        ledger.Note("fault window over");

        var violations = new List<InvariantViolation>();
        var running = await WaitForBatchesToEndAsync(app, seed, batchIds, deleted, settings.TerminalBound, violations, ledger);
        await WaitForCallsToEndAsync(app, TimeSpan.FromSeconds(30));
        violations.AddRange(await CheckAsync(app, plan, settings, batchIds, deleted, running));
        CountSimulatorFaults(app.Simulator, plan, ledger);
        ledger.Note($"checked: {violations.Count} violation(s)");
        return new ChaosReport(plan, ledger.Counts, violations, ledger.Log, DateTimeOffset.UtcNow - started);
    }

    private static SimulatorOptions SimulatorOptions(ChaosPlan plan, ChaosSettings settings)
    {
        var options = AppUnderTest.DefaultSimulatorOptions();
        options.Seed = plan.Seed;
        options.TimeAcceleration = settings.TimeAcceleration;
        options.RingSeconds = new DurationRange { Min = 2, Max = 10 };
        options.TalkSeconds = new DurationRange { Min = 20, Max = 90 };

        // Some calls end busy or unanswered, so retries (second attempts) happen under the same faults.
        options.Outcomes = new OutcomeMix { Human = 0.7, Voicemail = 0.05, Busy = 0.1, NoAnswer = 0.1, Failed = 0.05 };
        options.DuplicateCallbackProbability = plan.DuplicateCallbackProbability;
        options.ReorderCallbackProbability = plan.ReorderCallbackProbability;
        options.NumberRules = [.. plan.Batches.SelectMany(b => b.LoseTerminalCallback).Select(n => new NumberRule { Pattern = n, LoseTerminalCallback = true })];
        return options;
    }

    private static Dictionary<string, string?> AppSettings(ChaosSettings settings) => new()
    {
        ["Dispatch:WorkspaceConcurrencyLimit"] = settings.WorkspaceConcurrencyLimit.ToString(CultureInfo.InvariantCulture),
        ["Dispatch:LiveCallCheckInterval"] = settings.LiveCallCheckInterval.ToString("c", CultureInfo.InvariantCulture),
        [DurableTestHost.VisibilityTimeoutSetting] = DurableTestHost.CrashRecoveryVisibilityTimeout,

        // Split brain, abandoned and discarded messages are the engine coping with the injected kills and extra
        // workers, as designed; at Warning they drown a run's own timeline.
        ["Logging:LogLevel:DurableTask.AzureStorage"] = "Error",
        ["Logging:LogLevel:DurableTask.Core"] = "Error",

        // Retry delays are campaign time: a minute passes in 0.1 s, so second attempts come during the run.
        ["Rehearsal:TimeAcceleration"] = "600",
    };

    /// <summary>The app's own storage clients, replaced by ones whose pipeline carries the fault policy.</summary>
    private static void AddFaultyStorage(IServiceCollection services, StorageFaultPolicy policy)
    {
        var tables = new TableClientOptions();
        tables.AddPolicy(policy, HttpPipelinePosition.PerCall);
        var blobs = new BlobClientOptions();
        blobs.AddPolicy(policy, HttpPipelinePosition.PerCall);
        services.AddSingleton(new TableServiceClient(TestStorage.ConnectionString, tables));
        services.AddSingleton(new BlobServiceClient(TestStorage.ConnectionString, blobs));
    }

    private static Func<string, ActivityRerun?> ActivityReruns(ChaosRandom random, FaultLedger ledger, double probability) => _ =>
    {
        if (!random.Chance(probability))
        {
            return null;
        }

        var rerun = new ActivityRerun(random.Chance(0.5) ? ActivityRerunMode.Concurrent : ActivityRerunMode.Sequential, random.Chance(0.5));
        ledger.Count(rerun.Mode == ActivityRerunMode.Concurrent ? ChaosFaultKind.ActivityRunTwiceConcurrent : ChaosFaultKind.ActivityRunTwiceSequential);
        return rerun;
    };

    private static async Task<string> LaunchAsync(AppUnderTest app, ChaosBatchPlan batch)
    {
        var metadata = new Dictionary<string, string>
        {
            ["target_concurrency_limit"] = batch.ConcurrencyLimit.ToString(CultureInfo.InvariantCulture),
            ["retry_max_attempts"] = "2",
            ["retry_on"] = "busy,no_answer",
            ["retry_delay_minutes"] = "1",
        };
        if (batch.DoNotCall.Count > 0)
        {
            var lists = Uploads.Blobs.GetBlobContainerClient("lists");
            await lists.CreateIfNotExistsAsync();
            var name = $"chaos-dnc-{Guid.NewGuid():N}.txt";
            await lists.GetBlobClient(name).UploadAsync(BinaryData.FromString(string.Join('\n', batch.DoNotCall)));
            metadata["do_not_call"] = $"lists/{name}";
        }

        return await app.LaunchAsync(batch.Numbers, metadata);
    }

    private static async Task ActAsync(AppUnderTest app, ChaosAction action, List<string> batchIds, HashSet<string> deleted, FaultLedger ledger)
    {
        var faults = app.Simulator.Faults;
        string outcome;
        switch (action.Kind)
        {
            case ChaosActionKind.FailDials:
                faults.FailNextDials(action.Count, action.HttpStatus);
                outcome = "queued in the simulator";
                break;
            case ChaosActionKind.DropDials:
                faults.DropNextDials(action.Count, action.Flag);
                outcome = "queued in the simulator";
                break;
            case ChaosActionKind.SlowDials:
                faults.DelayNextDials(action.Count, action.Delay);
                outcome = "queued in the simulator";
                break;
            case ChaosActionKind.KillWorker:
                await app.CrashAndRestartWorkerAsync(action.Target);
                ledger.Count(ChaosFaultKind.WorkerKilled);
                outcome = "restarted";
                break;
            default:
                outcome = await ControlAsync(app, action, batchIds[action.Target], deleted, ledger);
                break;
        }

        ledger.Note($"{action}: {outcome}");
    }

    /// <summary>An operator's command through the app's HTTP API; an answer other than 2xx is logged, not thrown.</summary>
    private static async Task<string> ControlAsync(AppUnderTest app, ChaosAction action, string batchId, HashSet<string> deleted, FaultLedger ledger)
    {
        var (method, path, kind) = action.Kind switch
        {
            ChaosActionKind.Pause => (HttpMethod.Post, $"api/batch-calling/{batchId}/pause", ChaosFaultKind.Pause),
            ChaosActionKind.Resume => (HttpMethod.Post, $"api/batch-calling/{batchId}/resume", ChaosFaultKind.Resume),
            ChaosActionKind.Cancel => (HttpMethod.Post, $"v1/convai/batch-calling/{batchId}/cancel{(action.Flag ? "?hang_up_live_calls=true" : "")}", ChaosFaultKind.Cancel),
            _ => (HttpMethod.Delete, $"v1/convai/batch-calling/{batchId}", ChaosFaultKind.Delete),
        };

        // An operator whose resume or delete failed on a server error tries again; a pause left behind would
        // hold the batch for ever through no fault of the engine. Until it works, within reason: five tries were
        // not always enough for a delete (seed 21 on a loaded machine: no try answered below 500, yet the batch read
        // 404 with its orchestration gone, so the tries had removed it in parts, and the run counted a batch that never ended).
        var answers = new List<string>();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var response = await app.Http.SendAsync(new HttpRequestMessage(method, path));
            answers.Add(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            if ((int)response.StatusCode < 500)
            {
                ledger.Count(kind);
                // A 404 after a failed try: that try deleted the batch before failing, and this one finished the job.
                if (action.Kind == ChaosActionKind.Delete && (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound && attempt > 0))
                {
                    deleted.Add(batchId);
                }

                break;
            }

            await Task.Delay(500);
        }

        return $"HTTP {string.Join(", then ", answers)}";
    }

    /// <summary>
    /// Waits up to <paramref name="bound"/> for every batch to end; a batch whose orchestration is no longer running
    /// while the batch is not terminal will never end, so the wait for it stops early.
    /// </summary>
    /// <returns>The batches that did not end (each reported as a violation).</returns>
    private static async Task<HashSet<string>> WaitForBatchesToEndAsync(
        AppUnderTest app, int seed, List<string> batchIds, HashSet<string> deleted, TimeSpan bound, List<InvariantViolation> violations, FaultLedger ledger)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        var waiting = batchIds.ToHashSet(StringComparer.Ordinal);
        var lastSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        var orphanedSince = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var stuck = new HashSet<string>(StringComparer.Ordinal);
        while (waiting.Count > 0 && DateTimeOffset.UtcNow < deadline)
        {
            foreach (var batchId in waiting.ToList())
            {
                using var response = await app.Http.GetAsync($"v1/convai/batch-calling/{batchId}");
                if (response.StatusCode == HttpStatusCode.NotFound && deleted.Contains(batchId))
                {
                    waiting.Remove(batchId);
                    continue;
                }

                var status = response.IsSuccessStatusCode
                    ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString() ?? ""
                    : $"HTTP {(int)response.StatusCode}";
                lastSeen[batchId] = status;
                var orchestration = await app.Durable.Client.GetInstancesAsync(batchId, getInputsAndOutputs: true);
                if (TerminalStatuses.Contains(status))
                {
                    // A cancelled batch reads as cancelled at once, while calls it let finish (or hung up, their
                    // end still to be found) keep their slots until the orchestration is done with them.
                    if (orchestration is not { IsRunning: true })
                    {
                        waiting.Remove(batchId);
                    }
                    else
                    {
                        lastSeen[batchId] = status + " with its orchestration still running";
                    }

                    continue;
                }

                if (orchestration is { IsRunning: false, RuntimeStatus: not OrchestrationRuntimeStatus.Pending })
                {
                    // Give an entity signal sent at the orchestration's end time to land before calling the batch orphaned.
                    orphanedSince.TryAdd(batchId, DateTimeOffset.UtcNow);
                    if (DateTimeOffset.UtcNow - orphanedSince[batchId] > TimeSpan.FromSeconds(10))
                    {
                        violations.Add(new InvariantViolation(seed, InvariantKind.BatchNotTerminal,
                            $"batch {batchId} is '{status}' but its orchestration is {orchestration.RuntimeStatus}: {Shorten(orchestration.FailureDetails?.ErrorMessage ?? orchestration.SerializedOutput)}{WhereInApp(orchestration.FailureDetails?.StackTrace)}"));
                        waiting.Remove(batchId);
                        stuck.Add(batchId);
                    }
                }
            }

            if (waiting.Count > 0)
            {
                await Task.Delay(500);
            }
        }

        foreach (var batchId in waiting)
        {
            stuck.Add(batchId);
            var orchestration = await app.Durable.Client.GetInstancesAsync(batchId, getInputsAndOutputs: true);
            var awaited = await app.Durable.OutstandingActivitiesAsync(batchId);
            var lastEvents = string.Join(", ", await app.Durable.HistoryTailAsync(batchId, 12));
            violations.Add(new InvariantViolation(seed, InvariantKind.BatchNotTerminal,
                $"batch {batchId} still '{lastSeen.GetValueOrDefault(batchId)}' {bound.TotalSeconds:F0} s after the faults stopped "
                + $"(orchestration {orchestration?.RuntimeStatus.ToString() ?? "missing"}, {(awaited.Count > 0 ? "awaiting activities " + string.Join(", ", awaited) : "no activity outstanding: it waits on a timer, an event or an entity")}; "
                + $"last events: {lastEvents}; generation started from: {CarriedState(orchestration?.SerializedInput)})"));
        }

        ledger.Note($"batches ended: {batchIds.Count - stuck.Count} of {batchIds.Count}");
        return stuck;
    }

    private static async Task WaitForCallsToEndAsync(AppUnderTest app, TimeSpan bound)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (app.Simulator.LiveCalls > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
    }

    private static async Task<List<InvariantViolation>> CheckAsync(
        AppUnderTest app, ChaosPlan plan, ChaosSettings settings, List<string> batchIds, HashSet<string> deleted, HashSet<string> running)
    {
        var seed = plan.Seed;
        var calls = app.Simulator.Calls;
        var violations = new List<InvariantViolation>();
        violations.AddRange(InvariantChecks.DialedTwice(seed, calls));
        violations.AddRange(InvariantChecks.DialedDoNotCall(seed, calls, plan.Batches.ToDictionary(
            b => batchIds[b.Index], b => (IReadOnlySet<string>)b.DoNotCall.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal)));
        violations.AddRange(InvariantChecks.LiveCallLimits(seed, calls,
            plan.Batches.ToDictionary(b => batchIds[b.Index], b => b.ConcurrencyLimit, StringComparer.Ordinal), settings.WorkspaceShare, DateTimeOffset.UtcNow));

        // A recipient's last callback reaches its call entity and the batch's orchestration as two messages, and the
        // batch may read as ended a moment before the entity has applied its one: allow that moment, not more.
        var recipientsDeadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);
        foreach (var batchId in batchIds.Where(id => !running.Contains(id)))
        {
            while (true)
            {
                using var response = await app.Http.GetAsync($"v1/convai/batch-calling/{batchId}");
                if (!response.IsSuccessStatusCode)
                {
                    if (!deleted.Contains(batchId))
                    {
                        violations.Add(new InvariantViolation(seed, InvariantKind.RecipientNotFinal, $"batch {batchId} was never deleted, yet GET answers HTTP {(int)response.StatusCode}"));
                    }

                    break;
                }

                var unfinished = InvariantChecks.UnfinishedRecipients(seed, batchId, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement).ToList();
                if (unfinished.Count == 0 || DateTimeOffset.UtcNow > recipientsDeadline)
                {
                    violations.AddRange(unfinished);
                    break;
                }

                await Task.Delay(500);
            }
        }

        // Slots are returned by entity signals that may still be in flight when the batch reads as ended.
        var leaks = new List<InvariantViolation>();
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);
        do
        {
            var budget = await app.Durable.Client.Entities.GetEntityAsync(WorkspaceBudgetEntity.Workspace, includeState: true);
            leaks = budget?.State is { } state
                ? [.. InvariantChecks.LeakedBudgetSlots(seed, JsonDocument.Parse(state.Value).RootElement, running)]
                : [];
            if (leaks.Count > 0)
            {
                await Task.Delay(500);
            }
        }
        while (leaks.Count > 0 && DateTimeOffset.UtcNow < deadline);
        violations.AddRange(leaks);
        return violations;
    }

    /// <summary>Simulator-side faults counted from what actually happened, not from what was scheduled.</summary>
    private static void CountSimulatorFaults(SimulatorServer simulator, ChaosPlan plan, FaultLedger ledger)
    {
        foreach (var attempt in simulator.DialAttempts.Where(a => a.Fault is not null))
        {
            ledger.Count(attempt.Fault switch
            {
                DialFaultAction.Fail when attempt.HttpStatus == 429 => ChaosFaultKind.DialRefused429,
                DialFaultAction.Fail => ChaosFaultKind.DialRefused5xx,
                DialFaultAction.Drop when attempt.CallSid is not null => ChaosFaultKind.DialResponseLostCallCreated,
                DialFaultAction.Drop => ChaosFaultKind.DialResponseLostNoCall,
                _ => ChaosFaultKind.DialSlow,
            });
        }

        var calls = simulator.Calls;
        ledger.Count(ChaosFaultKind.CallbackDuplicated, calls.Sum(c => c.Callbacks.Count(b => b.Repeated)));
        ledger.Count(ChaosFaultKind.CallbackReordered, calls.Sum(c => c.Callbacks.Count(b => b.Reordered)));
        var lost = plan.Batches.SelectMany(b => b.LoseTerminalCallback).ToHashSet(StringComparer.Ordinal);
        ledger.Count(ChaosFaultKind.CallbackLost, calls.Count(c => c.EndedAt is not null && lost.Contains(c.To)));
    }

    /// <summary>The app's innermost frame of a failure, so a report says where the engine broke, not just what.</summary>
    private static string WhereInApp(string? stackTrace) =>
        stackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at BatchFunctions.", StringComparison.Ordinal)) is { } frame
            ? $" ({frame})"
            : "";

    /// <summary>The part of a generation's input that changes (cursor, attempts in hand, lease, flags, counts), not its fixed settings.</summary>
    private static string CarriedState(string? input) =>
        input?.IndexOf("\"Cursor\"", StringComparison.Ordinal) is int at and >= 0 ? input[at..] : Shorten(input);

    private static string Shorten(string? text) =>
        text is null ? "(no details)" : text.Length <= 300 ? text : text[..300] + "...";
}
