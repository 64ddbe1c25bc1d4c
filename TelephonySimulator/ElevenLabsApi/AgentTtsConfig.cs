namespace TelephonySimulator.ElevenLabsApi;

/// <summary>
/// <c>conversation_config.tts</c>; register-call needs mu-law 8000 Hz audio out, which is what Twilio streams carry.
/// </summary>
internal sealed record AgentTtsConfig(string VoiceId, string AgentOutputAudioFormat);
