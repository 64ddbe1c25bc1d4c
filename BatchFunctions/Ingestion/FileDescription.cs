namespace BatchFunctions.Ingestion;

/// <summary>What the reader detected, reported back so operators can see how their file was understood.</summary>
public sealed record FileDescription(string Format, string? Delimiter, string? Encoding);
