namespace BatchFunctions.Ingestion;

/// <summary>What the reader detected, reported back so operators can see how their file was understood.</summary>
/// <param name="Delimiter">The CSV separator; null for spreadsheets.</param>
/// <param name="Encoding">The CSV text encoding; null for spreadsheets.</param>
/// <param name="Sheet">The worksheet read; null for CSV.</param>
public sealed record FileDescription(RecipientFileFormat Format, string? Delimiter, string? Encoding, string? Sheet = null);
