namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>metadata</c> of an agent.</summary>
internal sealed record AgentMetadata(long CreatedAtUnixSecs);
