using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Entities;

public sealed class BatchEntityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly EntityRunner<BatchEntity> batch = new(BatchEntity.IdFor("btcal_b"), () => new BatchEntity());

    [Fact]
    public async Task Status_DispatchFinishedBeforeLastCallEnds_StaysInProgressUntilEveryRecipientFinished()
    {
        await batch.RunAsync(nameof(BatchEntity.Create), Definition(total: 2));
        await batch.RunAsync(nameof(BatchEntity.MarkStarted), new BatchMilestone(T0));
        await Transition(RecipientStatus.Pending, RecipientStatus.Dispatched);
        await Transition(RecipientStatus.Pending, RecipientStatus.Dispatched);
        await Transition(RecipientStatus.Dispatched, RecipientStatus.Completed);
        await batch.RunAsync(nameof(BatchEntity.MarkDispatchFinished), new BatchMilestone(T0.AddMinutes(1)));

        Assert.Equal(BatchStatus.InProgress, batch.State<BatchState>()!.Status);

        await Transition(RecipientStatus.Dispatched, RecipientStatus.Failed);

        var state = batch.State<BatchState>()!;
        Assert.Equal(BatchStatus.Completed, state.Status);
        Assert.Equal((2, 1, 1), (state.RecipientCounts.Finished, state.RecipientCounts.Completed, state.RecipientCounts.Failed));
    }

    [Fact]
    public async Task Status_OperationsArriveBeforeCreate_CountsKeptAndStatusDerived()
    {
        await batch.RunAsync(nameof(BatchEntity.MarkStarted), new BatchMilestone(T0));
        await Transition(RecipientStatus.Pending, RecipientStatus.Dispatched);
        await batch.RunAsync(nameof(BatchEntity.Create), Definition(total: 1));

        var state = batch.State<BatchState>()!;
        Assert.Equal(BatchStatus.InProgress, state.Status);
        Assert.Equal(1, state.RecipientCounts.Dispatched);
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

    private Task Transition(RecipientStatus from, RecipientStatus to) =>
        batch.RunAsync(nameof(BatchEntity.RecordTransition), new StatusTransition(from, to, T0));

    private static BatchDefinition Definition(int total) =>
        new("btcal_b", "Test", "agent", "Agent", "phnum", "+14155550000", PhoneProvider.Twilio, total, 5, null, T0, "test");
}
