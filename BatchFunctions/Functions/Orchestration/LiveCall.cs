using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>An attempt holding a concurrency slot: dialed (or possibly dialed), and its end not yet known.</summary>
/// <param name="CallSid">The provider's id, once known.</param>
/// <param name="CheckAt">When the provider is next asked about it, in case its final callback was lost (orchestration time).</param>
/// <param name="AgentUnavailable">The callee answered but the agent could not take the call.</param>
/// <param name="ConversationId">Set for SIP-trunk calls, whose only progress is the ElevenLabs conversation's status.</param>
/// <param name="OutcomeUnknown">Whether the dial placed a call is not known yet: it is looked up, never dialed again.</param>
public sealed record LiveCall(DialTicket Ticket, string? CallSid, DateTime CheckAt, bool AgentUnavailable = false, string? ConversationId = null, bool OutcomeUnknown = false)
{
    public AttemptId Id => Ticket.Id;
}
