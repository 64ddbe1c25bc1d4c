namespace BatchFunctions.Tests.Infrastructure;

/// <summary>The size of an orchestration's history at one moment, and how many events of each kind it holds.</summary>
public sealed record HistorySample(string ExecutionId, int Events, IReadOnlyDictionary<string, int> Kinds)
{
    /// <summary>"TaskScheduled 120, TimerCreated 80, ...", most frequent first.</summary>
    public string DescribeKinds() => string.Join(", ", Kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"));
}
