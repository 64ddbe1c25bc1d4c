namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>conversation_config.agent.prompt</c>.</summary>
internal sealed record AgentPromptConfig(string Prompt);
