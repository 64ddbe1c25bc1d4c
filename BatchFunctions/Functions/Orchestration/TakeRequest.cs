using BatchFunctions.Scheduling;
using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Input of <see cref="TakeDialable"/>.</summary>
/// <param name="WindowClosingMargin">No dial starts this close to the window's end.</param>
/// <param name="HandedOut">Attempts already taken and not yet dialed or ended, not to be taken again.</param>
public sealed record TakeRequest(string BatchId, int RunNumber, int Cursor, int TotalRecipients, int Max, IReadOnlyList<AttemptId> HandedOut, DialPlan Plan, TimeSpan WindowClosingMargin);
