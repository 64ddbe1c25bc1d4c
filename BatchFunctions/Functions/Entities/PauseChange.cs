namespace BatchFunctions.Functions.Entities;

public sealed record PauseChange(bool Paused, DateTimeOffset At);
