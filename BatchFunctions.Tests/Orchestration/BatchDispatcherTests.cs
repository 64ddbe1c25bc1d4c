using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Functions.Orchestration;
using BatchFunctions.Functions.Orchestration.Rules;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;

namespace BatchFunctions.Tests.Orchestration;

/// <summary>The dispatcher's decisions, driven without the engine: each test is a few steps of a batch's life.</summary>
public sealed class BatchDispatcherTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly DialSettings Dial = new(
        "agent", "phnum", "+14155550000", PhoneProvider.Twilio, "US", CallsPerSecond: 100, WorkspaceShare: 10,
        LiveCallCheckInterval: TimeSpan.FromMinutes(2), TelephonyCallConfig.Default, SipPollInterval: TimeSpan.FromSeconds(10),
        LeaseDuration: TimeSpan.FromMinutes(5), WindowClosingMargin: TimeSpan.FromMinutes(5));

    private static readonly DialPlan BusyTwice = DialPlan.Default with
    {
        Retries = RetryRules.Parse(3, "busy:10", TimeSpan.FromMinutes(60)),
    };

    private DateTime now = Start;

    [Fact]
    public void NextDial_BeforeAnyDialWentThrough_OnlyOneInFlight()
    {
        var dispatcher = Started(recipients: 10, concurrency: 5);

        Assert.NotNull(dispatcher.NextDial(now));
        Assert.Null(dispatcher.NextDial(now));
    }

    [Fact]
    public void NextDial_AfterTheFirstCallIsPlaced_FillsEveryLeasedSlotAndNoMore()
    {
        var dispatcher = Started(recipients: 10, concurrency: 5);
        var first = dispatcher.NextDial(now)!;
        dispatcher.Dialed(first, Placed(first), now);

        var dialed = DialAll(dispatcher);

        Assert.Equal(4, dialed.Count);
        Assert.Equal(5, dispatcher.LiveCount);
    }

    [Fact]
    public void NextDials_WhileTheLimitOfDialActivitiesRun_LaterAttemptsWaitAndGoOutTogether()
    {
        var dispatcher = Running(recipients: 30, concurrency: BatchDispatcher.DialGroupsInFlightLimit + 2, out var live);
        void End(DialTicket ticket) => dispatcher.CallEnded(new CallEnded(ticket.RecipientIndex, ticket.Attempt, null, RecipientStatus.Completed));
        var groups = new List<IReadOnlyList<DialTicket>>();
        foreach (var ticket in live.Take(BatchDispatcher.DialGroupsInFlightLimit))
        {
            End(ticket);
            groups.Add(dispatcher.NextDials(now += TimeSpan.FromSeconds(1)));
        }

        live.Skip(BatchDispatcher.DialGroupsInFlightLimit).Take(2).ToList().ForEach(End);
        var whileAllRun = dispatcher.NextDials(now += TimeSpan.FromSeconds(1));
        dispatcher.GroupDialed(groups[0], [new AttemptDialed(groups[0][0].Id, Placed(groups[0][0]))], now);
        var together = dispatcher.NextDials(now += TimeSpan.FromSeconds(1));

        Assert.All(groups, group => Assert.Single(group));
        Assert.Empty(whileAllRun);
        Assert.Equal(2, together.Count);
    }

    [Fact]
    public void CallEnded_FreesItsSlotForTheNextRecipient()
    {
        var dispatcher = Running(recipients: 10, concurrency: 2, out var live);

        dispatcher.CallEnded(new CallEnded(live[0].RecipientIndex, live[0].Attempt, null, RecipientStatus.Completed));

        Assert.NotNull(dispatcher.NextDial(now));
        Assert.Equal(1, dispatcher.Counts.Completed);
    }

    [Fact]
    public void CallEnded_BeforeItsDialReturned_CountedOncePlacedAndEndedNeverLiveBelowZero()
    {
        var dispatcher = Running(recipients: 10, concurrency: 2, out var live);
        dispatcher.CallEnded(new CallEnded(live[0].RecipientIndex, live[0].Attempt, null, RecipientStatus.Completed));
        var next = dispatcher.NextDials(now += TimeSpan.FromSeconds(1)).Single();

        dispatcher.CallEnded(new CallEnded(next.RecipientIndex, next.Attempt, null, RecipientStatus.Completed));
        var beforeTheDialReturned = dispatcher.Counts;
        dispatcher.GroupDialed([next], [new AttemptDialed(next.Id, Placed(next))], now);

        Assert.Equal((1, 2), (beforeTheDialReturned.Live, beforeTheDialReturned.Completed));
        Assert.Equal(beforeTheDialReturned, dispatcher.Counts);
        Assert.Equal(1, dispatcher.LiveCount);
    }

    [Fact]
    public void CallEnded_RepeatedOrForAnAttemptThatIsNotLive_ChangesNothing()
    {
        var dispatcher = Running(recipients: 10, concurrency: 2, out var live);
        var end = new CallEnded(live[0].RecipientIndex, live[0].Attempt, null, RecipientStatus.Completed);

        dispatcher.CallEnded(end);
        dispatcher.CallEnded(end);
        dispatcher.CallEnded(end with { Attempt = 7 });

        Assert.Equal((1, 1), (dispatcher.Counts.Completed, dispatcher.LiveCount));
    }

    [Fact]
    public void Dialed_OutcomeUnknown_KeepsTheSlotAndIsLookedUpNeverDialedAgain()
    {
        var dispatcher = Started(recipients: 1, concurrency: 1);
        var ticket = dispatcher.NextDial(now)!;

        dispatcher.Dialed(ticket, new DialResult(DialOutcome.Unknown), now);

        Assert.Null(dispatcher.NextDial(now += TimeSpan.FromMinutes(1)));
        var check = dispatcher.StartCheck(now);
        Assert.Equal(ticket.Id, Assert.Single(check).Id);
        Assert.True(check[0].OutcomeUnknown);
        Assert.False(dispatcher.IsFinished);
    }

    [Fact]
    public void GroupDialed_AResultMissingOrTheActivityFailed_ThoseAttemptsKeepTheirSlotsAndAreLookedUp()
    {
        var dispatcher = Started(recipients: 10, concurrency: 4);
        var first = dispatcher.NextDials(now).Single();
        dispatcher.GroupDialed([first], [new AttemptDialed(first.Id, Placed(first))], now);
        var group = dispatcher.NextDials(now += TimeSpan.FromSeconds(1));

        // A result for one attempt only (the other's was lost), and one for an attempt not in the group.
        dispatcher.GroupDialed(group, [new AttemptDialed(group[0].Id, Placed(group[0])), new AttemptDialed(new AttemptId(9, 1), Placed(group[0]))], now);
        var lookedUp = dispatcher.StartCheck(now += TimeSpan.FromMinutes(1)).Select(c => c.Id).ToList();

        Assert.Equal(3, group.Count);
        Assert.Equal(4, dispatcher.LiveCount);
        Assert.Equal(group.Skip(1).Select(t => t.Id), lookedUp);
    }

    [Fact]
    public void Checked_UnknownOutcomeNeverDialed_TheSameAttemptIsDialedAgainAsTheFencedTry()
    {
        var dispatcher = Started(recipients: 1, concurrency: 1);
        var ticket = dispatcher.NextDial(now)!;
        dispatcher.Dialed(ticket, new DialResult(DialOutcome.Unknown), now);
        var check = dispatcher.StartCheck(now += TimeSpan.FromMinutes(1));

        dispatcher.Checked([new LiveCallCheck(check[0].Id, RedialAsTry: 1)], now);

        Assert.Equal(0, dispatcher.Counts.Live);
        Assert.Equal(ticket with { Try = 1 }, dispatcher.NextDial(now));
    }

    [Fact]
    public void Checked_UnknownOutcomeNeverDialedWhilePaused_DialedAfterResume()
    {
        var dispatcher = Started(recipients: 1, concurrency: 1);
        var ticket = dispatcher.NextDial(now)!;
        dispatcher.Dialed(ticket, new DialResult(DialOutcome.Unknown), now);
        dispatcher.Apply(new BatchCommand(BatchCommandKind.Pause), now);
        var check = dispatcher.StartCheck(now += TimeSpan.FromMinutes(1));

        dispatcher.Checked([new LiveCallCheck(check[0].Id, RedialAsTry: 1)], now);
        Assert.Null(dispatcher.NextDial(now));
        dispatcher.Apply(new BatchCommand(BatchCommandKind.Resume), now);

        Assert.Equal(ticket with { Try = 1 }, dispatcher.NextDial(now));
    }

    [Fact]
    public void Checked_UnknownOutcomeWasPlaced_BecomesALiveCallWithItsSid()
    {
        var dispatcher = Started(recipients: 1, concurrency: 1);
        var ticket = dispatcher.NextDial(now)!;
        dispatcher.Dialed(ticket, new DialResult(DialOutcome.Unknown), now);
        var check = dispatcher.StartCheck(now += TimeSpan.FromMinutes(1));

        dispatcher.Checked([new LiveCallCheck(check[0].Id, Dialed: Placed(ticket))], now);
        dispatcher.CallEnded(new CallEnded(ticket.RecipientIndex, ticket.Attempt, null, RecipientStatus.Completed));

        Assert.Equal((0, 1), (dispatcher.Counts.Live, dispatcher.Counts.Completed));
        Assert.Contains(dispatcher.TakeEffects(), e => e is DispatchEffect.RecordDial { Result.CallSid: "CA0" });
    }

    [Fact]
    public void Checked_LostFinalCallback_TheProviderStatusEndsTheCallAndFreesTheSlot()
    {
        var dispatcher = Running(recipients: 2, concurrency: 1, out var live);
        var check = dispatcher.StartCheck(now += Dial.LiveCallCheckInterval);
        var progress = new CallProgress(live[0].Attempt, "CA0", ProviderCallStatus.Busy, 1_000_000, now);

        dispatcher.Checked([new LiveCallCheck(check[0].Id, Ended: progress)], now);

        Assert.Equal(0, dispatcher.LiveCount);
        Assert.Contains(dispatcher.TakeEffects(), e => e is DispatchEffect.ApplyProgress);
        Assert.NotNull(dispatcher.NextDial(now));
    }

    [Fact]
    public void CallEnded_BusyWithRetriesLeft_QueuesTheNextAttemptOnce()
    {
        var dispatcher = Running(recipients: 1, concurrency: 1, out var live, BusyTwice);

        dispatcher.CallEnded(new CallEnded(live[0].RecipientIndex, 1, RetryableOutcome.Busy, RecipientStatus.Failed));

        var retry = dispatcher.StartQueueingRetry(now);
        Assert.Equal((0, 2, TimeSpan.FromMinutes(10)), (retry!.RecipientIndex, retry.Attempt, retry.Delay));
        Assert.Null(dispatcher.StartQueueingRetry(now));
        Assert.False(dispatcher.IsFinished);
    }

    [Fact]
    public void RetryQueueFailed_StorageDown_TheRetryIsQueuedAgainLaterNotLost()
    {
        var dispatcher = Running(recipients: 1, concurrency: 1, out var live, BusyTwice);
        dispatcher.CallEnded(new CallEnded(live[0].RecipientIndex, 1, RetryableOutcome.Busy, RecipientStatus.Failed));
        var retry = dispatcher.StartQueueingRetry(now)!;

        dispatcher.RetryQueueFailed(retry, now);

        Assert.Null(dispatcher.StartQueueingRetry(now));
        Assert.Equal(retry, dispatcher.StartQueueingRetry(now + BatchDispatcher.StorageRetryInterval));
        Assert.False(dispatcher.IsFinished);
    }

    [Fact]
    public void TakeFailed_StorageDown_TriedAgainLaterAndTheBatchDoesNotEnd()
    {
        var dispatcher = new BatchDispatcher(Run(recipients: 3, concurrency: 1), now);
        dispatcher.StartTake(now);

        dispatcher.TakeFailed(now);

        Assert.Null(dispatcher.StartTake(now));
        Assert.False(dispatcher.IsFinished);
        Assert.NotNull(dispatcher.StartTake(now + BatchDispatcher.StorageRetryInterval));
    }

    [Fact]
    public void Apply_Cancel_NothingMoreIsDialedOrRetriedAndTheBatchEndsWhenCallsEnd()
    {
        var dispatcher = Running(recipients: 5, concurrency: 1, out var live, BusyTwice);

        dispatcher.Apply(new BatchCommand(BatchCommandKind.Cancel), now);
        dispatcher.CallEnded(new CallEnded(live[0].RecipientIndex, 1, RetryableOutcome.Busy, RecipientStatus.Failed));

        Assert.Null(dispatcher.NextDial(now));
        Assert.Null(dispatcher.StartTake(now));
        Assert.Null(dispatcher.StartQueueingRetry(now));
        Assert.True(dispatcher.IsFinished);
    }

    [Fact]
    public void Apply_CancelWithHangUp_HangsUpLiveCallsAndOnesPlacedAfterwards()
    {
        var dispatcher = Started(recipients: 2, concurrency: 2);
        var first = dispatcher.NextDial(now)!;
        dispatcher.Dialed(first, Placed(first), now);
        var second = dispatcher.NextDial(now += TimeSpan.FromSeconds(1))!;
        dispatcher.TakeEffects();

        dispatcher.Apply(new BatchCommand(BatchCommandKind.Cancel, HangUpLiveCalls: true), now);
        dispatcher.Dialed(second, Placed(second), now);

        var hangUps = dispatcher.TakeEffects().OfType<DispatchEffect.HangUp>().SelectMany(h => h.CallSids).ToList();
        Assert.Equal(["CA0", "CA1"], hangUps);
    }

    [Fact]
    public void Checked_CallHungUpBeforeItWasAnsweredAfterACancel_CountsAsFailedNotCancelled()
    {
        // The call entity records it as failed (canceled): status_counts must say the same.
        var dispatcher = Running(recipients: 3, concurrency: 1, out var live);
        dispatcher.Apply(new BatchCommand(BatchCommandKind.Cancel, HangUpLiveCalls: true), now);
        var check = dispatcher.StartCheck(now += Dial.LiveCallCheckInterval);
        var progress = new CallProgress(live[0].Attempt, "CA0", ProviderCallStatus.Canceled, 1_000_000, now);

        dispatcher.Checked([new LiveCallCheck(check[0].Id, Ended: progress)], now);

        Assert.Equal((1, 0, 0), (dispatcher.Counts.Failed, dispatcher.Counts.Cancelled, dispatcher.Counts.Live));
        Assert.True(dispatcher.IsFinished);
    }

    [Fact]
    public void Apply_SetConcurrencyLower_NoNewDialUntilLiveCallsAreBelowIt()
    {
        var dispatcher = Running(recipients: 10, concurrency: 3, out var live);

        dispatcher.Apply(new BatchCommand(BatchCommandKind.SetConcurrency, ConcurrencyLimit: 1), now);
        dispatcher.CallEnded(new CallEnded(live[0].RecipientIndex, 1, null, RecipientStatus.Completed));
        Assert.Null(dispatcher.NextDial(now));
        dispatcher.CallEnded(new CallEnded(live[1].RecipientIndex, 1, null, RecipientStatus.Completed));
        Assert.Null(dispatcher.NextDial(now));
        dispatcher.CallEnded(new CallEnded(live[2].RecipientIndex, 1, null, RecipientStatus.Completed));

        Assert.NotNull(dispatcher.NextDial(now));
        Assert.Equal(1, dispatcher.ReleaseToSend(now)?.Keep);
        Assert.Null(dispatcher.ReleaseToSend(now));
    }

    [Fact]
    public void ApplyPause_NothingDialedAndTheBatchWaitsSayingWhy()
    {
        var dispatcher = Running(recipients: 10, concurrency: 2, out var live);

        dispatcher.Apply(new BatchCommand(BatchCommandKind.Pause), now);
        dispatcher.CallEnded(new CallEnded(live[0].RecipientIndex, 1, null, RecipientStatus.Completed));

        Assert.Null(dispatcher.NextDial(now));
        Assert.Equal(WaitingReason.Paused, dispatcher.WaitingNow(now)?.Reason);
        Assert.False(dispatcher.IsFinished);
    }

    [Fact]
    public void Dialed_ConfigurationRejected_StopsTheBatchWithTheProvidersReason()
    {
        var dispatcher = Started(recipients: 5, concurrency: 5);
        var ticket = dispatcher.NextDial(now)!;

        dispatcher.Dialed(ticket, new DialResult(DialOutcome.ConfigurationRejected, null, FailureReason.ConfigurationError, "bad credentials"), now);

        Assert.Contains(dispatcher.TakeEffects(), e => e is DispatchEffect.FailBatch { Detail: "bad credentials" });
        Assert.Null(dispatcher.NextDial(now));
        Assert.True(dispatcher.IsFinished);
    }

    [Fact]
    public void WakeAt_QueueDueInHours_NeverFurtherThanMaxWake()
    {
        var dispatcher = new BatchDispatcher(Run(recipients: 1, concurrency: 1), now);
        dispatcher.StartTake(now);
        var opening = new Waiting(WaitingReason.CallingWindow, new DateTimeOffset(now.AddHours(3), TimeSpan.Zero), "America/Los_Angeles", "08:00");
        dispatcher.Taken(new TakeResult(0, [], 1, [], TimeSpan.FromHours(3), opening), now);
        dispatcher.ProgressToReport(now, force: true);

        Assert.Equal(now + BatchDispatcher.MaxWake, dispatcher.WakeAt(now));
        Assert.Equal(opening, dispatcher.WaitingNow(now));
    }

    [Fact]
    public void Taken_UnreachableRecipient_EndsFailedWithTheReason()
    {
        var dispatcher = new BatchDispatcher(Run(recipients: 1, concurrency: 1), now);
        dispatcher.StartTake(now);
        var ticket = new DialTicket(0, 1);

        dispatcher.Taken(new TakeResult(0, [], 1, [new UnreachableAttempt(ticket, FailureReason.OutsideCallingWindow, "never open")], null, null), now);

        Assert.Contains(dispatcher.TakeEffects(), e => e is DispatchEffect.RecordDial { Result.FailureReason: FailureReason.OutsideCallingWindow });
        Assert.Equal(1, dispatcher.Counts.Failed);
        Assert.True(dispatcher.IsFinished);
    }

    [Fact]
    public void Taken_AResultForAnotherTake_IsNotBelievedAndTheTakeIsRedone()
    {
        var dispatcher = new BatchDispatcher(Run(recipients: 10, concurrency: 2), now);
        Assert.Equal(0, dispatcher.StartTake(now)!.Cursor);

        // A stale completion from an earlier generation's take, from another cursor.
        dispatcher.Taken(new TakeResult(7, [new DialTicket(7, 1)], 9, [], null, null), now);

        Assert.Null(dispatcher.NextDial(now));
        Assert.Equal(0, dispatcher.StartTake(now + BatchDispatcher.StorageRetryInterval)!.Cursor);
    }

    [Fact]
    public void Carry_ANewGenerationGoesOnWhereTheLastStopped()
    {
        var dispatcher = Running(recipients: 10, concurrency: 2, out var live);

        var next = new BatchDispatcher(dispatcher.Carry(), now);
        next.CallEnded(new CallEnded(live[0].RecipientIndex, 1, null, RecipientStatus.Completed));

        Assert.Equal(1, next.Counts.Completed);
        Assert.NotNull(next.NextDial(now));
    }

    private static BatchRun Run(int recipients, int concurrency, DialPlan? plan = null) =>
        new("btcal_test", Dial, plan ?? DialPlan.Default, recipients, concurrency, Started: true);

    /// <summary>A dispatcher that has taken every recipient and holds its whole limit of slots.</summary>
    private BatchDispatcher Started(int recipients, int concurrency, DialPlan? plan = null)
    {
        var dispatcher = new BatchDispatcher(Run(recipients, concurrency, plan), now);
        dispatcher.StartTake(now);
        dispatcher.Taken(new TakeResult(0, [.. Enumerable.Range(0, recipients).Select(i => new DialTicket(i, 1))], recipients, [], null, null), now);
        dispatcher.StartLeaseRequest(now);
        dispatcher.LeaseGranted(new LeaseGrant(concurrency, 10, 1), now);
        return dispatcher;
    }

    [Fact]
    public void Apply_ResumeIssuedAfterAPauseArrivesFirst_TheBatchKeepsDialing()
    {
        // Seen in chaos runs with a worker crash: the redelivered pause reached the orchestrator after
        // the resume the operator gave two seconds later, and the batch stayed paused for ever.
        var dispatcher = Started(recipients: 10, concurrency: 1);
        var pausedAt = new DateTimeOffset(now, TimeSpan.Zero);
        dispatcher.Apply(new BatchCommand(BatchCommandKind.Resume, IssuedAt: pausedAt + TimeSpan.FromSeconds(2)), now);
        dispatcher.Apply(new BatchCommand(BatchCommandKind.Pause, IssuedAt: pausedAt), now);

        Assert.NotNull(dispatcher.NextDial(now));
        Assert.Null(new BatchDispatcher(dispatcher.Carry(), now).WaitingNow(now));
    }

    [Fact]
    public void Apply_ConcurrencyChangesArriveOutOfOrder_TheLastIssuedHolds()
    {
        var dispatcher = Started(recipients: 10, concurrency: 3);
        var at = new DateTimeOffset(now, TimeSpan.Zero);
        dispatcher.Apply(new BatchCommand(BatchCommandKind.SetConcurrency, ConcurrencyLimit: 2, IssuedAt: at + TimeSpan.FromSeconds(5)), now);
        dispatcher.Apply(new BatchCommand(BatchCommandKind.SetConcurrency, ConcurrencyLimit: 5, IssuedAt: at), now);

        Assert.Equal(2, dispatcher.Carry().Concurrency);
    }

    [Fact]
    public void LeaseMessages_WithinAnEpisodeAndInTheNextGeneration_NumberedInOrder()
    {
        // One episode (the time stands still): a release, then the final one; then a generation that starts
        // a moment later from the carried state numbers on above them, as the budget requires.
        var dispatcher = Running(recipients: 10, concurrency: 3, out var live);
        dispatcher.Apply(new BatchCommand(BatchCommandKind.SetConcurrency, ConcurrencyLimit: 1), now);
        dispatcher.CallEnded(new CallEnded(live[0].RecipientIndex, 1, null, RecipientStatus.Completed));
        dispatcher.CallEnded(new CallEnded(live[1].RecipientIndex, 1, null, RecipientStatus.Completed));
        var release = dispatcher.ReleaseToSend(now)!;
        var final = dispatcher.FinalRelease(now);
        var next = new BatchDispatcher(dispatcher.Carry(), now += TimeSpan.FromMilliseconds(1));

        Assert.True(release.Seq < final.Seq, $"{release.Seq} then {final.Seq}");
        Assert.True(final.Seq < next.FinalRelease(now).Seq);
    }

    /// <summary>A dispatcher with its whole limit of calls placed and live.</summary>
    private BatchDispatcher Running(int recipients, int concurrency, out List<DialTicket> live, DialPlan? plan = null)
    {
        var dispatcher = Started(recipients, concurrency, plan);
        var first = dispatcher.NextDial(now)!;
        dispatcher.Dialed(first, Placed(first), now);
        live = [first, .. DialAll(dispatcher)];
        foreach (var ticket in live.Skip(1))
        {
            dispatcher.Dialed(ticket, Placed(ticket), now);
        }

        dispatcher.TakeEffects();
        return dispatcher;
    }

    /// <summary>Dials all it may a second later (the pace allows a second's worth of dials at once).</summary>
    private List<DialTicket> DialAll(BatchDispatcher dispatcher)
    {
        now += TimeSpan.FromSeconds(1);
        var dialed = new List<DialTicket>();
        while (dispatcher.NextDial(now) is { } ticket)
        {
            dialed.Add(ticket);
        }

        return dialed;
    }

    private static DialResult Placed(DialTicket ticket) => new(DialOutcome.Placed, $"CA{ticket.RecipientIndex}");
}
