using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Entities;

/// <summary>
/// A batch's definition, milestones and counters. Its operations come from different senders (the
/// launcher, the operator's commands, the orchestrator) in no guaranteed order, so the status is
/// derived from what has been recorded rather than stepped through a sequence. The orchestrator marks
/// the dispatch finished only once every call has ended, so that is when the batch is complete.
/// </summary>
/// <param name="Runtime">What the orchestrator reports it applies (paused, concurrency, slots) and waits for.</param>
/// <param name="RetryCount">How many times the operator retried the batch (ElevenLabs' retry_count).</param>
public sealed record BatchState(
    BatchDefinition? Definition = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? DispatchFinishedAt = null,
    BatchFailure? Failure = null,
    RecipientCounts? Counts = null,
    DateTimeOffset? LastUpdatedAt = null,
    DateTimeOffset? CancelledAt = null,
    int RetryCount = 0,
    DateTimeOffset? ProgressAt = null,
    BatchRuntime? Runtime = null)
{
    public bool Paused => Status is BatchStatus.Pending or BatchStatus.InProgress && Runtime is { Paused: true };

    /// <summary>The limit the dispatcher applies; null before it has reported (then the definition's).</summary>
    public int? ConcurrencyLimit => Runtime?.ConcurrencyLimit;

    /// <summary>Why the batch is not dialing now, while it runs.</summary>
    public Waiting? Waiting => Status is BatchStatus.Pending or BatchStatus.InProgress ? Runtime?.Waiting : null;

    public RecipientCounts RecipientCounts => Counts ?? new RecipientCounts();

    public BatchStatus Status =>
        CancelledAt is not null ? BatchStatus.Cancelled
        : Failure is not null ? BatchStatus.Failed
        : DispatchFinishedAt is not null ? BatchStatus.Completed
        : StartedAt is not null ? BatchStatus.InProgress
        : BatchStatus.Pending;
}
