using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Entities;

namespace BatchFunctions.Functions.Entities;

/// <summary>One batch's definition, milestones and per-status counters: reading a batch is one entity read, whatever its size.</summary>
public sealed class BatchEntity : TaskEntity<BatchState>
{
    [Function(nameof(BatchEntity))]
    public static Task Run([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<BatchEntity>();

    public static EntityInstanceId IdFor(string batchId) => new(nameof(BatchEntity), batchId);

    public void Create(Domain.BatchDefinition definition) =>
        State = State with { Definition = State.Definition ?? definition, LastUpdatedAt = State.UpdatedAtLeast(definition.CreatedAt) };

    public void MarkStarted(BatchMilestone milestone) =>
        State = State with { StartedAt = State.StartedAt ?? milestone.At, LastUpdatedAt = State.UpdatedAtLeast(milestone.At) };

    public void Fail(BatchFailure failure) =>
        State = State with { Failure = State.Failure ?? failure, LastUpdatedAt = State.UpdatedAtLeast(failure.At) };

    public void Cancel(BatchMilestone milestone) =>
        State = State with { CancelledAt = State.CancelledAt ?? milestone.At, LastUpdatedAt = State.UpdatedAtLeast(milestone.At) };

    /// <summary>The operator asked to call failed recipients again: the batch runs anew from here.</summary>
    public void Retry(BatchMilestone milestone) => State = State.Retried(milestone.At);

    /// <summary>
    /// Snapshots arrive from one sender in order; an older one is ignored all the same. The orchestrator
    /// is the only writer of the runtime settings (paused, concurrency): they show what it applies.
    /// </summary>
    public void ReportProgress(BatchProgress progress)
    {
        if (State.ProgressAt is { } last && last > progress.At)
        {
            return;
        }

        State = State with
        {
            Counts = progress.Counts,
            ProgressAt = progress.At,
            Runtime = progress.Runtime ?? State.Runtime,
            DispatchFinishedAt = progress.DispatchFinished ? State.DispatchFinishedAt ?? progress.At : State.DispatchFinishedAt,
            LastUpdatedAt = State.UpdatedAtLeast(progress.At),
        };
    }

    /// <summary>Forgets the batch: an entity whose state is null is deleted by the runtime.</summary>
    public void Delete() => State = null!;

    protected override BatchState InitializeState(TaskEntityOperation entityOperation) => new();
}
