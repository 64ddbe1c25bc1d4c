using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

/// <summary>
/// ElevenLabs' per-batch telephony settings, as the batch was submitted with them. Unset values mean
/// the app's defaults (Dispatch__RingTimeoutSeconds for the ring timeout).
/// </summary>
public sealed record TelephonyCallConfig(
    [property: JsonPropertyName("ringing_timeout_secs")] int? RingingTimeoutSecs,
    [property: JsonPropertyName("twilio_call_recording_enabled")] bool? TwilioCallRecordingEnabled,
    [property: JsonPropertyName("twilio_machine_detection")] TwilioMachineDetection? TwilioMachineDetection)
{
    public static readonly TelephonyCallConfig Default = new(null, null, null);
}
