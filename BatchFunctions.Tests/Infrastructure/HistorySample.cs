namespace BatchFunctions.Tests.Infrastructure;

/// <summary>The size of an orchestration's history at one moment.</summary>
public sealed record HistorySample(string ExecutionId, int Events);
