using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Entities;

/// <summary>
/// How many recipients are in each state, kept by the batch's orchestrator (pending = total - the rest).
/// <see cref="Live"/> are calls placed and not yet ended, whatever their stage.
/// </summary>
public sealed record RecipientCounts(
    int Live = 0,
    int Completed = 0,
    int Failed = 0,
    int Cancelled = 0,
    int Voicemail = 0)
{
    public int Finished => Completed + Failed + Cancelled + Voicemail;

    public int NotPending => Live + Finished;

    /// <summary>A call was placed; a retried recipient leaves the outcome it had.</summary>
    public RecipientCounts Placed(RecipientStatus? previous) => Add(previous, -1) with { Live = Live + 1 };

    /// <summary>A placed call ended with <paramref name="final"/>.</summary>
    public RecipientCounts Ended(RecipientStatus final) => Add(final, +1) with { Live = Live - 1 };

    /// <summary>An attempt counted live while its outcome was unknown turned out never to have been dialed.</summary>
    public RecipientCounts Undialed(RecipientStatus? previous) => Add(previous, +1) with { Live = Live - 1 };

    /// <summary>The attempt failed before any call existed (refused number, do-not-call).</summary>
    public RecipientCounts FailedToDial(RecipientStatus? previous) => Add(previous, -1).Add(RecipientStatus.Failed, +1);

    private RecipientCounts Add(RecipientStatus? status, int delta) => status switch
    {
        RecipientStatus.Completed => this with { Completed = Completed + delta },
        RecipientStatus.Failed => this with { Failed = Failed + delta },
        RecipientStatus.Cancelled => this with { Cancelled = Cancelled + delta },
        RecipientStatus.Voicemail => this with { Voicemail = Voicemail + delta },
        _ => this,
    };
}
