namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Raised to the batch orchestrator when a callee answered but ElevenLabs could not take the call:
/// when that call ends it counts as failed, not completed.
/// </summary>
public sealed record AgentUnavailable(int RecipientIndex, int Attempt)
{
    public const string EventName = nameof(AgentUnavailable);
}
