using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>A live call the provider says has ended, with the final status it reported.</summary>
public sealed record StaleCallOutcome(int RecipientIndex, int Attempt, CallProgress Progress);
