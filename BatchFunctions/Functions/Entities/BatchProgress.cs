namespace BatchFunctions.Functions.Entities;

/// <summary>The orchestrator's counts and runtime at a moment: a whole snapshot, so a repeated or late report does no harm.</summary>
public sealed record BatchProgress(RecipientCounts Counts, DateTimeOffset At, BatchRuntime? Runtime = null);
