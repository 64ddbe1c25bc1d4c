using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration.Rules;

/// <summary>
/// Every decision of a batch's dialing, apart from the Durable plumbing: what to take from storage and
/// when, which attempt to dial next within the slots and the pace, what a dial's outcome or a call's end
/// means for the counts, the slots and retries, which live calls to look up, what to give back to the
/// budget, what to report, and when to wake up. It is plain state: <see cref="BatchDispatchLoop"/> feeds
/// it what happened and carries out what it decided, and unit tests drive it in milliseconds.
/// Times are the orchestration's.
/// </summary>
public sealed class BatchDispatcher
{
    /// <summary>No wake timer is longer: a timer pending when the generation ends would fire into the next one.</summary>
    public static readonly TimeSpan MaxWake = TimeSpan.FromSeconds(30);

    /// <summary>Counts are reported to the batch entity at most this often while calls are live.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <summary>How soon storage work that failed (after its retry policy) is tried again.</summary>
    public static readonly TimeSpan StorageRetryInterval = TimeSpan.FromSeconds(10);

    /// <summary>How soon an attempt whose outcome is unknown is first looked up (its callbacks come within seconds if the call exists).</summary>
    public static readonly TimeSpan UnknownOutcomeCheck = TimeSpan.FromSeconds(15);

    private readonly BatchRun run;
    private readonly Queue<DialTicket> ready;
    private readonly List<LiveCall> live;
    private readonly List<RetryRequest> retriesToQueue;
    private readonly List<DispatchEffect> effects = [];
    private readonly SlotLease lease;
    private readonly DialPacer pacer;
    private int cursor;
    private int concurrency;
    private bool paused;
    private bool cancelled;
    private bool hangUpOnCancel;
    private bool stopped;
    private bool providerConfirmed;
    private DateTimeOffset? pauseIssuedAt;
    private DateTimeOffset? concurrencyIssuedAt;
    private DateTime? queueDueAt;
    private Waiting? queueWaiting;
    private RecipientCounts counts;
    private BatchProgress? reported;
    private DateTime reportedAt = DateTime.MinValue;
    private DateTime takeAt = DateTime.MinValue;
    private DateTime retryQueueAt = DateTime.MinValue;
    private (DateTime At, Waiting? Waiting)? dueSinceTake;
    private int takeFrom;
    /// <summary>Attempts whose dial has not returned yet.</summary>
    private readonly HashSet<AttemptId> dialing = [];

    /// <summary>
    /// Attempts whose call ended before their dial returned (a short call in a group still dialing): already
    /// counted as placed, so their dial result does not count them again.
    /// </summary>
    private readonly HashSet<AttemptId> endedWhileDialing = [];
    private int dialGroupsInFlight;
    private int retriesInFlight;

    public BatchDispatcher(BatchRun run, DateTime now)
    {
        this.run = run;
        ready = new Queue<DialTicket>(run.Ready ?? []);
        live = [.. run.Live ?? []];
        retriesToQueue = [.. run.RetriesToQueue ?? []];
        lease = new SlotLease(run.Leased, now);
        pacer = new DialPacer(run.Dial.CallsPerSecond, now);
        cursor = run.Cursor;
        concurrency = run.Concurrency;
        paused = run.Paused;
        cancelled = run.Cancelled;
        stopped = run.Stopped;
        providerConfirmed = run.ProviderConfirmed;
        pauseIssuedAt = run.PauseIssuedAt;
        concurrencyIssuedAt = run.ConcurrencyIssuedAt;
        queueDueAt = run.QueueDueAt;
        queueWaiting = run.QueueWaiting;
        counts = run.Counts ?? new RecipientCounts();
    }

    public bool Taking { get; private set; }

    public bool Checking { get; private set; }

    public bool AskingForSlots => lease.Asking;

    public int LiveCount => live.Count;

    public int Leased => lease.Leased;

    public RecipientCounts Counts => counts;

    private bool Dialing => !paused && !cancelled && !stopped;

