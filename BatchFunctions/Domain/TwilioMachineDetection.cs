using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

/// <summary>Twilio answering machine detection, as ElevenLabs' telephony_call_config names it.</summary>
public sealed record TwilioMachineDetection([property: JsonPropertyName("mode")] MachineDetectionMode? Mode);
