using BatchFunctions.Scheduling;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Raised to the batch orchestrator when a call's final status is known; it frees the call's slot.
/// <paramref name="Outcome"/> is set when the outcome is one a retry rule may act on.
/// </summary>
public sealed record CallEnded(int RecipientIndex, int Attempt, RetryableOutcome? Outcome)
{
    public const string EventName = nameof(CallEnded);
}
