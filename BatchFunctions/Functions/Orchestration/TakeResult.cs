using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration;

/// <param name="Cursor">Where the first pass continues next time.</param>
/// <param name="NextDueIn">Real time until the dial queue's earliest remaining entry is due; null when nothing waits.</param>
public sealed record TakeResult(IReadOnlyList<DialTicket> Tickets, int Cursor, TimeSpan? NextDueIn);
