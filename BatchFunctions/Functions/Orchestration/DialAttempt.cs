using BatchFunctions.Scheduling;
using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Input of <see cref="PlaceCall"/>: which recipient attempt, and the batch's dialing rules.</summary>
/// <param name="ResultLost">
/// The orchestrator lost the result of an earlier run of this attempt, which may still be dialing.
/// </param>
public sealed record DialAttempt(string BatchId, DialTicket Ticket, DialSettings Dial, DialPlan Plan, bool ResultLost = false);
