using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Entities;

public sealed class CallEntityTests
{
    private const string BatchId = "btcal_test";
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly RecordingLogger<CallEntity> log = new();

    private readonly EntityRunner<CallEntity> call;

    public CallEntityTests() => call = new(CallEntity.IdFor(BatchId, 3), () => new CallEntity(log));

    [Fact]
    public async Task ApplyProgress_FullHumanCall_EndsCompletedWithDuration()
    {
        await Placed();
        await Progress(ProviderCallStatus.Initiated, 0);
        await Progress(ProviderCallStatus.Ringing, 1);
        await Progress(ProviderCallStatus.InProgress, 2);
        await Progress(ProviderCallStatus.Completed, 3, duration: 42);

        var state = call.State<CallState>()!;
        Assert.Equal(RecipientStatus.Completed, state.Status);
        Assert.Equal((BatchId, 3, "CA1", 42), (state.BatchId, state.RecipientIndex, state.CallSid, state.DurationSeconds));
        Assert.Empty(call.Signals);
    }

    [Fact]
    public async Task ApplyProgress_OutOfOrderAndDuplicateCallbacks_StatusNeverMovesBackAndCountsOnce()
    {
        await Placed();
        await Progress(ProviderCallStatus.Completed, 3, duration: 10);
        await Progress(ProviderCallStatus.Ringing, 1);
        await Progress(ProviderCallStatus.InProgress, 2);
        await Progress(ProviderCallStatus.Completed, 3, duration: 10);

        var state = call.State<CallState>()!;
        Assert.Equal((RecipientStatus.Completed, 3, 10), (state.Status, state.LastSequenceNumber, state.DurationSeconds));
    }

    [Fact]
    public async Task ApplyProgress_BeforeTheDialRecordArrives_StartsTheAttemptItself()
    {
        await Progress(ProviderCallStatus.Busy, 2);
        await Placed();

        var state = call.State<CallState>()!;
        Assert.Equal((RecipientStatus.Failed, FailureReason.Busy, 1, "CA1"), (state.Status, state.FailureReason, state.Attempt, state.CallSid));
    }

    [Theory]
    [InlineData(ProviderCallStatus.Busy, FailureReason.Busy)]
    [InlineData(ProviderCallStatus.NoAnswer, FailureReason.NoAnswer)]
    [InlineData(ProviderCallStatus.Failed, FailureReason.CallFailed)]
    public async Task ApplyProgress_UnansweredEnd_FailsWithReason(ProviderCallStatus end, FailureReason reason)
    {
        await Placed();
        await Progress(end, 2);

        var state = call.State<CallState>()!;
        Assert.Equal((RecipientStatus.Failed, reason), (state.Status, state.FailureReason));
        Assert.NotNull(state.FailureDetail);
    }

    // A cancel with hang-up ends a queued or ringing call as "canceled"; "cancelled" is for recipients never dialed.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ApplyProgress_HungUpBeforeItWasAnswered_FailedAsCanceledNotCancelled(bool dialRecordFirst)
    {
        if (dialRecordFirst)
        {
            await Placed();
        }

        await Progress(ProviderCallStatus.Ringing, 1);
        await Progress(ProviderCallStatus.Canceled, 2);
        if (!dialRecordFirst)
        {
            await Placed();
        }

        var state = call.State<CallState>()!;
        Assert.Equal((RecipientStatus.Failed, FailureReason.Canceled, 1, "CA1"), (state.Status, state.FailureReason, state.Attempt, state.CallSid));
        Assert.NotNull(state.FailureDetail);
        Assert.NotNull(state.EndedAt);
    }

    [Fact]
    public async Task ApplyProgress_AnsweringMachine_EndsAsVoicemail()
    {
        await Placed();
        await Progress(ProviderCallStatus.Completed, 3, answeredBy: "machine_end_beep");

        Assert.Equal(RecipientStatus.Voicemail, call.State<CallState>()!.Status);
    }

    [Fact]
    public async Task ApplyProgress_AgentCouldNotTakeTheAnsweredCall_EndsFailedNotCompleted()
    {
        await Placed();
        await Progress(ProviderCallStatus.InProgress, 2);
        await call.RunAsync(nameof(CallEntity.RecordAgentConnectionFailure), new AgentConnectionFailure(1, "register-call failed", T0));
        await Progress(ProviderCallStatus.Completed, 3, duration: 4);

        var state = call.State<CallState>()!;
        Assert.Equal((RecipientStatus.Failed, FailureReason.AgentUnavailable), (state.Status, state.FailureReason));
    }

    [Fact]
    public async Task ApplyProgress_CallbackOfAnotherCallSid_IsIgnored()
    {
        await Placed();
        await Progress(ProviderCallStatus.Busy, 2, callSid: "CA2");

        Assert.Equal(RecipientStatus.Dispatched, call.State<CallState>()!.Status);
    }

    [Fact]
    public async Task RecordDial_NumberRejected_FailsWithProviderDetail()
    {
        await call.RunAsync(nameof(CallEntity.RecordDial),
            new DialRecord(1, new DialResult(DialOutcome.RecipientRejected, null, FailureReason.NumberRejected, "Twilio says the number is invalid. (Twilio 21211)"), T0));

        var state = call.State<CallState>()!;
        Assert.Equal((RecipientStatus.Failed, FailureReason.NumberRejected), (state.Status, state.FailureReason));
        Assert.Contains("21211", state.FailureDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyProgress_EachStatusChange_LogsOneLineWithBatchCallAndMaskedNumber()
    {
        await Placed();
        await Progress(ProviderCallStatus.Initiated, 0);
        await Progress(ProviderCallStatus.Ringing, 1);
        await Progress(ProviderCallStatus.InProgress, 2);
        await Progress(ProviderCallStatus.Completed, 3, duration: 42);

        Assert.Equal(3, log.Lines.Count);
        Assert.All(log.Lines, line => Assert.Contains($"Batch {BatchId} recipient 3 attempt 1: call CA1 to +14*******01 ", line, StringComparison.Ordinal));
        Assert.EndsWith("InProgress -> Completed (Completed)", log.Lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(log.Lines, line => line.Contains("+14155550101", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyProgress_DuplicateAndStaleCallbacks_LogNothingMore()
    {
        await Placed();
        await Progress(ProviderCallStatus.Completed, 3, duration: 10);
        await Progress(ProviderCallStatus.Completed, 3, duration: 10);
        await Progress(ProviderCallStatus.Ringing, 1);

        Assert.Single(log.Lines);
    }

    private Task Placed() => call.RunAsync(nameof(CallEntity.RecordDial), new DialRecord(1, new DialResult(DialOutcome.Placed, "CA1"), T0));

    private Task Progress(ProviderCallStatus status, int sequence, int? duration = null, string? answeredBy = null, string callSid = "CA1") =>
        call.RunAsync(nameof(CallEntity.ApplyProgress), new CallProgress(1, callSid, status, sequence, T0.AddSeconds(sequence), duration, answeredBy, To: "+14155550101"));
}
