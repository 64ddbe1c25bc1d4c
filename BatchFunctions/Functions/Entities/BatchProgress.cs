namespace BatchFunctions.Functions.Entities;

/// <summary>The orchestrator's counts and runtime at a moment: a whole snapshot, so a repeated or late report does no harm.</summary>
/// <param name="DispatchFinished">
/// The last report: every recipient has been dealt with. It is one message with the final counts, so the
/// batch can never read as completed with the counts of an earlier snapshot (entity messages are not ordered).
/// </param>
public sealed record BatchProgress(RecipientCounts Counts, DateTimeOffset At, BatchRuntime? Runtime = null, bool DispatchFinished = false);
