namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>...conversation_config_override.agent.prompt</c>: whether the system prompt may be overridden.</summary>
internal sealed record PromptOverrideSettings(bool Prompt);
