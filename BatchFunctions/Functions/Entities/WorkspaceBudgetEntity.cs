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
        var held = leases.TryGetValue(request.BatchId, out var current) ? current.Leased : 0;
        var others = leases.Where(l => l.Key != request.BatchId).Sum(l => l.Value.Leased);
        var leased = Math.Max(held, Math.Min(request.Wanted, request.Capacity - others));
        leases[request.BatchId] = new BatchLease(leased, request.Wanted, request.At + request.Duration);
        State = new WorkspaceBudgetState(leases);
        var wanting = leases.Values.Count(l => l.Wanted > 0);
        return new LeaseGrant(leased, Math.Max(1, request.Capacity / Math.Max(1, wanting)), wanting);
    }

    public void Release(LeaseRelease release)
    {
        if (!State.Leases.TryGetValue(release.BatchId, out var current))
        {
            return;
        }

        var leases = new Dictionary<string, BatchLease>(State.Leases, StringComparer.Ordinal);
        if (release.Finished)
        {
            leases.Remove(release.BatchId);
        }
        else
        {
            leases[release.BatchId] = current with { Leased = Math.Max(0, current.Leased - release.Count) };
        }

        State = new WorkspaceBudgetState(leases);
    }

    protected override WorkspaceBudgetState InitializeState(TaskEntityOperation entityOperation) => new(new Dictionary<string, BatchLease>());

    private Dictionary<string, BatchLease> Unexpired(DateTimeOffset now) =>
        State.Leases.Where(l => l.Value.ExpiresAt > now).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
}
