namespace BatchFunctions.Functions.Entities;

/// <summary>The ElevenLabs conversation that took an answered call.</summary>
public sealed record ConversationRecord(int Attempt, string ConversationId);
