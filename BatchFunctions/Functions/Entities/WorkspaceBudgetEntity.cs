using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Entities;

namespace BatchFunctions.Functions.Entities;

/// <summary>
/// The workspace's share of concurrent calls (50% of its limit, leaving the rest for inbound calls and
/// the widget), leased out to running batches so that all of them together never exceed it. A batch
/// leases slots when it has recipients to dial and gives back what it cannot use or holds beyond its
/// fair share when others are waiting. Leases expire: a running batch renews its lease every half
/// minute, so the slots of a batch that was deleted, terminated or crashed come back by themselves.
/// </summary>
public sealed class WorkspaceBudgetEntity : TaskEntity<WorkspaceBudgetState>
{
    [Function(nameof(WorkspaceBudgetEntity))]
    public static Task Run([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<WorkspaceBudgetEntity>();

    public static EntityInstanceId Workspace { get; } = new(nameof(WorkspaceBudgetEntity), "workspace");

    /// <summary>Asks for slots and renews the batch's lease.</summary>
    /// <returns>The batch's lease after the request: at least what it held, at most what it wanted or what is free.</returns>
    public LeaseGrant Acquire(LeaseRequest request)
    {
        var leases = Unexpired(request.At);
        var known = leases.TryGetValue(request.BatchId, out var current);
        if (known && request.Seq <= current!.Seq)
        {
            // A repeat, or overtaken by a later message of the batch: answer with what stands.
            return Grant(leases, current.Leased, request.Capacity);
        }

        var held = known ? current!.Leased : 0;
        var others = leases.Where(l => l.Key != request.BatchId).Sum(l => l.Value.Leased);
        var leased = Math.Max(held, Math.Min(request.Wanted, request.Capacity - others));
        leases[request.BatchId] = new BatchLease(leased, request.Wanted, request.At + request.Duration, request.Seq);
        State = new WorkspaceBudgetState(leases);
        return Grant(leases, leased, request.Capacity);
    }

    public void Release(LeaseRelease release)
    {
        var leases = new Dictionary<string, BatchLease>(State.Leases, StringComparer.Ordinal);
        if (leases.TryGetValue(release.BatchId, out var current) && release.Seq <= current.Seq)
        {
            return;
        }

        if (release.Finished)
        {
            // Kept as a zero lease until it would have expired, so a late request of the batch is seen as late.
            leases[release.BatchId] = new BatchLease(0, 0, current?.ExpiresAt ?? DateTimeOffset.MinValue, release.Seq);
        }
        else if (current is not null)
        {
            leases[release.BatchId] = current with { Leased = Math.Min(current.Leased, release.Keep), Seq = release.Seq };
        }

        State = new WorkspaceBudgetState(leases);
    }

    private static LeaseGrant Grant(Dictionary<string, BatchLease> leases, int leased, int capacity)
    {
        var wanting = leases.Values.Count(l => l.Wanted > 0);
        return new LeaseGrant(leased, Math.Max(1, capacity / Math.Max(1, wanting)), wanting);
    }

    protected override WorkspaceBudgetState InitializeState(TaskEntityOperation entityOperation) => new(new Dictionary<string, BatchLease>());

    private Dictionary<string, BatchLease> Unexpired(DateTimeOffset now) =>
        State.Leases.Where(l => l.Value.ExpiresAt > now).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
}
