namespace TelephonySimulator;

/// <summary>
/// One dial request the simulator received, whatever became of it: a Twilio create-call request or an ElevenLabs
/// outbound-call request, including those refused, failed by an injected fault or left unanswered.
/// </summary>
/// <param name="ReceivedAt">When the request arrived.</param>
/// <param name="Channel">Which API it came through.</param>
/// <param name="AccountSid">The Twilio account in the path; null for ElevenLabs requests.</param>
/// <param name="To">The dialled number as sent; null when absent.</param>
/// <param name="From">The caller id as sent (for ElevenLabs, the number of <c>agent_phone_number_id</c>); null when unknown.</param>
/// <param name="HttpStatus">The HTTP status answered; 0 when the connection was dropped or the client gave up first.</param>
/// <param name="ErrorCode">The Twilio error code of a refusal; null on success.</param>
/// <param name="CallSid">The call the request created (also when its response was dropped); null when none.</param>
/// <param name="Fault">The injected fault that applied to the request, if any.</param>
public sealed record SimulatedDialAttempt(
    DateTimeOffset ReceivedAt,
    SimulatedChannel Channel,
    string? AccountSid,
    string? To,
    string? From,
    int HttpStatus,
    int? ErrorCode,
    string? CallSid,
    DialFaultAction? Fault);
