using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Entities;

/// <summary>Everything known about one recipient's calls. Attempt 0 means never dispatched.</summary>
/// <param name="LastSequenceNumber">The highest provider callback applied; older or repeated ones are ignored.</param>
public sealed record CallState(
    string BatchId = "",
    int RecipientIndex = 0,
    RecipientStatus Status = RecipientStatus.Pending,
    int Attempt = 0,
    string? CallSid = null,
    string? ConversationId = null,
    int LastSequenceNumber = -1,
    FailureReason? FailureReason = null,
    string? FailureDetail = null,
    string? AnsweredBy = null,
    int? DurationSeconds = null,
    DateTimeOffset? DispatchedAt = null,
    DateTimeOffset? AnsweredAt = null,
    DateTimeOffset? EndedAt = null,
    DateTimeOffset? UpdatedAt = null);
