using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

/// <summary>Twilio's answering-machine detection for a batch's calls.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MachineDetection>))]
public enum MachineDetection
{
    [JsonStringEnumMemberName("disabled")] Disabled,

    /// <summary>Decide human or machine as soon as possible (Twilio "Enable").</summary>
    [JsonStringEnumMemberName("enable")] Enable,

    /// <summary>Wait for the greeting to end, e.g. to leave a message after the beep (Twilio "DetectMessageEnd").</summary>
    [JsonStringEnumMemberName("detect_message_end")] DetectMessageEnd,
}
