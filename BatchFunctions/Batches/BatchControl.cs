using BatchFunctions.Api;
using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Functions.Orchestration;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace BatchFunctions.Batches;

/// <summary>
/// The operator's levers on a batch: cancel, pause, resume, change its concurrency, retry its failed
/// recipients. The orchestrator learns of each command by an external event and is the one that
/// records the settings it then applies; the answer shows the state the command asked for. A cancel is
/// recorded at once and is final.
/// </summary>
public sealed class BatchControl(BatchReader reader, AttemptStore attempts, ICampaignClock clock, TimeProvider time)
{
    public async Task<BatchCommandResult> CancelAsync(DurableTaskClient durable, string batchId, bool hangUpLiveCalls, CancellationToken cancellationToken)
    {
        if (await StateAsync(durable, batchId, cancellationToken) is not { } state)
        {
            return BatchCommandResult.NotFound(batchId);
        }

        if (IsFinished(state))
        {
            return BatchCommandResult.Conflict($"The batch is already {Wire(state.Status)}; there is nothing left to cancel.", state);
        }

        var now = time.GetUtcNow();
        await durable.Entities.SignalEntityAsync(BatchEntity.IdFor(batchId), nameof(BatchEntity.Cancel), new BatchMilestone(now), cancellation: cancellationToken);
        await durable.RaiseEventAsync(batchId, BatchCommand.EventName, new BatchCommand(BatchCommandKind.Cancel, hangUpLiveCalls, IssuedAt: now), cancellationToken);
        return BatchCommandResult.Accepted(state with { CancelledAt = now, LastUpdatedAt = now });
    }

    public Task<BatchCommandResult> PauseAsync(DurableTaskClient durable, string batchId, CancellationToken cancellationToken) =>
        SetPausedAsync(durable, batchId, paused: true, cancellationToken);

    public Task<BatchCommandResult> ResumeAsync(DurableTaskClient durable, string batchId, CancellationToken cancellationToken) =>
        SetPausedAsync(durable, batchId, paused: false, cancellationToken);

    public async Task<BatchCommandResult> SetConcurrencyAsync(DurableTaskClient durable, string batchId, int limit, CancellationToken cancellationToken)
    {
        if (await StateAsync(durable, batchId, cancellationToken) is not { } state)
        {
            return BatchCommandResult.NotFound(batchId);
        }

        if (limit < 1)
        {
            return BatchCommandResult.Conflict("The concurrency limit must be at least 1.", state);
        }

        if (IsFinished(state))
        {
            return BatchCommandResult.Conflict($"The batch is already {Wire(state.Status)}.", state);
        }

        var now = time.GetUtcNow();
        await durable.RaiseEventAsync(batchId, BatchCommand.EventName, new BatchCommand(BatchCommandKind.SetConcurrency, ConcurrencyLimit: limit, IssuedAt: now), cancellationToken);
        return BatchCommandResult.Accepted(state with { Runtime = RuntimeOf(state) with { ConcurrencyLimit = limit }, LastUpdatedAt = now });
    }

