namespace BatchFunctions.Functions.Orchestration;

/// <summary>Input of <see cref="CheckLiveCalls"/>: live calls whose end has not been reported for a while.</summary>
public sealed record CheckRequest(string BatchId, DialSettings Dial, IReadOnlyList<LiveCall> Calls);
