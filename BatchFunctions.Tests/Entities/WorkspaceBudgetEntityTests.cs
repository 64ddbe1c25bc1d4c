using BatchFunctions.Functions.Entities;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Entities;

public sealed class WorkspaceBudgetEntityTests
{
    private readonly EntityRunner<WorkspaceBudgetEntity> budget = new(WorkspaceBudgetEntity.Workspace, () => new WorkspaceBudgetEntity());

    [Fact]
    public async Task Acquire_TwoBatchesWantingMoreThanTheShare_NeverLeasedMoreThanCapacityTogether()
    {
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), new LeaseRequest("a", 8, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), new LeaseRequest("b", 8, 10));

        var leases = budget.State<WorkspaceBudgetState>()!.Leases;
        Assert.Equal((8, 2), (leases["a"].Leased, leases["b"].Leased));
    }

    [Fact]
    public async Task Release_GivesSlotsToTheNextAcquire_AndFinishedBatchesStopCounting()
    {
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), new LeaseRequest("a", 10, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), new LeaseRequest("b", 5, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Release), new LeaseRelease("a", 5));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), new LeaseRequest("b", 5, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Release), new LeaseRelease("a", 5, Finished: true));

        var leases = budget.State<WorkspaceBudgetState>()!.Leases;
        Assert.Equal(5, leases["b"].Leased);
        Assert.False(leases.ContainsKey("a"));
    }

    [Fact]
    public async Task Acquire_CapacityLoweredBelowWhatIsHeld_KeepsTheLeaseButGrantsNothingMore()
    {
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), new LeaseRequest("a", 6, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), new LeaseRequest("b", 6, 4));

        var leases = budget.State<WorkspaceBudgetState>()!.Leases;
        Assert.Equal((6, 0), (leases["a"].Leased, leases["b"].Leased));
    }
}
