using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

/// <summary>Why a batch or a recipient is not being dialed right now (ours: ElevenLabs has no such field).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WaitingReason>))]
public enum WaitingReason
{
    [JsonStringEnumMemberName("calling_window")] CallingWindow,
    [JsonStringEnumMemberName("retry_delay")] RetryDelay,
    [JsonStringEnumMemberName("scheduled_start")] ScheduledStart,
    [JsonStringEnumMemberName("paused")] Paused,
    [JsonStringEnumMemberName("workspace_budget")] WorkspaceBudget,
}
