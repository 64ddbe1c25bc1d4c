using BatchFunctions.Domain;

namespace BatchFunctions.Api;

/// <summary>ElevenLabs' recipient shape, plus what we know beyond it: the source row, attempts and why a call failed.</summary>
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
    int? DurationSecs);
