using BatchFunctions.Ingestion;

namespace RecipientListValidator;

/// <summary>What the validator prints: whether the blob trigger would accept the file, and why.</summary>
/// <param name="Accepted">Whether the file would become a batch, as far as the file decides (see <paramref name="NotChecked"/>).</param>
/// <param name="Reason">Why the whole file is refused; null when accepted.</param>
/// <param name="Detected">Format, delimiter, encoding and sheet as read; null when the file could not be read.</param>
/// <param name="OverrideColumns">Override columns the chosen agent must allow.</param>
/// <param name="Recipients">Streamed while printing, so a million-row list is never all in memory.</param>
/// <param name="NotChecked">What only the running app can check, against ElevenLabs.</param>
public sealed record ValidationReport(
    string File,
    bool Accepted,
    string? Reason,
    FileDescription? Detected,
    int RecipientsAccepted,
    int RowsRejected,
    IReadOnlyList<string> OverrideColumns,
    IEnumerable<ValidatedRecipient> Recipients,
    IReadOnlyList<RowError> RowErrors,
    string NotChecked);
