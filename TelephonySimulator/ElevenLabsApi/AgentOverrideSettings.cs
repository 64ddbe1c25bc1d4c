namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>...conversation_config_override.agent</c>.</summary>
internal sealed record AgentOverrideSettings(bool FirstMessage, bool Language, PromptOverrideSettings Prompt);
