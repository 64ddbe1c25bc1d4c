namespace BatchFunctions.Ingestion;

/// <param name="RowNumber">Spreadsheet row number (the header is row 1).</param>
public sealed record TabularRow(int RowNumber, IReadOnlyList<CellValue> Cells);
