using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Entities;

/// <summary>
/// A batch's definition, milestones and counters. Its operations come from different senders (the
/// launcher, the operator's commands, the orchestrator) in no guaranteed order, so the status is
/// derived from what has been recorded rather than stepped through a sequence. The orchestrator marks
/// the dispatch finished only once every call has ended, so that is when the batch is complete.
/// </summary>
/// <param name="ConcurrencyLimit">The limit as changed by the operator while running; null: the definition's.</param>
/// <param name="RetryCount">How many times the operator retried the batch (ElevenLabs' retry_count).</param>
public sealed record BatchState(
    BatchDefinition? Definition = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? DispatchFinishedAt = null,
    BatchFailure? Failure = null,
    RecipientCounts? Counts = null,
    DateTimeOffset? LastUpdatedAt = null,
    DateTimeOffset? CancelledAt = null,
    bool Paused = false,
    int? ConcurrencyLimit = null,
    int RetryCount = 0,
    DateTimeOffset? ProgressAt = null)
{
    public RecipientCounts RecipientCounts => Counts ?? new RecipientCounts();

    public BatchStatus Status =>
        CancelledAt is not null ? BatchStatus.Cancelled
        : Failure is not null ? BatchStatus.Failed
        : DispatchFinishedAt is not null ? BatchStatus.Completed
        : StartedAt is not null ? BatchStatus.InProgress
        : BatchStatus.Pending;
}
