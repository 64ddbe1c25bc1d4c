namespace BatchFunctions.Ingestion;

/// <summary>What became of a dropped file, written beside the archived original so nobody needs the logs.</summary>
/// <param name="Id">The batch id when accepted; an upload id when rejected.</param>
/// <param name="FirstRowErrors">The first rows left out; all of them are in row-errors.csv beside this file.</param>
public sealed record UploadOutcome(
    UploadStatus Status,
    string Id,
    string File,
    string? Reason,
    int RecipientsAccepted,
    int RowsRejected,
    IReadOnlyList<RowError> FirstRowErrors,
    FileDescription? Detected,
    DateTimeOffset ProcessedAt);
