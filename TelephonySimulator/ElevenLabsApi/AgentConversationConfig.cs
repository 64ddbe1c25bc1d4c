namespace TelephonySimulator.ElevenLabsApi;

/// <summary>A minimal <c>conversation_config</c>: what the batch app reads, not the full agent definition.</summary>
internal sealed record AgentConversationConfig(AgentConfig Agent, AgentTtsConfig Tts);
