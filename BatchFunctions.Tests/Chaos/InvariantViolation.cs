namespace BatchFunctions.Tests.Chaos;

/// <summary>One broken invariant, with the seed that reproduces the run and what was seen.</summary>
public sealed record InvariantViolation(int Seed, InvariantKind Invariant, string Detail)
{
    public override string ToString() => $"seed {Seed}: {Invariant}: {Detail}";
}
