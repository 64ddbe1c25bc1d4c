using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<MachineDetectionMode>))]
public enum MachineDetectionMode
{
    [JsonStringEnumMemberName("enable")] Enable,
    [JsonStringEnumMemberName("detect_message_end")] DetectMessageEnd,
}
