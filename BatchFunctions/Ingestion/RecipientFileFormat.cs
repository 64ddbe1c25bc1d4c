using System.Text.Json.Serialization;

namespace BatchFunctions.Ingestion;

/// <summary>A recipient file's format, told from its first bytes: names and extensions are often wrong.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecipientFileFormat>))]
public enum RecipientFileFormat
{
    [JsonStringEnumMemberName("csv")] Csv,
    [JsonStringEnumMemberName("xls")] Xls,
    [JsonStringEnumMemberName("xlsx")] Xlsx,

    /// <summary>Recipients given in an API request body rather than a file.</summary>
    [JsonStringEnumMemberName("json")] Json,
}
