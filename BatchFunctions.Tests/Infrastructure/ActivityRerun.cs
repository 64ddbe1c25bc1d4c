namespace BatchFunctions.Tests.Infrastructure;

/// <summary>One activity execution turned into two: how they run and whose result the orchestration sees.</summary>
/// <param name="Mode">One after the other, or both at once.</param>
/// <param name="KeepFirstResult">Whether the orchestration gets the first run's result (the second's is lost) or the second's.</param>
public sealed record ActivityRerun(ActivityRerunMode Mode, bool KeepFirstResult);
