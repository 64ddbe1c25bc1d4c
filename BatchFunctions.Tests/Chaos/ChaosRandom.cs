namespace BatchFunctions.Tests.Chaos;

/// <summary>
/// The one source of every chaos decision, seeded: the plan is drawn from it first, in a fixed order, so a seed
/// always gives the same plan. Per-request draws made later (storage faults, activity reruns) come from it too;
/// their order follows the run's timing, so those reproduce only as far as timing does.
/// </summary>
public sealed class ChaosRandom(int seed)
{
    private readonly Lock gate = new();

    // Not a security context: a seeded generator is the point, so that a failing run can be replayed.
#pragma warning disable CA5394
    private readonly Random random = new(seed);

    public int Seed { get; } = seed;

    public double NextDouble()
    {
        lock (gate)
        {
            return random.NextDouble();
        }
    }

    /// <returns>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</returns>
    public int Between(int min, int max)
    {
        lock (gate)
        {
            return random.Next(min, max + 1);
        }
    }
#pragma warning restore CA5394

    public bool Chance(double probability) => probability > 0 && NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Between(0, items.Count - 1)];

    public TimeSpan Between(TimeSpan min, TimeSpan max) => min + ((max - min) * NextDouble());
}
