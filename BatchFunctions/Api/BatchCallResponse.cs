using System.Text.Json.Serialization;
using BatchFunctions.Domain;

namespace BatchFunctions.Api;

/// <summary>
/// ElevenLabs' BatchCallResponse, field for field (checked against the official SDK's schema), plus
/// what we know beyond it: the concurrency in force, counts per status, why a batch failed, where it
/// came from and whether the operator paused it (ElevenLabs has no pause; the status stays
/// in_progress), and why it is not dialing now and until when (calling window with its zone and local
/// opening time, retry delay, scheduled start, paused, workspace budget). With <see cref="Recipients"/> set it is their BatchCallDetailedResponse.
/// </summary>
public sealed record BatchCallResponse(
    string Id,
    string PhoneNumberId,
    PhoneProvider PhoneProvider,
    string Name,
    string AgentId,
    string AgentName,
    long CreatedAtUnix,
    long ScheduledTimeUnix,
    string? Timezone,
    int TotalCallsDispatched,
    int TotalCallsScheduled,
    int TotalCallsFinished,
    long LastUpdatedAtUnix,
    BatchStatus Status,
    int RetryCount,
    TelephonyCallConfig TelephonyCallConfig,
    int? TargetConcurrencyLimit,
    int ConcurrencyLimit,
    RecipientStatusCounts StatusCounts,
    string? FailureMessage,
    string Source,
    bool Paused,
    WaitingReason? WaitingReason,
    long? NextAttemptAtUnix,
    string? WaitingTimeZone,
    string? WaitingLocalOpening)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<BatchRecipientResponse>? Recipients { get; init; }

    /// <summary>Ours: what is said after the beep when an answering machine answers; absent when the batch sets none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? VoicemailMessage { get; init; }
}
