using System.Collections.Concurrent;
using System.Globalization;

namespace BatchFunctions.Tests.Chaos;

/// <summary>What one chaos run injected: counts per kind, and a timestamped log of the scheduled events.</summary>
public sealed class FaultLedger
{
    private readonly ConcurrentDictionary<ChaosFaultKind, int> counts = new();
    private readonly ConcurrentQueue<string> log = new();
    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;

    public IReadOnlyDictionary<ChaosFaultKind, int> Counts => counts.ToDictionary(c => c.Key, c => c.Value);

    public IReadOnlyList<string> Log => [.. log];

    public void Count(ChaosFaultKind kind, int times = 1)
    {
        if (times > 0)
        {
            counts.AddOrUpdate(kind, times, (_, n) => n + times);
        }
    }

    /// <summary>Adds a line to the run's log, stamped with the seconds since the run started.</summary>
    public void Note(string line) =>
        log.Enqueue(string.Create(CultureInfo.InvariantCulture, $"+{(DateTimeOffset.UtcNow - started).TotalSeconds,6:F1}s {line}"));
}
