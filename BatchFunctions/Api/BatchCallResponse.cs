using System.Text.Json.Serialization;
using BatchFunctions.Domain;

namespace BatchFunctions.Api;

/// <summary>
/// ElevenLabs' BatchCallResponse, field for field, plus counts per status, a failure message and
/// whether the operator paused it (ElevenLabs has no pause; the status stays in_progress).
/// With <see cref="Recipients"/> set it is their BatchCallDetailedResponse.
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
    int? TargetConcurrencyLimit,
    int ConcurrencyLimit,
    RecipientStatusCounts StatusCounts,
    string? FailureMessage,
    bool Paused)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<BatchRecipientResponse>? Recipients { get; init; }
}
