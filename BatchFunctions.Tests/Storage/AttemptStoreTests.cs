using Azure.Data.Tables;
using BatchFunctions.Domain;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Storage;

/// <summary>
/// The claims that make "one dial per attempt" hold whatever the engine redelivers: each test runs the
/// interleaving of PlaceCall and CheckLiveCalls runs that would dial twice without the guard.
/// </summary>
public sealed class AttemptStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly AttemptStore store = new(new TableServiceClient(TestStorage.ConnectionString));
    private readonly string batchId = "btcal_" + Guid.NewGuid().ToString("N")[..24];
    private readonly AttemptId id = new(3, 1);

    [Fact]
    public async Task ClaimAsync_ManyRunsAtOnce_ExactlyOneWins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => store.ClaimAsync(batchId, 0, id, 0, queued: false, Now, CancellationToken.None)));

        Assert.Single(claims, c => c.Won);
    }

    [Fact]
    public async Task ClaimAsync_QueuedAttempt_WinnerTakesItOffTheQueue()
    {
        await store.EnqueueAsync(batchId, 0, [new QueuedAttempt(id.RecipientIndex, id.Attempt, Now)], CancellationToken.None);
        await store.EnqueueAsync(batchId, 0, [new QueuedAttempt(id.RecipientIndex, id.Attempt, Now.AddMinutes(1))], CancellationToken.None);
        Assert.Single(await store.TakeDueAsync(batchId, 0, Now.AddHours(1), new HashSet<AttemptId>(), 10, CancellationToken.None));

        Assert.True((await store.ClaimAsync(batchId, 0, id, 0, queued: false, Now, CancellationToken.None)).Won);

        Assert.Empty(await store.TakeDueAsync(batchId, 0, Now.AddHours(1), new HashSet<AttemptId>(), 10, CancellationToken.None));
        Assert.False((await store.ClaimAsync(batchId, 0, id, 0, queued: false, Now, CancellationToken.None)).Won);
    }

    [Fact]
    public async Task WithdrawAsync_ReleasedAttempt_ALateRunOfTheEarlierTryCannotClaimIt()
    {
        // Run A claims, the provider says it created nothing, A gives the claim back; the orchestrator
        // has given up on the dial and its look-up finds the attempt never dialed.
        Assert.True((await store.ClaimAsync(batchId, 0, id, 0, queued: false, Now, CancellationToken.None)).Won);
        await store.ReleaseAsync(batchId, id, CancellationToken.None);

        var redialAs = await store.WithdrawAsync(batchId, id, 0, CancellationToken.None);

        // A redelivered run of try 0 (after a cancel, nothing else would stop it) loses; the redial wins.
        Assert.Equal(1, redialAs);
        Assert.False((await store.ClaimAsync(batchId, 0, id, 0, queued: false, Now, CancellationToken.None)).Won);
        Assert.True((await store.ClaimAsync(batchId, 0, id, 1, queued: false, Now, CancellationToken.None)).Won);
    }

    [Fact]
    public async Task WithdrawAsync_AttemptNoRunReached_FencedAndOffTheQueue()
    {
        await store.EnqueueAsync(batchId, 0, [new QueuedAttempt(id.RecipientIndex, id.Attempt, Now)], CancellationToken.None);

        Assert.Equal(1, await store.WithdrawAsync(batchId, id, 0, CancellationToken.None));

        Assert.Empty(await store.TakeDueAsync(batchId, 0, Now.AddHours(1), new HashSet<AttemptId>(), 10, CancellationToken.None));
        Assert.False((await store.ClaimAsync(batchId, 0, new AttemptId(id.RecipientIndex, id.Attempt), 0, queued: false, Now, CancellationToken.None)).Won);
    }

    [Fact]
    public async Task WithdrawAsync_NeverSeenAttempt_ALateFirstRunCannotClaimIt()
    {
        Assert.Equal(1, await store.WithdrawAsync(batchId, id, 0, CancellationToken.None));

        Assert.False((await store.ClaimAsync(batchId, 0, id, 0, queued: false, Now, CancellationToken.None)).Won);
    }

    [Fact]
    public async Task WithdrawAsync_AttemptClaimedMeanwhile_NotWithdrawn()
    {
        Assert.True((await store.ClaimAsync(batchId, 0, id, 0, queued: false, Now, CancellationToken.None)).Won);

        Assert.Null(await store.WithdrawAsync(batchId, id, 0, CancellationToken.None));
        await store.RecordAsync(batchId, id, new DialResult(DialOutcome.Placed, "CA1"), CancellationToken.None);
        Assert.Null(await store.WithdrawAsync(batchId, id, 0, CancellationToken.None));
        Assert.Equal("CA1", (await store.GetAsync(batchId, id, CancellationToken.None))?.Result?.CallSid);
    }

    [Fact]
    public async Task RescheduleAsync_LateRunDefersAFencedAttempt_TheFenceStays()
    {
        await store.WithdrawAsync(batchId, id, 0, CancellationToken.None);

        Assert.True(await store.RescheduleAsync(batchId, 0, new QueuedAttempt(id.RecipientIndex, id.Attempt, Now), CancellationToken.None));

        Assert.False((await store.ClaimAsync(batchId, 0, id, 0, queued: false, Now, CancellationToken.None)).Won);
        Assert.True((await store.ClaimAsync(batchId, 0, id, 1, queued: false, Now, CancellationToken.None)).Won);
    }
}
