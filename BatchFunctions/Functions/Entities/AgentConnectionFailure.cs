namespace BatchFunctions.Functions.Entities;

/// <summary>The callee answered but ElevenLabs could not take the call, so the agent never spoke.</summary>
public sealed record AgentConnectionFailure(int Attempt, string Detail, DateTimeOffset At);
