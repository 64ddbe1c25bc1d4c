namespace BatchFunctions.Functions.Orchestration;

/// <summary>An operator's instruction to a running batch, raised to its orchestrator as an external event.</summary>
/// <param name="HangUpLiveCalls">With <see cref="BatchCommandKind.Cancel"/>: end calls in progress instead of letting them finish.</param>
/// <param name="ConcurrencyLimit">With <see cref="BatchCommandKind.SetConcurrency"/>: the new limit.</param>
/// <param name="IssuedAt">
/// When the operator gave it. Events reach the orchestrator in no guaranteed order (a redelivery after a
/// worker crash can put a pause after the resume that followed it), so of the pause/resume commands, and
/// of the concurrency changes, the one issued last wins whatever the order they arrive in.
/// </param>
public sealed record BatchCommand(BatchCommandKind Kind, bool HangUpLiveCalls = false, int? ConcurrencyLimit = null, DateTimeOffset? IssuedAt = null)
{
    public const string EventName = nameof(BatchCommand);
}
