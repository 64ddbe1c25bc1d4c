namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>...conversation_config_override.tts</c>.</summary>
internal sealed record TtsOverrideSettings(bool VoiceId);
