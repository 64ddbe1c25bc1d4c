using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Entities;

public sealed class BatchEntityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly EntityRunner<BatchEntity> batch = new(BatchEntity.IdFor("btcal_b"), () => new BatchEntity());

    [Fact]
    public async Task ReportProgress_EarlierSnapshotArrivesAfterTheFinalOne_CompletedWithTheFinalCounts()
    {
        // Entity messages are not ordered: the snapshot before the last may be applied after it.
        await batch.RunAsync(nameof(BatchEntity.Create), Definition(total: 2));
        await batch.RunAsync(nameof(BatchEntity.MarkStarted), new BatchMilestone(T0));
        await batch.RunAsync(nameof(BatchEntity.ReportProgress), new BatchProgress(new RecipientCounts(Completed: 2), T0.AddSeconds(9), DispatchFinished: true));
        await batch.RunAsync(nameof(BatchEntity.ReportProgress), new BatchProgress(new RecipientCounts(Live: 1, Completed: 1), T0.AddSeconds(8)));

        var state = batch.State<BatchState>()!;
        Assert.Equal(BatchStatus.Completed, state.Status);
        Assert.Equal(2, state.RecipientCounts.Completed);
    }

    [Fact]
    public async Task Status_ThroughItsLife_PendingInProgressCompleted()
    {
        await batch.RunAsync(nameof(BatchEntity.Create), Definition(total: 2));
        Assert.Equal(BatchStatus.Pending, batch.State<BatchState>()!.Status);

        await batch.RunAsync(nameof(BatchEntity.MarkStarted), new BatchMilestone(T0));
        await batch.RunAsync(nameof(BatchEntity.ReportProgress), new BatchProgress(new RecipientCounts(Live: 1, Completed: 1), T0.AddSeconds(5)));
        Assert.Equal(BatchStatus.InProgress, batch.State<BatchState>()!.Status);

        await batch.RunAsync(nameof(BatchEntity.ReportProgress), new BatchProgress(new RecipientCounts(Completed: 1, Failed: 1), T0.AddSeconds(9), DispatchFinished: true));

        var state = batch.State<BatchState>()!;
        Assert.Equal(BatchStatus.Completed, state.Status);
        Assert.Equal((2, 1, 1), (state.RecipientCounts.Finished, state.RecipientCounts.Completed, state.RecipientCounts.Failed));
    }

    [Fact]
    public async Task ReportProgress_OlderSnapshotArrivingLate_Ignored()
    {
        await batch.RunAsync(nameof(BatchEntity.ReportProgress), new BatchProgress(new RecipientCounts(Completed: 5), T0.AddSeconds(10)));
        await batch.RunAsync(nameof(BatchEntity.ReportProgress), new BatchProgress(new RecipientCounts(Live: 3, Completed: 2), T0.AddSeconds(4)));

        Assert.Equal(new RecipientCounts(Completed: 5), batch.State<BatchState>()!.RecipientCounts);
    }

    [Fact]
    public async Task Status_OperationsArriveBeforeCreate_StatusDerivedOnceCreated()
    {
        await batch.RunAsync(nameof(BatchEntity.MarkStarted), new BatchMilestone(T0));
        await batch.RunAsync(nameof(BatchEntity.Create), Definition(total: 1));

        Assert.Equal(BatchStatus.InProgress, batch.State<BatchState>()!.Status);
    }

    [Fact]
    public async Task Fail_ConfigurationError_BatchFailedWithMessage()
    {
        await batch.RunAsync(nameof(BatchEntity.Create), Definition(total: 1));
        await batch.RunAsync(nameof(BatchEntity.Fail), new BatchFailure(FailureReason.ConfigurationError, "Twilio rejected the credentials", T0));

        var state = batch.State<BatchState>()!;
        Assert.Equal(BatchStatus.Failed, state.Status);
        Assert.Equal("Twilio rejected the credentials", state.Failure!.Message);
    }

    [Fact]
    public async Task Retry_AfterCancel_RunsAgainWithRetryCountUp()
    {
        await batch.RunAsync(nameof(BatchEntity.Create), Definition(total: 1));
        await batch.RunAsync(nameof(BatchEntity.Cancel), new BatchMilestone(T0));
        Assert.Equal(BatchStatus.Cancelled, batch.State<BatchState>()!.Status);

        await batch.RunAsync(nameof(BatchEntity.Retry), new BatchMilestone(T0.AddMinutes(1)));

        var state = batch.State<BatchState>()!;
        Assert.Equal((BatchStatus.Pending, 1), (state.Status, state.RetryCount));
    }

    [Theory]
    [InlineData(nameof(BatchEntity.Cancel))]
    [InlineData(nameof(BatchEntity.Fail))]
    public async Task Retry_AfterCancelOrFailure_RecipientsNeverDialedStayCancelledThroughTheRetryAndAfterIt(string ending)
    {
        // A retry calls failed recipients only (it starts past the end of the list), so those the ended run
        // never dialed are not called again: they must not read pending in a batch that completes.
        await batch.RunAsync(nameof(BatchEntity.Create), Definition(total: 3));
        await batch.RunAsync(nameof(BatchEntity.MarkStarted), new BatchMilestone(T0));
        await batch.RunAsync(ending, ending == nameof(BatchEntity.Cancel)
            ? new BatchMilestone(T0.AddSeconds(10))
            : new BatchFailure(FailureReason.ConfigurationError, "Twilio rejected the caller id", T0.AddSeconds(10)));
        await batch.RunAsync(nameof(BatchEntity.Retry), new BatchMilestone(T0.AddMinutes(1)));
        var running = batch.State<BatchState>()!;
        await batch.RunAsync(nameof(BatchEntity.ReportProgress), new BatchProgress(new RecipientCounts(Failed: 1), T0.AddMinutes(2), null, DispatchFinished: true));
        var completed = batch.State<BatchState>()!;

        Assert.Equal((BatchStatus.InProgress, RecipientStatus.Cancelled), (running.Status, running.UndialedStatus));
        Assert.Equal((BatchStatus.Completed, RecipientStatus.Cancelled), (completed.Status, completed.UndialedStatus));
    }

    [Fact]
    public async Task Retry_AfterTheBatchCompleted_NothingReadsCancelled()
    {
        await batch.RunAsync(nameof(BatchEntity.Create), Definition(total: 1));
        await batch.RunAsync(nameof(BatchEntity.MarkStarted), new BatchMilestone(T0));
        await batch.RunAsync(nameof(BatchEntity.ReportProgress), new BatchProgress(new RecipientCounts(Failed: 1), T0.AddMinutes(1), null, DispatchFinished: true));
        await batch.RunAsync(nameof(BatchEntity.Retry), new BatchMilestone(T0.AddMinutes(2)));

        Assert.Equal(RecipientStatus.Pending, batch.State<BatchState>()!.UndialedStatus);
    }

    [Fact]
    public void RecipientCounts_RetryOfAFailedRecipient_MovesItFromFailedToLiveAndBack()
    {
        var counts = new RecipientCounts(Failed: 1)
            .Placed(RecipientStatus.Failed)
            .Ended(RecipientStatus.Completed);

        Assert.Equal(new RecipientCounts(Completed: 1), counts);
    }

    private static BatchDefinition Definition(int total) =>
        new("btcal_b", "Test", "agent", "Agent", "phnum", "+14155550000", PhoneProvider.Twilio, total, 5, null, T0, "test");
}
