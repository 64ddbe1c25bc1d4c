namespace TelephonySimulator.Calls;

/// <summary>A consistent copy of a call's state, taken under its lock.</summary>
internal sealed record CallSnapshot(
    string Sid,
    CallRequest Request,
    CallPlan Plan,
    CallStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int? DurationSeconds,
    int? SipResponseCode,
    int? ErrorCode,
    string? AnsweredBy,
    string? AnswerTwiml,
    IReadOnlyList<SimulatedCallback> Callbacks,
    TimeSpan QueueTime,
    string? ConversationId,
    IReadOnlyList<string> Said,
    IReadOnlyList<string> Played)
{
    public SimulatedCall ToSimulatedCall() => new(
        Sid,
        Request.AccountSid,
        Request.To,
        Request.From,
        CreatedAt,
        Plan.Outcome,
        Status.ToWire(),
        Request.Url,
        Request.StatusCallback,
        AnswerTwiml,
        Callbacks,
        EndedAt)
    {
        Channel = Request.Channel,
        ConversationId = ConversationId,
        StartedAt = StartedAt,
        QueueTime = QueueTime,
        AnsweredBy = AnsweredBy,
        DurationSeconds = DurationSeconds,
        Said = Said,
        Played = Played,
    };
}
