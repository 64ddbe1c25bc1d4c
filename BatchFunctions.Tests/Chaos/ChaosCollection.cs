namespace BatchFunctions.Tests.Chaos;

/// <summary>
/// The chaos runs go alone, after the parallel tests: they measure the engine under the faults they inject,
/// not under a machine loaded by sixty other test classes (the bound on every batch's end is a time).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection
{
    public const string Name = "Chaos";
}
