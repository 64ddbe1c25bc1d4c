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
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Release), new LeaseRelease("a", 5, Seq: 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("b", 5, 10));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Release), new LeaseRelease("a", 0, Seq: 20, Finished: true));

        var leases = budget.State<WorkspaceBudgetState>()!.Leases;
        Assert.Equal(5, leases["b"].Leased);
        Assert.Equal((0, 0), (leases["a"].Leased, leases["a"].Wanted));
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

    [Fact]
    public async Task Release_ArrivesAfterALaterRequest_IgnoredSoTheBatchKeepsWhatItWasGranted()
    {
        // The orchestration gave 6 back (seq 2), then asked again (seq 3); the engine delivered them the other way round.
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 10, 10, seq: 1));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 10, 10, seq: 3));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Release), new LeaseRelease("a", 4, Seq: 2));

        Assert.Equal(10, budget.State<WorkspaceBudgetState>()!.Leases["a"].Leased);
    }

    [Fact]
    public async Task Release_DeliveredTwice_GivesTheSlotsBackOnce()
    {
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 10, 10, seq: 1));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Release), new LeaseRelease("a", 6, Seq: 2));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Release), new LeaseRelease("a", 6, Seq: 2));

        Assert.Equal(6, budget.State<WorkspaceBudgetState>()!.Leases["a"].Leased);
    }

    [Fact]
    public async Task Acquire_LateRequestOfAFinishedBatch_LeasesNothing()
    {
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 10, 10, seq: 1));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Release), new LeaseRelease("a", 0, Seq: 3, Finished: true));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 10, 10, seq: 2));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("b", 10, 10, seq: 1));

        var leases = budget.State<WorkspaceBudgetState>()!.Leases;
        Assert.Equal((0, 10), (leases["a"].Leased, leases["b"].Leased));
    }

    [Fact]
    public async Task Acquire_RepeatedRequest_AnsweredAlikeAndLeasesNothingMore()
    {
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 4, 10, seq: 1));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Release), new LeaseRelease("a", 2, Seq: 2));
        await budget.RunAsync(nameof(WorkspaceBudgetEntity.Acquire), Request("a", 4, 10, seq: 1));

        Assert.Equal(2, budget.State<WorkspaceBudgetState>()!.Leases["a"].Leased);
    }

    private long nextSeq;

    private LeaseRequest Request(string batchId, int wanted, int capacity, TimeSpan after = default, long? seq = null) =>
        new(batchId, wanted, capacity, Start + after, LeaseDuration, seq ?? ++nextSeq);
}
