namespace BatchFunctions.Batches;

/// <summary>An operator's command to a running batch, raised on its orchestration as <see cref="BatchControl.CommandEvent"/>.</summary>
/// <param name="HangUpLiveCalls">For <see cref="BatchCommandKind.Cancel"/>: also end calls in progress.</param>
/// <param name="ConcurrencyLimit">For <see cref="BatchCommandKind.SetConcurrency"/>: the new limit.</param>
public sealed record BatchCommand(BatchCommandKind Kind, bool HangUpLiveCalls = false, int? ConcurrencyLimit = null);
