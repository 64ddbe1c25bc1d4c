using BatchFunctions.Functions.Entities;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Entities;

public sealed class WorkspaceBudgetEntityTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly EntityRunner<WorkspaceBudgetEntity> budget = new(WorkspaceBudgetEntity.Workspace, () => new WorkspaceBudgetEntity());

    [Fact]
    public async Task Acquire_TwoBatchesWantingMoreThanTheShare_NeverLeasedMoreThanCapacityTogether()
    {
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 8, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("b", 8, 10));

        var leases = budget.State<WorkspaceBudgetState>()!.Leases;
        Assert.Equal((8, 2), (leases["a"].Leased, leases["b"].Leased));
    }

    [Fact]
    public async Task Release_GivesSlotsToTheNextAcquire_AndFinishedBatchesStopCounting()
    {
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 10, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("b", 5, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Release), new LeaseRelease("a", 5));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("b", 5, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Release), new LeaseRelease("a", 5, Finished: true));

        var leases = budget.State<WorkspaceBudgetState>()!.Leases;
        Assert.Equal(5, leases["b"].Leased);
        Assert.False(leases.ContainsKey("a"));
    }

    [Fact]
    public async Task Acquire_ALeaseNotRenewedInTime_ExpiresAndItsSlotsGoToOthers()
    {
        // Batch "a" takes the whole share and dies (terminated, crashed): it never renews nor releases.
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 10, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("b", 10, 10, after: LeaseDuration - TimeSpan.FromSeconds(1)));
        Assert.Equal(0, budget.State<WorkspaceBudgetState>()!.Leases["b"].Leased);

        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("b", 10, 10, after: LeaseDuration));

        var leases = budget.State<WorkspaceBudgetState>()!.Leases;
        Assert.Equal(10, leases["b"].Leased);
        Assert.False(leases.ContainsKey("a"));
    }

    [Fact]
    public async Task Acquire_LeaseRenewedBeforeItExpires_KeepsItsSlots()
    {
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 10, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 10, 10, after: LeaseDuration / 2));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("b", 10, 10, after: LeaseDuration + TimeSpan.FromSeconds(1)));

        var leases = budget.State<WorkspaceBudgetState>()!.Leases;
        Assert.Equal((10, 0), (leases["a"].Leased, leases["b"].Leased));
    }

    [Fact]
    public async Task Acquire_CapacityLoweredBelowWhatIsHeld_KeepsTheLeaseButGrantsNothingMore()
    {
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 6, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("b", 6, 4));

        var leases = budget.State<WorkspaceBudgetState>()!.Leases;
        Assert.Equal((6, 0), (leases["a"].Leased, leases["b"].Leased));
    }

    private static LeaseRequest Request(string batchId, int wanted, int capacity, TimeSpan after = default) =>
        new(batchId, wanted, capacity, Start + after, LeaseDuration);
}
