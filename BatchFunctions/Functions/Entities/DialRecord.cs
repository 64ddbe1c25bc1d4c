using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Entities;

/// <summary>What the dial request itself returned (the call's end comes later, by callback).</summary>
public sealed record DialRecord(int Attempt, DialResult Result, DateTimeOffset At);
