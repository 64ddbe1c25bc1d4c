using BatchFunctions.Domain;
using BatchFunctions.Scheduling;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Raised to the batch orchestrator when a call's final status is known; it frees the call's slot.
/// <paramref name="Outcome"/> is set when the outcome is one a retry rule may act on.
/// </summary>
/// <param name="FinalStatus">The recipient's status the call ended with, for the batch's counts.</param>
public sealed record CallEnded(int RecipientIndex, int Attempt, RetryableOutcome? Outcome, RecipientStatus FinalStatus)
{
    public const string EventName = nameof(CallEnded);
}
