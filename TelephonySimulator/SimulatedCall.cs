namespace TelephonySimulator;

/// <summary>A snapshot of one call in the dial log.</summary>
/// <param name="Sid">The call SID (<c>CA</c> + 32 hex digits); for a SIP-trunk call, its SIP call id.</param>
/// <param name="AccountSid">The Twilio account that created the call; empty for calls ElevenLabs placed.</param>
/// <param name="To">The dialled number.</param>
/// <param name="From">The caller id.</param>
/// <param name="CreatedAt">When the call was created.</param>
/// <param name="Outcome">How the call plays out (or played out).</param>
/// <param name="Status">The Twilio REST status: queued, ringing, in-progress, completed, busy, failed, no-answer or canceled.</param>
/// <param name="AnswerUrl">The request's <c>Url</c>.</param>
/// <param name="StatusCallbackUrl">The request's <c>StatusCallback</c>.</param>
/// <param name="AnswerTwiml">The TwiML that ran when the call was answered; null while it was never fetched.</param>
/// <param name="Callbacks">The status callbacks sent so far, in order.</param>
/// <param name="EndedAt">When the call reached a terminal status.</param>
public sealed record SimulatedCall(
    string Sid,
    string AccountSid,
    string To,
    string From,
    DateTimeOffset CreatedAt,
    SimulatedOutcome Outcome,
    string Status,
    string? AnswerUrl,
    string? StatusCallbackUrl,
    string? AnswerTwiml,
    IReadOnlyList<SimulatedCallback> Callbacks,
    DateTimeOffset? EndedAt)
{
    /// <summary>How the call was placed; tells Twilio REST calls from those ElevenLabs placed.</summary>
    public SimulatedChannel Channel { get; init; } = SimulatedChannel.Twilio;

    /// <summary>The ElevenLabs conversation of the call: the one an outbound-call request created, or the one the answer TwiML connected.</summary>
    public string? ConversationId { get; init; }

    /// <summary>
    /// When the call left the account's calls-per-second queue (the <c>initiated</c> event), or ended without leaving
    /// it (canceled while queued); null while it waits. A call that left the queue started no earlier than
    /// <see cref="CreatedAt"/> + <see cref="QueueTime"/>.
    /// </summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>
    /// How long the call waits in its account's calls-per-second queue, fixed at creation (Twilio's <c>queue_time</c>):
    /// <see cref="CreatedAt"/> + <see cref="QueueTime"/> is the call's start slot, 1/CPS after the slot before it.
    /// </summary>
    public TimeSpan QueueTime { get; init; }

    /// <summary>The <c>AnsweredBy</c> result of answering-machine detection, when it was requested and the call was answered.</summary>
    public string? AnsweredBy { get; init; }

    /// <summary>How long the call talked, in simulated seconds, once it has ended.</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>
    /// The text of each <c>&lt;Say&gt;</c> the answer TwiML spoke to the callee before hanging up (a message left on an
    /// answering machine, an apology), in order; empty when the TwiML connected the call elsewhere or never ran.
    /// </summary>
    public IReadOnlyList<string> Said { get; init; } = [];

    /// <summary>The URL of each <c>&lt;Play&gt;</c> the answer TwiML played to the callee, in order.</summary>
    public IReadOnlyList<string> Played { get; init; } = [];
}
