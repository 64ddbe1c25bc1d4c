using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// The batch orchestrator's input, carried from one generation to the next by ContinueAsNew. Its size
/// is bounded by the concurrency, never by the list: recipients stay in storage, those waiting (for a
/// retry or their calling window) wait in the dial queue, and only a cursor and the live calls ride along.
/// </summary>
/// <param name="StartAt">Scheduled start; the orchestrator waits on a durable timer until then.</param>
/// <param name="RunNumber">0, then one more for each operator retry: the attempt store ignores what an earlier run left queued.</param>
/// <param name="Cursor">First recipient the first pass has not yet looked at.</param>
/// <param name="Ready">Attempts taken from storage and not yet dialed (at most the concurrency).</param>
/// <param name="Live">Attempts holding a slot.</param>
/// <param name="QueueDueAt">When the dial queue's earliest entry is due (orchestration time); null when nothing waits.</param>
/// <param name="QueueWaiting">What that entry waits for, for the operator.</param>
/// <param name="RetriesToQueue">Retries decided but not yet in the dial queue (storage failed); queued again later.</param>
/// <param name="Leased">Slots held in the workspace budget shared by all batches.</param>
/// <param name="Stopped">The provider refused the account or caller id: no further dials.</param>
/// <param name="Counts">The batch's recipient counts, which this orchestration keeps and reports to the batch entity.</param>
/// <param name="ProviderConfirmed">A dial has gone through, so the account works and dialing may run at full concurrency.</param>
/// <param name="PauseIssuedAt">When the pause or resume now in force was issued: an older one arriving later is ignored.</param>
/// <param name="ConcurrencyIssuedAt">When the concurrency change now in force was issued.</param>
public sealed record BatchRun(
    string BatchId,
    DialSettings Dial,
    DialPlan Plan,
    int TotalRecipients,
    int Concurrency,
    DateTimeOffset? StartAt = null,
    int RunNumber = 0,
    int Cursor = 0,
    IReadOnlyList<DialTicket>? Ready = null,
    IReadOnlyList<LiveCall>? Live = null,
    DateTime? QueueDueAt = null,
    Waiting? QueueWaiting = null,
    IReadOnlyList<RetryRequest>? RetriesToQueue = null,
    int Leased = 0,
    bool Started = false,
    bool Paused = false,
    bool Cancelled = false,
    bool Stopped = false,
    bool ProviderConfirmed = false,
    RecipientCounts? Counts = null,
    DateTimeOffset? PauseIssuedAt = null,
    DateTimeOffset? ConcurrencyIssuedAt = null);
