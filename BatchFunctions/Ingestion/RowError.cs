namespace BatchFunctions.Ingestion;

/// <summary>A row that was not accepted, with enough to find and fix it in the source file.</summary>
/// <param name="RowNumber">Spreadsheet row number (the header is row 1).</param>
public sealed record RowError(int RowNumber, string Column, string Value, string Message);
