namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>platform_settings.overrides.conversation_config_override</c>.</summary>
internal sealed record ConversationConfigOverrideSettings(AgentOverrideSettings Agent, TtsOverrideSettings Tts);