    /// <summary>Until one dial has gone through, only one is in flight: a refused account fails after one attempt, not a volley.</summary>
    private int SlotsUsable => providerConfirmed ? Math.Min(lease.Leased, concurrency) : Math.Min(1, lease.Leased);

    private bool WorkRemains => cursor < run.TotalRecipients || ready.Count > 0 || queueDueAt is not null || retriesToQueue.Count > 0 || retriesInFlight > 0;

    private bool HasDialableSoon(DateTime now) => ready.Count > 0 || cursor < run.TotalRecipients || queueDueAt <= now;

    /// <summary>Nothing the orchestration started is still running: the generation may end here.</summary>
    public bool Quiet => dialing.Count == 0 && !Taking && !Checking && !lease.Asking && retriesInFlight == 0;

    public bool IsFinished => Quiet && live.Count == 0 && (cancelled || stopped || !paused && !WorkRemains);

    /// <summary>Decisions the loop has not carried out yet; reading them hands them over.</summary>
    public IReadOnlyList<DispatchEffect> TakeEffects()
    {
        var taken = effects.ToList();
        effects.Clear();
        return taken;
    }

    // ---- Taking attempts from storage -------------------------------------------------------------

    /// <returns>The request when more attempts should be taken now, else null.</returns>
    public TakeRequest? StartTake(DateTime now)
    {
        if (!Dialing || Taking || now < takeAt || ready.Count > concurrency / 2 || !(cursor < run.TotalRecipients || queueDueAt <= now))
        {
            return null;
        }

        Taking = true;
        takeFrom = cursor;
        var handedOut = ready.Select(t => t.Id).Concat(live.Select(c => c.Id)).ToList();
        return new TakeRequest(run.BatchId, run.RunNumber, cursor, run.TotalRecipients, Math.Max(1, concurrency - ready.Count), handedOut, run.Plan, run.Dial.WindowClosingMargin);
    }

    public void Taken(TakeResult result, DateTime now)
    {
        if (result.From != takeFrom)
        {
            // Not this take's result (a duplicate completion from an earlier generation): take again.
            TakeFailed(now);
            return;
        }

        Taking = false;
        var known = ready.Select(t => t.Id).Concat(live.Select(c => c.Id)).ToHashSet();
        foreach (var ticket in result.Tickets.Where(t => known.Add(t.Id)))
        {
            ready.Enqueue(ticket);
        }

        foreach (var unreachable in result.Unreachable)
        {
            effects.Add(new DispatchEffect.RecordDial(unreachable.Ticket, new DialResult(DialOutcome.RecipientRejected, null, unreachable.Reason, unreachable.Detail)));
            counts = counts.FailedToDial(unreachable.Ticket.PreviousStatus);
        }

        cursor = Math.Max(cursor, result.Cursor);
        queueDueAt = result.NextDueIn is { } dueIn ? now + dueIn : null;
        queueWaiting = result.NextDue;

        // The take read the queue before these were queued: keep them in view.
        if (dueSinceTake is { } due)
        {
            QueueDueBy(due.At, due.Waiting);
            dueSinceTake = null;
        }

        if (cancelled || stopped)
        {
            ready.Clear();
        }
    }

    public void TakeFailed(DateTime now)
    {
        Taking = false;
        takeAt = now + StorageRetryInterval;
    }

    // ---- The workspace budget -----------------------------------------------------------------------

    /// <returns>The request when the budget should be asked for slots or the lease renewed, else null.</returns>
    public LeaseRequest? StartLeaseRequest(DateTime now)
    {
        var wanted = Dialing && ready.Count > 0 ? concurrency : live.Count;
        if (!lease.ShouldAsk(now, wanted, live.Count))
        {
            return null;
        }

        lease.Asked();
        var wanting = Dialing && HasDialableSoon(now) ? concurrency : live.Count;
        return new LeaseRequest(run.BatchId, wanting, run.Dial.WorkspaceShare, new DateTimeOffset(now, TimeSpan.Zero), run.Dial.LeaseDuration, lease.NextSeq(now));
    }

    public void LeaseGranted(LeaseGrant grant, DateTime now) => lease.Granted(grant, now, live.Count);

    public void LeaseFailed(DateTime now) => lease.NotGranted(now);

