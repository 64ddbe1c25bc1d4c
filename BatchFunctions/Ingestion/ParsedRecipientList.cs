using BatchFunctions.Domain;

namespace BatchFunctions.Ingestion;

/// <summary>A list that can become a batch: the recipients to call and every row left out, with why.</summary>
public sealed record ParsedRecipientList(
    IReadOnlyList<Recipient> Recipients,
    IReadOnlyList<RowError> RowErrors,
    IReadOnlyList<string> OverrideColumns,
    FileDescription File);
