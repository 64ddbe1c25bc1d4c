using BatchFunctions.Domain;
using BatchFunctions.Scheduling;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Input of <see cref="ScheduleRetry"/>: the next attempt and its delay in campaign time.</summary>
/// <param name="PreviousStatus">How the attempt before it ended.</param>
public sealed record RetryRequest(string BatchId, int RunNumber, int RecipientIndex, int Attempt, TimeSpan Delay, DialPlan Plan, RecipientStatus PreviousStatus);
