using Xunit.Abstractions;

namespace BatchFunctions.Tests.Chaos;

/// <summary>
/// A few seeds of the chaos suite; <c>scripts/benchmark.sh chaos --seeds N</c> runs many more. The seeds were
/// chosen from their plans (<c>--plans</c>) so that together they schedule every fault kind of
/// <see cref="ChaosFaultKind"/>: 62 kills a worker under activity reruns, lost answers, 429s and lost callbacks;
/// 137 faults storage and Twilio (5xx) with reruns and two workers; 161 runs three batches through lost and slow
/// dial answers, cancel, pause/resume and delete; 212 adds storage faults, a 503 and a late cancel on two workers.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class ChaosTests(ITestOutputHelper output)
{
    // A correct engine ends these small batches well within this once the faults stop, even after a worker kill
    // (whose work items reappear after 30 s); shorter than the benchmark's bound to keep the set near 3 minutes.
    private static readonly ChaosSettings Settings = new() { TerminalBound = TimeSpan.FromSeconds(90) };

    [Theory]
    [InlineData(62)]
    [InlineData(137)]
    [InlineData(161)]
    [InlineData(212)]
    public async Task Run_Seed_KeepsEveryInvariant(int seed)
    {
        var report = await ChaosRun.RunAsync(seed, Settings, output.WriteLine);

        foreach (var line in report.Log)
        {
            output.WriteLine(line);
        }

        output.WriteLine($"faults: {string.Join(", ", report.Faults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}");
        Assert.True(report.Violations.Count == 0,
            $"Seed {seed} broke {report.Violations.Count} invariant(s); rerun it with scripts/benchmark.sh chaos --seed {seed}:\n"
            + string.Join('\n', report.Violations));
    }
}
