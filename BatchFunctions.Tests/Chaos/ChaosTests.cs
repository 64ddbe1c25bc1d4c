using Xunit.Abstractions;

namespace BatchFunctions.Tests.Chaos;

/// <summary>
/// A few seeds of the chaos suite, chosen so that together they inject every fault kind (see
/// <see cref="ChaosFaultKind"/>); <c>scripts/benchmark.sh chaos --seeds N</c> runs many more.
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Run_Seed_KeepsEveryInvariant(int seed)
    {
        var report = await ChaosRun.RunAsync(seed, new ChaosSettings(), output.WriteLine);

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
