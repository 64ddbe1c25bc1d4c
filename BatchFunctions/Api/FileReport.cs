using BatchFunctions.Ingestion;

namespace BatchFunctions.Api;

/// <summary>How an uploaded file was understood: what was accepted, every row left out and why, what was detected.</summary>
/// <param name="Reason">Why the file cannot become a batch, when it cannot.</param>
/// <param name="RowErrors">The first <see cref="UploadedBatchReader.MaxRowErrors"/> rows left out.</param>
public sealed record FileReport(
    UploadStatus Status,
    string? Reason,
    string File,
    int RecipientsAccepted,
    int RowsRejected,
    IReadOnlyList<RowError> RowErrors,
    FileDescription? Detected,
    IReadOnlyList<string> OverrideColumns,
    IReadOnlyList<string> DynamicVariableColumns,
    string? AgentName);
