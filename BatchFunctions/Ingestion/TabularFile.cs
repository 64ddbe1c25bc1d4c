namespace BatchFunctions.Ingestion;

/// <summary>A recipient file seen as a header and rows of cells, whatever its format.</summary>
/// <param name="Rows">Streamed: enumerate once.</param>
public sealed record TabularFile(IReadOnlyList<string> Headers, IEnumerable<TabularRow> Rows, FileDescription Description);
