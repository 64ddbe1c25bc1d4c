namespace BatchFunctions.Tests.Chaos;

/// <summary>The most calls live at one moment, and the first moment it happened.</summary>
public sealed record LivePeak(int Count, DateTimeOffset At);
