namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>platform_settings.overrides</c>.</summary>
internal sealed record AgentOverrides(ConversationConfigOverrideSettings ConversationConfigOverride);
