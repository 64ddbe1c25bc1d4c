using BatchFunctions.Functions.Entities;

namespace BatchFunctions.Functions.Orchestration.Rules;

/// <summary>
/// The batch's side of its lease on the workspace budget: how many slots it holds, when to ask for
/// more, when to renew (a lease that is not renewed expires, so a batch that dies gives its slots
/// back), and what to give back. Plain state and rules, so they are tested without the engine.
/// </summary>
public sealed class SlotLease(int leased, DateTime now)
{
    /// <summary>How soon to ask again when the budget had no slot to spare.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    /// <summary>How often a held lease is renewed; well inside the lease's duration.</summary>
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(30);

    private DateTime askAt = now;
    private DateTime renewAt = now + RenewInterval;

    public int Leased { get; private set; } = leased;

    /// <summary>Budget divided among the batches wanting slots; hold no more than this while others wait.</summary>
    public int FairShare { get; private set; } = int.MaxValue;

    /// <summary>Batches wanting slots, which also share the account's calls per second.</summary>
    public int ActiveBatches { get; private set; } = 1;

    public bool Asking { get; private set; }

    private long lastSeq;

    /// <summary>
    /// The place of the next lease message in the batch's order: never below the time's ticks, so a later
    /// generation or operator retry (which start from zero) still counts as newer.
    /// </summary>
    public long NextSeq(DateTime now) => lastSeq = Math.Max(lastSeq + 1, now.Ticks);

    /// <summary>Ask when more slots would be used and the last refusal is old enough, or when the lease is due for renewal.</summary>
    public bool ShouldAsk(DateTime now, int wanted, int live) =>
        !Asking && (Leased < wanted && live >= Leased && now >= askAt || Leased > 0 && now >= renewAt);

    public void Asked() => Asking = true;

    public void Granted(LeaseGrant grant, DateTime now, int live)
    {
        Asking = false;
        Leased = grant.Leased;
        FairShare = grant.FairShare;
        ActiveBatches = Math.Max(1, grant.ActiveBatches);
        renewAt = now + RenewInterval;
        if (Leased <= live)
        {
            askAt = now + RetryInterval;
        }
    }

    /// <summary>The budget could not be asked (its entity failed): try again a little later.</summary>
    public void NotGranted(DateTime now)
    {
        Asking = false;
        askAt = now + RetryInterval;
        renewAt = Min(renewAt, now + RetryInterval);
    }

    /// <summary>Something changed (resume, a higher limit): ask at once rather than at the next retry.</summary>
    public void AskSoon(DateTime now) => askAt = now;

    /// <summary>When the lease next wants attention (null: nothing to ask for).</summary>
    public DateTime? NextAttention(int wanted, int live) =>
        Asking ? null
        : Leased < wanted && live >= Leased ? askAt
        : Leased > 0 ? renewAt
        : null;

    /// <summary>
    /// Slots to give back: those the batch cannot use now (<paramref name="useful"/>), or holds beyond its
    /// fair share while other batches wait, always keeping one per live call.
    /// </summary>
    public int Surplus(int useful, int limit, int live)
    {
        if (ActiveBatches > 1)
        {
            useful = Math.Min(useful, Math.Max(FairShare, live));
        }

        var keep = Math.Max(live, Math.Min(useful, limit));
        if (Leased <= keep)
        {
            return 0;
        }

        var surplus = Leased - keep;
        Leased = keep;
        return surplus;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
