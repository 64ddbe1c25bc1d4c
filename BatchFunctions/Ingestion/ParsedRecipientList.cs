using BatchFunctions.Domain;

namespace BatchFunctions.Ingestion;

/// <summary>A list that can become a batch: the recipients to call and every row left out, with why.</summary>
/// <param name="Recipients">In memory, or a <see cref="RecipientSpool"/> for a file: dispose the list when done.</param>
/// <param name="RowErrors">Every problem found; a row with several problems has several entries.</param>
public sealed record ParsedRecipientList(
    IReadOnlyList<Recipient> Recipients,
    IReadOnlyList<RowError> RowErrors,
    IReadOnlyList<string> OverrideColumns,
    FileDescription File) : IDisposable
{
    /// <summary>How many recipients carry a voicemail message of their own (the voicemail_message column).</summary>
    public int VoicemailMessages { get; init; }

    /// <summary>Rows not called: each row once, however many problems it has.</summary>
    public int RowsLeftOut => RowErrors.Select(e => e.RowNumber).Distinct().Count();

    /// <summary>Why no batch can be made of this list, or null when it can.</summary>
    public string? Unusable => Recipients.Count > 0 ? null
        : RowErrors.Count == 0 ? "The file has no recipients: add one row per person under the header."
        : $"None of the {RowsLeftOut} rows can be called; see the row errors.";

    public void Dispose() => (Recipients as IDisposable)?.Dispose();
}
