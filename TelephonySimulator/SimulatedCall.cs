namespace TelephonySimulator;

/// <summary>A snapshot of one call in the dial log.</summary>
/// <param name="Sid">The call SID (<c>CA</c> + 32 hex digits).</param>
/// <param name="AccountSid">The account that created the call.</param>
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
    DateTimeOffset? EndedAt);
