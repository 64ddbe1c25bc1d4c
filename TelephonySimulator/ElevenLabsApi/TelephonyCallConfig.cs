namespace TelephonySimulator.ElevenLabsApi;

/// <summary>ElevenLabs' <c>telephony_call_config</c> of an outbound call.</summary>
internal sealed record TelephonyCallConfig(
    int? RingingTimeoutSecs,
    bool? TwilioCallRecordingEnabled,
    TwilioMachineDetectionConfig? TwilioMachineDetection);
