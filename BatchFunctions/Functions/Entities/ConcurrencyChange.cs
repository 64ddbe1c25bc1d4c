namespace BatchFunctions.Functions.Entities;

public sealed record ConcurrencyChange(int Limit, DateTimeOffset At);
