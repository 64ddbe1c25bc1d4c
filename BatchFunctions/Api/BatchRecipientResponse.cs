using System.Text.Json.Serialization;
using BatchFunctions.Domain;

namespace BatchFunctions.Api;

/// <summary>
/// ElevenLabs' recipient shape (OutboundCallRecipientResponseModel), plus what we know beyond it: the
/// source row, attempts, the Twilio call, why a call failed and what the conversation achieved.
/// </summary>
/// <param name="WaitingReason">Why the recipient's next attempt is not dialed yet (calling window, retry delay), while the batch runs.</param>
/// <param name="NextAttemptAtUnix">When that attempt falls due.</param>
/// <param name="RowNumber">Row in the uploaded file (header = 1); 0 for recipients submitted as JSON.</param>
public sealed record BatchRecipientResponse(
    string Id,
    string PhoneNumber,
    RecipientStatus Status,
    long CreatedAtUnix,
    long UpdatedAtUnix,
    string? ConversationId,
    ConversationInitiationClientData ConversationInitiationClientData,
    int RowNumber,
    int Attempts,
    string? CallSid,
    FailureReason? FailureReason,
    string? FailureDetail,
    int? DurationSecs,
    WaitingReason? WaitingReason,
    long? NextAttemptAtUnix,
    string? WaitingTimeZone,
    string? WaitingLocalOpening,

    RecipientConversationResponse? ConversationResults)
{
    /// <summary>Ours: the recipient's own voicemail message, when it has one (else the batch's applies).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? VoicemailMessage { get; init; }
}
