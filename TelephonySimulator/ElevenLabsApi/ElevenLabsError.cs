namespace TelephonySimulator.ElevenLabsApi;

/// <summary>ElevenLabs' error body: <c>{"detail":{"status":...,"message":...}}</c>.</summary>
internal sealed record ElevenLabsError(ElevenLabsErrorDetail Detail);
