namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// The batch orchestrator's input, carried from one generation to the next by ContinueAsNew. It holds
/// a cursor into the recipients (which stay in storage) and the calls now live, so its size is bounded
/// by the concurrency, never by the list.
/// </summary>
/// <param name="NextIndex">The first recipient not yet dialed.</param>
/// <param name="Live">Attempts holding a slot: dialed and not yet reported ended.</param>
/// <param name="Started">The batch has been marked started (done once, in the first generation).</param>
/// <param name="ScheduledAt">When dialing may start; null = at once (a durable timer waits until then).</param>
public sealed record BatchRun(
    string BatchId,
    string FromNumber,
    int TotalRecipients,
    int Concurrency,
    int NextIndex,
    IReadOnlyList<CallAttempt> Live,
    bool Started = false,
    DateTimeOffset? ScheduledAt = null);