    /// <summary>
    /// Slots to give back now, as the lease the batch keeps: those it cannot use, or holds beyond its fair
    /// share while others wait. Null when it keeps them all.
    /// </summary>
    public LeaseRelease? ReleaseToSend(DateTime now) =>
        lease.Surplus(Dialing && HasDialableSoon(now) ? concurrency : live.Count, concurrency, live.Count) > 0
            ? new LeaseRelease(run.BatchId, lease.Leased, lease.NextSeq(now))
            : null;

    /// <summary>The batch is done: every slot goes back.</summary>
    public LeaseRelease FinalRelease(DateTime now) => new(run.BatchId, 0, lease.NextSeq(now), Finished: true);

    // ---- Dialing ------------------------------------------------------------------------------------

    /// <summary>
    /// How many dial activities may run at once. Attempts that become dialable while this many are running wait
    /// and go out together in the next one: the engine fetches activities one at a time, so under load one
    /// activity per call was the limit on calls per second (an activity waited 8-22 s in its queue on Azurite),
    /// while when the engine keeps up every group is a single attempt and nothing waits. Eight, not fewer: a dial that
    /// waits for a group waits an episode longer than one waiting in the queue, and with four, a loaded machine already
    /// grouped a third of the dials of a 50-call batch (106 activities for 153 dials).
    /// </summary>
    public const int DialGroupsInFlightLimit = 8;

    /// <returns>The attempts to dial now in one activity, within the slots held, the pace and <see cref="DialGroupsInFlightLimit"/>; empty when none may be.</returns>
    public IReadOnlyList<DialTicket> NextDials(DateTime now)
    {
        var group = new List<DialTicket>();
        while (dialGroupsInFlight < DialGroupsInFlightLimit && NextDial(now) is { } ticket)
        {
            group.Add(ticket);
        }

        dialGroupsInFlight += group.Count > 0 ? 1 : 0;
        return group;
    }

    /// <summary>
    /// A dial activity returned <paramref name="results"/>, or failed after its retries (null). An attempt of the group
    /// without a result of its own (a failed activity, or a result delivered to the wrong task) is unknown and looked up.
    /// </summary>
    public void GroupDialed(IReadOnlyList<DialTicket> group, IReadOnlyList<AttemptDialed>? results, DateTime now)
    {
        dialGroupsInFlight--;
        foreach (var ticket in group)
        {
            Dialed(ticket, results?.FirstOrDefault(r => r.Attempt == ticket.Id)?.Result ?? new DialResult(DialOutcome.Unknown), now);
        }
    }

    /// <returns>The next attempt to dial now, within the slots held and the pace; null when none may be.</returns>
    public DialTicket? NextDial(DateTime now)
    {
        if (!Dialing || ready.Count == 0 || live.Count >= SlotsUsable || !pacer.TryTake(now, lease.ActiveBatches))
        {
            return null;
        }

        var ticket = ready.Dequeue();
        live.Add(new LiveCall(ticket, null, now + run.Dial.LiveCallCheckInterval));
        dialing.Add(ticket.Id);
        return ticket;
    }

    public void Dialed(DialTicket ticket, DialResult result, DateTime now)
    {
        dialing.Remove(ticket.Id);
        var counted = endedWhileDialing.Remove(ticket.Id);
        var call = live.FirstOrDefault(c => c.Id == ticket.Id);
        switch (result.Outcome)
        {
            case DialOutcome.Deferred:
                live.RemoveAll(c => c == call);
                QueueDueBy(now + (result.RetryAfter ?? TimeSpan.Zero), null);
                break;
            case DialOutcome.Unknown:
                counts = counted ? counts : counts.Placed(ticket.PreviousStatus);
                if (call is not null)
                {
                    Replace(call, call with { OutcomeUnknown = true, CheckAt = now + UnknownOutcomeCheck });
                }

                break;
            default:
                counts = counted ? counts : counts.Placed(ticket.PreviousStatus);
                Resolve(ticket, call, result, now);
                break;
        }
    }

