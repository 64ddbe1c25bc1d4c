namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>conversation_config.agent</c>.</summary>
internal sealed record AgentConfig(string FirstMessage, string Language, AgentPromptConfig Prompt);
