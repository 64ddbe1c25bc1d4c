using BatchFunctions.Scheduling;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Input of <see cref="TakeDialable"/>.</summary>
/// <param name="HandedOut">Dial queue keys already taken and not yet dialed, not to be taken again.</param>
public sealed record TakeRequest(string BatchId, int Cursor, int TotalRecipients, int Max, IReadOnlyList<string> HandedOut, DialPlan Plan);