    /// <summary>
    /// ElevenLabs' retry: recipients whose calls failed (busy, unanswered, refused...) are called again,
    /// each with its next attempt number; the batch's retry_count goes up by one. Only a finished batch
    /// can be retried. Numbers on the do-not-call list stay failed.
    /// </summary>
    public async Task<BatchCommandResult> RetryAsync(DurableTaskClient durable, string batchId, CancellationToken cancellationToken)
    {
        if (await StateAsync(durable, batchId, cancellationToken) is not { } state)
        {
            return BatchCommandResult.NotFound(batchId);
        }

        var instance = await durable.GetInstanceAsync(batchId, getInputsAndOutputs: true, cancellationToken);
        if (!IsFinished(state) || instance is { IsCompleted: false })
        {
            return BatchCommandResult.Conflict("The batch is still running; wait for it to finish or cancel it before retrying.", state);
        }

        var lastRun = instance?.ReadOutputAs<BatchRun>() ?? instance?.ReadInputAs<BatchRun>()
            ?? throw new InvalidOperationException($"Batch {batchId} has no orchestration to retry from.");
        var now = clock.Now;
        var again = new List<QueuedAttempt>();
        var query = new EntityQuery { InstanceIdStartsWith = CallEntity.QueryPrefixFor(batchId), IncludeState = true, PageSize = 1000 };
        await foreach (var call in durable.Entities.GetAllEntitiesAsync<CallState>(query).WithCancellation(cancellationToken))
        {
            if (call.State is { Status: RecipientStatus.Failed } failed && failed.FailureReason is not (FailureReason.DoNotCall or FailureReason.OutcomeUnknown))
            {
                again.Add(new QueuedAttempt(failed.RecipientIndex, failed.Attempt + 1, now, RecipientStatus.Failed));
            }
        }

        // A new run number: whatever the finished run left queued (a retry it decided as it was cancelled)
        // is ignored, and attempts it queued but never dialed are taken over.
        var runNumber = lastRun.RunNumber + 1;
        var retriedAt = time.GetUtcNow();
        await attempts.EnqueueAsync(batchId, runNumber, again, cancellationToken);
        await durable.Entities.SignalEntityAsync(BatchEntity.IdFor(batchId), nameof(BatchEntity.Retry), new BatchMilestone(retriedAt), cancellation: cancellationToken);
        var retryRun = lastRun with
        {
            StartAt = null,
            RunNumber = runNumber,
            Cursor = lastRun.TotalRecipients,
            Ready = [],
            Live = [],
            QueueDueAt = again.Count > 0 ? retriedAt.UtcDateTime : null,
            QueueWaiting = null,
            RetriesToQueue = [],
            Leased = 0,
            Started = false,
            Paused = false,
            Cancelled = false,
            Stopped = false,
        };
        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(BatchOrchestrator), retryRun, new StartOrchestrationOptions(batchId), cancellationToken);
        // The answer shows the state the entity records from the same milestone.
        return BatchCommandResult.Accepted(state.Retried(retriedAt));
    }

    private async Task<BatchCommandResult> SetPausedAsync(DurableTaskClient durable, string batchId, bool paused, CancellationToken cancellationToken)
    {
        if (await StateAsync(durable, batchId, cancellationToken) is not { } state)
        {
            return BatchCommandResult.NotFound(batchId);
        }

        if (IsFinished(state))
        {
            return BatchCommandResult.Conflict($"The batch is already {Wire(state.Status)}.", state);
        }

        var now = time.GetUtcNow();
        await durable.RaiseEventAsync(batchId, BatchCommand.EventName, new BatchCommand(paused ? BatchCommandKind.Pause : BatchCommandKind.Resume, IssuedAt: now), cancellationToken);
        return BatchCommandResult.Accepted(state with
        {
            Runtime = RuntimeOf(state) with { Paused = paused, Waiting = paused ? new Waiting(WaitingReason.Paused, null) : null },
            LastUpdatedAt = now,
        });
    }

    private static BatchRuntime RuntimeOf(BatchState state) => state.Runtime ?? new BatchRuntime(false, state.Definition!.Concurrency, 0, null);

    /// <summary>
    /// The batch as GET shows it. The launcher creates the batch's entity by a signal, so a command sent
    /// right after the submit can find no entity yet; the batch index, written before the submit
    /// answered, then stands in, and the command is not answered 404 for a batch the client was just given.
    /// </summary>
    private async Task<BatchState?> StateAsync(DurableTaskClient durable, string batchId, CancellationToken cancellationToken) =>
        (await reader.GetAsync(durable, batchId, cancellationToken))?.State;

    private static bool IsFinished(BatchState state) => state.Status is BatchStatus.Completed or BatchStatus.Failed or BatchStatus.Cancelled;

    private static string Wire(BatchStatus status) => System.Text.Json.JsonSerializer.Serialize(status).Trim('"');
}
