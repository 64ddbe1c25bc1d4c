namespace BatchFunctions.Functions.Orchestration;

/// <summary>An operator's instruction to a running batch, raised to its orchestrator as an external event.</summary>
/// <param name="HangUpLiveCalls">With <see cref="BatchCommandKind.Cancel"/>: end calls in progress instead of letting them finish.</param>
/// <param name="ConcurrencyLimit">With <see cref="BatchCommandKind.SetConcurrency"/>: the new limit.</param>
public sealed record BatchCommand(BatchCommandKind Kind, bool HangUpLiveCalls = false, int? ConcurrencyLimit = null)
{
    public const string EventName = nameof(BatchCommand);
}
