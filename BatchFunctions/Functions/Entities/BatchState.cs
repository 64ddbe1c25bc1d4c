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
/// <param name="UndialedCancelled">
/// An earlier run was cancelled or failed, and a retry (which calls failed recipients only) ran anew: those the
/// earlier run never dialed stay cancelled.
/// </param>
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
    BatchRuntime? Runtime = null,
    bool UndialedCancelled = false)
{
    public bool Paused => Status is BatchStatus.Pending or BatchStatus.InProgress && Runtime is { Paused: true };

    /// <summary>The limit the dispatcher applies; null before it has reported (then the definition's).</summary>
    public int? ConcurrencyLimit => Runtime?.ConcurrencyLimit;

    /// <summary>Why the batch is not dialing now, while it runs.</summary>
    public Waiting? Waiting => Status is BatchStatus.Pending or BatchStatus.InProgress ? Runtime?.Waiting : null;

    public RecipientCounts RecipientCounts => Counts ?? new RecipientCounts();

    /// <summary>
    /// What a recipient with no call of its own reads. ElevenLabs: cancelling a batch turns its pending recipients
    /// into cancelled ones; a batch that failed (the provider refused the account) will not call them either, and
    /// neither will a retry of such a batch.
    /// </summary>
    public RecipientStatus UndialedStatus =>
        UndialedCancelled || Status is BatchStatus.Cancelled or BatchStatus.Failed ? RecipientStatus.Cancelled : RecipientStatus.Pending;

    /// <summary>The batch once the operator retried it: it runs anew from <paramref name="at"/>.</summary>
    public BatchState Retried(DateTimeOffset at) => this with
    {
        RetryCount = RetryCount + 1,
        DispatchFinishedAt = null,
        CancelledAt = null,
        Failure = null,
        UndialedCancelled = UndialedStatus is RecipientStatus.Cancelled,
        Runtime = Runtime is { } runtime ? runtime with { Paused = false, Waiting = null } : null,

        // A late repeat of the finished run's last report must not mark the new run finished.
        ProgressAt = at,
        LastUpdatedAt = UpdatedAtLeast(at),
    };

    /// <summary>The last update time once something happened at <paramref name="at"/>: operations arrive in no set order, and it never goes back.</summary>
    public DateTimeOffset UpdatedAtLeast(DateTimeOffset at) => LastUpdatedAt is { } last && last > at ? last : at;

    public BatchStatus Status =>
        CancelledAt is not null ? BatchStatus.Cancelled
        : Failure is not null ? BatchStatus.Failed
        : DispatchFinishedAt is not null ? BatchStatus.Completed
        : StartedAt is not null ? BatchStatus.InProgress
        : BatchStatus.Pending;
}
