namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The <c>detail</c> of an ElevenLabs error: a machine-readable status and a message.</summary>
internal sealed record ElevenLabsErrorDetail(string Status, string Message);
