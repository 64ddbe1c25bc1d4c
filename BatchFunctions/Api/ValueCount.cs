namespace BatchFunctions.Api;

/// <summary>How many conversations collected one value of a field (null: collected nothing; <see cref="BatchResultsReader.OtherValues"/>: the rest).</summary>
public sealed record ValueCount(string? Value, int Count);