    /// <summary>
    /// What a dial turned out to be, for an attempt already counted live (its dial returned, or its
    /// unknown outcome was found out).
    /// </summary>
    private void Resolve(DialTicket ticket, LiveCall? call, DialResult result, DateTime now)
    {
        effects.Add(new DispatchEffect.RecordDial(ticket, result));
        if (result.Outcome == DialOutcome.Placed)
        {
            providerConfirmed = true;
            if (call is not null)
            {
                Replace(call, call with { CallSid = result.CallSid, ConversationId = result.ConversationId, OutcomeUnknown = false, CheckAt = now + CheckInterval });
            }

            if (cancelled && hangUpOnCancel && result.CallSid is { } sid)
            {
                effects.Add(new DispatchEffect.HangUp([sid]));
            }

            return;
        }

        providerConfirmed |= result.FailureReason is FailureReason.NumberRejected;
        if (call is not null)
        {
            live.Remove(call);
            counts = counts.Ended(RecipientStatus.Failed);
        }

        if (result.Outcome == DialOutcome.ConfigurationRejected && !stopped)
        {
            // Every further call would be refused the same way: stop dialing, let live calls finish.
            stopped = true;
            ready.Clear();
            retriesToQueue.Clear();
            effects.Add(new DispatchEffect.FailBatch(result.FailureDetail ?? "The provider refused the account or caller id."));
        }
        else if (result.FailureReason == FailureReason.ProviderUnavailable)
        {
            DecideRetry(ticket, RetryableOutcome.TransientFailure, RecipientStatus.Failed);
        }
    }

    private TimeSpan CheckInterval => run.Dial.Provider == PhoneProvider.SipTrunk ? run.Dial.SipPollInterval : run.Dial.LiveCallCheckInterval;

    // ---- Calls ending -------------------------------------------------------------------------------

    public void CallEnded(CallEnded ended)
    {
        // A repeated or stale end names no live attempt and frees nothing.
        if (live.FirstOrDefault(c => c.Id == new AttemptId(ended.RecipientIndex, ended.Attempt)) is not { } call)
        {
            return;
        }

        live.Remove(call);
        if (dialing.Contains(call.Id))
        {
            // Its end came before its dial's result: count it placed now, so the counts never show fewer than no calls live.
            counts = counts.Placed(call.Ticket.PreviousStatus);
            endedWhileDialing.Add(call.Id);
        }

        var final = call.AgentUnavailable && ended.FinalStatus == RecipientStatus.Completed ? RecipientStatus.Failed : ended.FinalStatus;
        counts = counts.Ended(final);
        DecideRetry(call.Ticket, ended.Outcome, final);
    }

    public void AgentUnavailable(AgentUnavailable failure)
    {
        if (live.FirstOrDefault(c => c.Id == new AttemptId(failure.RecipientIndex, failure.Attempt)) is { } call)
        {
            Replace(call, call with { AgentUnavailable = true });
        }
    }

    /// <returns>Live calls to look up now: their end is overdue, or whether they were placed is unknown.</returns>
    public IReadOnlyList<LiveCall> StartCheck(DateTime now)
    {
        if (Checking)
        {
            return [];
        }

        var due = live.Where(c => Checkable(c) && c.CheckAt <= now).ToList();
        foreach (var call in due)
        {
            Replace(call, call with { CheckAt = now + (call.OutcomeUnknown ? UnknownOutcomeCheck : CheckInterval) });
        }

        Checking = due.Count > 0;
        return due;
    }

    public void Checked(IReadOnlyList<LiveCallCheck> checks, DateTime now)
    {
        Checking = false;
        foreach (var check in checks)
        {
            if (live.FirstOrDefault(c => c.Id == check.Id) is not { } call)
            {
                continue;
            }

            if (check.Ended is { } progress)
            {
                effects.Add(new DispatchEffect.ApplyProgress(call.Ticket.RecipientIndex, progress));
                CallEnded(new CallEnded(call.Ticket.RecipientIndex, call.Ticket.Attempt, RetryableOutcomes.Of(progress),
                    CallOutcomes.FinalStatus(progress.Status, progress.AnsweredBy, agentUnavailable: false)));
            }
            else if (call.OutcomeUnknown && check.RedialAsTry is { } nextTry)
            {
                live.Remove(call);
                counts = counts.Undialed(call.Ticket.PreviousStatus);

                // A paused batch dials it after resuming; a cancelled or stopped one never will. Either
                // way the look-up fenced it, so no earlier run of its dial can still place the call.
                if (!cancelled && !stopped)
                {
                    ready.Enqueue(call.Ticket with { Try = nextTry });
                }
            }
            else if (call.OutcomeUnknown && check.Dialed is { } result)
            {
                Resolve(call.Ticket, call, result, now);
            }
        }
    }

