namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The agent a phone number is assigned to.</summary>
internal sealed record AssignedAgent(string AgentId, string AgentName);
