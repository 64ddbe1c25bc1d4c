namespace BatchFunctions.Scheduling;

/// <summary>An interval of instants in which a calling window is open: from <paramref name="Start"/> (inclusive) to <paramref name="End"/> (exclusive).</summary>
internal readonly record struct OpenSpan(DateTimeOffset Start, DateTimeOffset End);
