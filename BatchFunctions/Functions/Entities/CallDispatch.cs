namespace BatchFunctions.Functions.Entities;

/// <summary>The orchestrator took a slot for this attempt and is about to dial.</summary>
public sealed record CallDispatch(int Attempt, DateTimeOffset At);
