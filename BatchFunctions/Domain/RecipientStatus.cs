using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

/// <summary>The status of one recipient's call, with ElevenLabs' wire names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecipientStatus>))]
public enum RecipientStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("dispatched")] Dispatched,
    [JsonStringEnumMemberName("initiated")] Initiated,
    [JsonStringEnumMemberName("in_progress")] InProgress,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("voicemail")] Voicemail,
}
