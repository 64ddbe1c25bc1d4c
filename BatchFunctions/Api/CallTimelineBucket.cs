namespace BatchFunctions.Api;

/// <summary>Calls dialed, answered and ended in one bucket of time, which starts at <paramref name="StartUnix"/> (unix seconds, UTC).</summary>
public sealed record CallTimelineBucket(long StartUnix, int Dialed, int Answered, int Ended);
