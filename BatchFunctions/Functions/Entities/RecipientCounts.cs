using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Entities;

/// <summary>How many recipients are in each status other than pending (pending = total - the rest).</summary>
public sealed record RecipientCounts(
    int Dispatched = 0,
    int Initiated = 0,
    int InProgress = 0,
    int Completed = 0,
    int Failed = 0,
    int Cancelled = 0,
    int Voicemail = 0)
{
    public int NotPending => Dispatched + Initiated + InProgress + Finished;

    public int Finished => Completed + Failed + Cancelled + Voicemail;

    public RecipientCounts Apply(StatusTransition transition) => Add(transition.From, -1).Add(transition.To, +1);

    private RecipientCounts Add(RecipientStatus status, int delta) => status switch
    {
        RecipientStatus.Pending => this,
        RecipientStatus.Dispatched => this with { Dispatched = Dispatched + delta },
        RecipientStatus.Initiated => this with { Initiated = Initiated + delta },
        RecipientStatus.InProgress => this with { InProgress = InProgress + delta },
        RecipientStatus.Completed => this with { Completed = Completed + delta },
        RecipientStatus.Failed => this with { Failed = Failed + delta },
        RecipientStatus.Cancelled => this with { Cancelled = Cancelled + delta },
        RecipientStatus.Voicemail => this with { Voicemail = Voicemail + delta },
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