    public void CheckFailed() => Checking = false;

    private static bool Checkable(LiveCall call) => call.CallSid is not null || call.ConversationId is not null || call.OutcomeUnknown;

    // ---- Retries ------------------------------------------------------------------------------------

    private void DecideRetry(DialTicket ticket, RetryableOutcome? outcome, RecipientStatus ended)
    {
        if (!cancelled && !stopped && run.Plan.Retries.DelayAfter(outcome, ticket.Attempt) is { } delay)
        {
            retriesToQueue.Add(new RetryRequest(run.BatchId, run.RunNumber, ticket.RecipientIndex, ticket.Attempt + 1, delay, run.Plan, ended));
        }
    }

    /// <returns>A retry to put in the dial queue now, else null.</returns>
    public RetryRequest? StartQueueingRetry(DateTime now)
    {
        if (retriesToQueue.Count == 0 || now < retryQueueAt)
        {
            return null;
        }

        var request = retriesToQueue[0];
        retriesToQueue.RemoveAt(0);
        retriesInFlight++;
        return request;
    }

    public void RetryQueued(RetryQueued queued, DateTime now)
    {
        retriesInFlight--;
        QueueDueBy(now + queued.DueIn, queued.Waiting);
    }

    public void RetryQueueFailed(RetryRequest request, DateTime now)
    {
        retriesInFlight--;
        if (!cancelled && !stopped)
        {
            retriesToQueue.Add(request);
            retryQueueAt = now + StorageRetryInterval;
        }
    }

    // ---- Operator commands --------------------------------------------------------------------------

    public void Apply(BatchCommand command, DateTime now)
    {
        switch (command.Kind)
        {
            case BatchCommandKind.Cancel when !cancelled:
                cancelled = true;
                hangUpOnCancel = command.HangUpLiveCalls;
                ready.Clear();
                retriesToQueue.Clear();
                if (hangUpOnCancel && live.Select(c => c.CallSid).OfType<string>().ToList() is { Count: > 0 } sids)
                {
                    effects.Add(new DispatchEffect.HangUp(sids));
                }

                break;
            case BatchCommandKind.Pause when IsLatest(command, ref pauseIssuedAt):
                paused = true;
                break;
            case BatchCommandKind.Resume when IsLatest(command, ref pauseIssuedAt):
                paused = false;
                lease.AskSoon(now);
                break;
            case BatchCommandKind.SetConcurrency when command.ConcurrencyLimit is { } limit && IsLatest(command, ref concurrencyIssuedAt):
                concurrency = Math.Max(1, limit);
                lease.AskSoon(now);
                break;
        }
    }

    /// <summary>Whether the command was issued after the one of its kind now in force (and if so, it now is).</summary>
    private static bool IsLatest(BatchCommand command, ref DateTimeOffset? inForce)
    {
        if (command.IssuedAt is { } issued && inForce is { } current && issued < current)
        {
            return false;
        }

        inForce = command.IssuedAt ?? inForce;
        return true;
    }

    // ---- Reporting and waking -----------------------------------------------------------------------

    /// <summary>
    /// A snapshot for the batch entity when something changed: at most once a second while calls are
    /// live, at once when the batch goes quiet or <paramref name="force"/>.
    /// </summary>
    public BatchProgress? ProgressToReport(DateTime now, bool force) => Progress(now, force, final: false);

    /// <summary>The last snapshot, sent when the batch is done; it says so unless the batch was cancelled.</summary>
    public BatchProgress FinalProgress(DateTime now) => Progress(now, force: true, final: true)!;

