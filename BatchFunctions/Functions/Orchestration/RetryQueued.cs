using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Output of <see cref="ScheduleRetry"/>: real time until the attempt is due, and what it waits for.</summary>
public sealed record RetryQueued(TimeSpan DueIn, Waiting Waiting);
