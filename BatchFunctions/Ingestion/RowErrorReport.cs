using CsvHelper;

namespace BatchFunctions.Ingestion;

/// <summary>
/// The rows left out of a batch, as a CSV an operator can open beside the source file. Values come
/// from the uploaded file, so cells that a spreadsheet would run as formulas are escaped.
/// </summary>
public static class RowErrorReport
{
    public static byte[] ToCsv(IEnumerable<RowError> errors)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(["row_number", "column", "value", "message"]);
            foreach (var error in errors)
            {
                csv.WriteRecord([error.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Column, error.Value, error.Message]);
            }
        }

        return buffer.ToArray();
    }
}
