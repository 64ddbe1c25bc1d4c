using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

/// <summary>One person to call, as accepted from the list.</summary>
/// <param name="Index">Position in the batch, 0-based; with the batch id it names the recipient everywhere.</param>
/// <param name="RowNumber">Row in the uploaded file (header = 1), so reports point back to the source.</param>
/// <param name="PhoneNumber">E.164.</param>
/// <param name="ClientData">Dynamic variables and overrides handed to the agent.</param>
/// <param name="Id">The caller's own recipient id, when the batch came through the API.</param>
public sealed record Recipient(int Index, int RowNumber, string PhoneNumber, ConversationInitiationClientData ClientData, string? Id = null)
{
    /// <summary>IANA zones of the recipient's local time, resolved when the batch is launched (for calling windows).</summary>
    public IReadOnlyList<string> TimeZones { get; init; } = [];

    /// <summary>
    /// What to say on the recipient's answering machine after its beep, instead of the batch's message; null: the batch's.
    /// Left out of the stored JSON when unset, so lists without the column store nothing more.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? VoicemailMessage { get; init; }
}
