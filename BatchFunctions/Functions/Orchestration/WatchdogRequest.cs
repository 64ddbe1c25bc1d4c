namespace BatchFunctions.Functions.Orchestration;

/// <summary>Input of <see cref="CheckStaleCalls"/>: live calls whose final callback is overdue.</summary>
public sealed record WatchdogRequest(string BatchId, IReadOnlyList<LiveCall> Calls);
