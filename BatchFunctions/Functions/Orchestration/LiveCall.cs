namespace BatchFunctions.Functions.Orchestration;

/// <summary>An attempt holding a concurrency slot: dialed, and its end not yet reported.</summary>
/// <param name="CallSid">The provider's id, once the dial request has returned.</param>
/// <param name="CheckAt">When the watchdog asks the provider about it if no final callback has come (orchestration time).</param>
/// <param name="AgentUnavailable">The callee answered but the agent could not take the call.</param>
/// <param name="ConversationId">Set for SIP-trunk calls, whose only progress is the ElevenLabs conversation's status.</param>
public sealed record LiveCall(int RecipientIndex, int Attempt, string? CallSid, DateTime CheckAt, bool AgentUnavailable = false, string? ConversationId = null)
{
    /// <summary>Whether the provider can be asked about the call yet (its id is known).</summary>
    public bool Traceable => CallSid is not null || ConversationId is not null;
}
