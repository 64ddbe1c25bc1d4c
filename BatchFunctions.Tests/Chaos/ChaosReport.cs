namespace BatchFunctions.Tests.Chaos;

/// <summary>What one chaos run did and found.</summary>
/// <param name="Plan">The plan drawn from the seed.</param>
/// <param name="Faults">Faults injected, by kind (only those that actually struck: a scheduled dial fault no request took is not counted).</param>
/// <param name="Violations">Every invariant the run broke; empty when the engine held.</param>
/// <param name="Log">The run's timeline: the schedule as executed, with each API answer.</param>
/// <param name="Duration">Wall-clock time of the run, start to checks.</param>
public sealed record ChaosReport(
    ChaosPlan Plan,
    IReadOnlyDictionary<ChaosFaultKind, int> Faults,
    IReadOnlyList<InvariantViolation> Violations,
    IReadOnlyList<string> Log,
    TimeSpan Duration)
{
    public int Seed => Plan.Seed;
}
