using BatchFunctions.Scheduling;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Input of <see cref="ScheduleRetry"/>: the next attempt and its delay in campaign time.</summary>
public sealed record RetryRequest(string BatchId, int RecipientIndex, int Attempt, TimeSpan Delay, DialPlan Plan);
