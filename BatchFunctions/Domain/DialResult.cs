namespace BatchFunctions.Domain;

/// <param name="FailureDetail">Provider code and readable reason, for the operator; never contains secrets.</param>
/// <param name="RetryAfter">With <see cref="DialOutcome.Deferred"/>: real time until the attempt is due again.</param>
/// <param name="ConversationId">The ElevenLabs conversation, when ElevenLabs placed the call (SIP trunk).</param>
public sealed record DialResult(
    DialOutcome Outcome,
    string? CallSid = null,
    FailureReason? FailureReason = null,
    string? FailureDetail = null,
    TimeSpan? RetryAfter = null,
    string? ConversationId = null);