    private BatchProgress? Progress(DateTime now, bool force, bool final)
    {
        var runtime = new BatchRuntime(paused, concurrency, lease.Leased, WaitingNow(now));
        if (!final && (reported is { } last && last.Counts == counts && last.Runtime == runtime
            || !force && live.Count > 0 && now - reportedAt < ProgressInterval))
        {
            return null;
        }

        // Strictly later than the last snapshot, even within one episode (whose time stands still): the
        // entity keeps the latest by time, and the engine may deliver two snapshots the other way round.
        reportedAt = now > reportedAt ? now : reportedAt.AddTicks(1);
        reported = new BatchProgress(counts, new DateTimeOffset(reportedAt, TimeSpan.Zero), runtime, DispatchFinished: final && !cancelled);
        return reported;
    }

    /// <summary>What the batch waits for now, if it is not dialing although it has recipients left.</summary>
    public Waiting? WaitingNow(DateTime now)
    {
        if (cancelled || stopped)
        {
            return null;
        }

        if (paused)
        {
            return new Waiting(WaitingReason.Paused, null);
        }

        if (ready.Count > 0 && live.Count >= lease.Leased && lease.Leased < concurrency)
        {
            return new Waiting(WaitingReason.WorkspaceBudget, null);
        }

        return ready.Count == 0 && live.Count == 0 && cursor >= run.TotalRecipients && queueDueAt > now ? queueWaiting : null;
    }

    /// <summary>When the loop must look again even if nothing happens, at most <see cref="MaxWake"/> ahead; null: only events matter.</summary>
    public DateTime? WakeAt(DateTime now)
    {
        var candidates = new List<DateTime?>();
        if (Dialing && !Taking && ready.Count <= concurrency / 2)
        {
            candidates.Add(cursor < run.TotalRecipients ? takeAt : queueDueAt);
        }

        if (Dialing && ready.Count > 0 && live.Count < SlotsUsable)
        {
            candidates.Add(pacer.NextTokenAt(now, lease.ActiveBatches));
        }

        candidates.Add(lease.NextAttention(Dialing && ready.Count > 0 ? concurrency : live.Count, live.Count));
        if (!Checking)
        {
            candidates.Add(live.Where(Checkable).Select(c => (DateTime?)c.CheckAt).Min());
        }

        if (retriesToQueue.Count > 0)
        {
            candidates.Add(retryQueueAt);
        }

        if (reported is null || reported.Counts != counts)
        {
            candidates.Add(reportedAt + ProgressInterval);
        }

        if (candidates.OfType<DateTime>().DefaultIfEmpty(DateTime.MaxValue).Min() is var at && at == DateTime.MaxValue)
        {
            return null;
        }

        return at <= now ? now : at > now + MaxWake ? now + MaxWake : at;
    }

    /// <summary>The state the next generation starts from.</summary>
    public BatchRun Carry() => run with
    {
        Cursor = cursor,
        Ready = [.. ready],
        Live = [.. live],
        QueueDueAt = queueDueAt,
        QueueWaiting = queueWaiting,
        RetriesToQueue = [.. retriesToQueue],
        Leased = lease.Leased,
        Concurrency = concurrency,
        Started = true,
        Paused = paused,
        Cancelled = cancelled,
        Stopped = stopped,
        ProviderConfirmed = providerConfirmed,
        Counts = counts,
        PauseIssuedAt = pauseIssuedAt,
        ConcurrencyIssuedAt = concurrencyIssuedAt,
    };

    private void QueueDueBy(DateTime due, Waiting? waiting)
    {
        if (Taking && (dueSinceTake is null || due < dueSinceTake.Value.At))
        {
            dueSinceTake = (due, waiting);
        }

        if (queueDueAt is null || due < queueDueAt)
        {
            // The reason goes with the time: an older reason would describe a later attempt.
            queueDueAt = due;
            queueWaiting = waiting;
        }
    }

    private void Replace(LiveCall call, LiveCall updated) => live[live.IndexOf(call)] = updated;
}
