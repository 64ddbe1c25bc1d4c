using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Entities;

/// <summary>
/// A batch's definition, milestones and counters. Its operations come from different senders (the
/// ingestion, the orchestrator, every call) in no guaranteed order, so the status is derived from
/// what has been recorded rather than stepped through a sequence.
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
    int RetryCount = 0)
{
    public RecipientCounts RecipientCounts => Counts ?? new RecipientCounts();

    public BatchStatus Status =>
        CancelledAt is not null ? BatchStatus.Cancelled
        : Failure is not null ? BatchStatus.Failed
        : DispatchFinishedAt is not null && Definition is not null && RecipientCounts.Finished >= Definition.TotalRecipients ? BatchStatus.Completed
        : StartedAt is not null ? BatchStatus.InProgress
        : BatchStatus.Pending;
}
