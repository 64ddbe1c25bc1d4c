using System.ComponentModel.DataAnnotations;

namespace BatchFunctions.Options;

/// <summary>
/// Bounds on what one recipient file may hold, so a wrong or hostile upload is refused with a message
/// instead of exhausting the function's memory or time. Every refusal names the setting to raise.
/// </summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Largest file accepted, in bytes (100 MiB: about 2 million rows of a typical list).</summary>
    [Range(1L, long.MaxValue, ErrorMessage = "Ingestion__MaxFileBytes must be a positive number of bytes.")]
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Most recipient rows in one file, header not counted.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Ingestion__MaxRows must be between 1 and 10000000.")]
    public int MaxRows { get; set; } = 1_000_000;

    /// <summary>Most named columns; each becomes a dynamic variable or an override.</summary>
    [Range(1, 16_384, ErrorMessage = "Ingestion__MaxColumns must be between 1 and 16384 (Excel's column count).")]
    public int MaxColumns { get; set; } = 200;

    /// <summary>Longest cell, in characters; a system_prompt override is the longest cell a real list has.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Ingestion__MaxCellCharacters must be between 1 and 1000000.")]
    public int MaxCellCharacters { get; set; } = 10_000;

    /// <summary>Most bytes an XLSX may expand to when unzipped, all its parts together.</summary>
    [Range(1L, long.MaxValue, ErrorMessage = "Ingestion__MaxUncompressedBytes must be a positive number of bytes.")]
    public long MaxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// Highest expansion ratio of one large XLSX part. Real sheets compress 5 to 50 times; a zip bomb
    /// compresses a thousand times or more.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Ingestion__MaxCompressionRatio must be between 1 and 100000.")]
    public int MaxCompressionRatio { get; set; } = 200;
}
