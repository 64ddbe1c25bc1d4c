namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>twilio_machine_detection</c>: <c>mode</c> is <c>enable</c> or <c>detect_message_end</c>.</summary>
internal sealed record TwilioMachineDetectionConfig(string? Mode);
