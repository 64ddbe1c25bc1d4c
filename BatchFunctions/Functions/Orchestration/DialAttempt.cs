using BatchFunctions.Scheduling;
using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Input of <see cref="PlaceCall"/>: which recipient attempt, and the batch's dialing rules.</summary>
public sealed record DialAttempt(string BatchId, int RunNumber, DialTicket Ticket, DialSettings Dial, DialPlan Plan);
