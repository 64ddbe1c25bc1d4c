using BatchFunctions.Scheduling;
using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Input of <see cref="PlaceCall"/>: the recipient attempts to dial together, and the batch's dialing rules.</summary>
public sealed record DialGroup(string BatchId, int RunNumber, IReadOnlyList<DialTicket> Tickets, DialSettings Dial, DialPlan Plan);
