using BatchFunctions.Domain;
using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration;

/// <param name="From">The cursor the take started from, so a result is only believed by the take that asked for it.</param>
/// <param name="Cursor">Where the first pass continues next time.</param>
/// <param name="Unreachable">Attempts that can never be dialed (no legal calling time), with why: they end failed.</param>
/// <param name="NextDueIn">Real time until the dial queue's earliest remaining entry is due; null when nothing waits.</param>
/// <param name="NextDue">What that entry waits for, in campaign time, for the operator.</param>
public sealed record TakeResult(int From, IReadOnlyList<DialTicket> Tickets, int Cursor, IReadOnlyList<UnreachableAttempt> Unreachable, TimeSpan? NextDueIn, Waiting? NextDue);
