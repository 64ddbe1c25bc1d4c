using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Providers.Twilio;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// One generation of a batch's dialing. It keeps as many calls live as the batch's limit and its
/// lease on the workspace budget allow, refilling a slot the moment a call's end is reported; takes
/// attempts from storage a few at a time; paces dials to the account's calls per second; queues
/// retries; obeys operator commands; and asks the provider about calls whose end was never reported.
/// After <see cref="StepsPerGeneration"/> steps it continues as new with only its cursor, ready
/// attempts and live calls, so the history stays the same size whatever the size of the list.
/// Everything here is deterministic: time is the orchestration's, all I/O is activities and entities.
/// </summary>
internal sealed class BatchDispatchLoop : IDisposable
{
    internal const int StepsPerGeneration = 100;

    private static readonly TimeSpan LeaseRetryInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LeaseRefreshInterval = TimeSpan.FromSeconds(30);

    /// <summary>Counts are reported to the batch entity at most this often while calls are live.</summary>
    private static readonly TimeSpan ProgressReportInterval = TimeSpan.FromSeconds(1);

    /// <summary>Retries only what Twilio called transient (429, 5xx, no answer), with backoff.</summary>
    private static readonly TaskOptions TransientRetry = new(new TaskRetryOptions(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1))
        {
            HandleFailure = failure => failure.IsCausedBy<TransientTelephonyException>(),
        }));

    private readonly TaskOrchestrationContext context;
    private readonly BatchRun run;
    private readonly EventWaiter<BatchCommand> commands;
    private readonly EventWaiter<CallEnded> callEnds;
    private readonly EventWaiter<AgentUnavailable> agentFailures;
    private readonly ILogger logger;
    private readonly EntityInstanceId batch;

    private readonly Queue<DialTicket> ready;
    private readonly List<LiveCall> live;
    private readonly Dictionary<Task<DialResult>, DialTicket> dialing = [];
    private readonly Dictionary<Task<TimeSpan>, int> retries = [];
    private readonly List<Task> housekeeping = [];
    private Task<TakeResult>? take;
    private Task<IReadOnlyList<StaleCallOutcome>>? watchdog;
    private Task<LeaseGrant>? lease;

    private int cursor;
    private int concurrency;
    private int leased;
    private int fairShare;
    private int activeBatches = 1;
    private DateTime? queueDueAt;
    private DateTime leaseRetryAt;
    private DateTime leaseRefreshAt;
    private double dialTokens = 1;
    private DateTime tokensAt;
    private bool paused;
    private bool cancelled;
    private bool hangUpOnCancel;
    private bool stopped;
    private bool providerConfirmed;
    private RecipientCounts counts;
    private bool countsReported = true;
    private DateTime reportedAt;

    private CancellationTokenSource? wakeCancellation;
    private Task? wake;
    private DateTime wakeAt;

    public BatchDispatchLoop(TaskOrchestrationContext context, BatchRun run, EventWaiter<BatchCommand> commands)
    {
        this.context = context;
        this.run = run;
        this.commands = commands;
        callEnds = new EventWaiter<CallEnded>(context, CallEnded.EventName);
        agentFailures = new EventWaiter<AgentUnavailable>(context, AgentUnavailable.EventName);
        logger = context.CreateReplaySafeLogger<BatchOrchestrator>();
        batch = BatchEntity.IdFor(run.BatchId);
        ready = new Queue<DialTicket>(run.Ready ?? []);
        live = [.. run.Live ?? []];
        cursor = run.Cursor;
        concurrency = run.Concurrency;
        leased = run.Leased;
        fairShare = run.Concurrency;
        queueDueAt = run.QueueDueAt;
        paused = run.Paused;
        cancelled = run.Cancelled;
        stopped = run.Stopped;
        providerConfirmed = run.ProviderConfirmed;
        counts = run.Counts ?? new RecipientCounts();
        tokensAt = context.CurrentUtcDateTime;
    }

    private DateTime Now => context.CurrentUtcDateTime;

    /// <summary>Twilio calls report their end by callback, so they are checked only when that is overdue; SIP-trunk calls must be polled.</summary>
    private TimeSpan CheckInterval => run.Dial.Provider == PhoneProvider.SipTrunk ? run.Dial.SipPollInterval : run.Dial.WatchdogAfter;

    /// <summary>
    /// Until one dial has gone through, only one is in flight: a batch whose account or caller id the
    /// provider refuses fails after a single attempt rather than a volley of them.
    /// </summary>
    private int SlotsUsable => providerConfirmed ? Math.Min(leased, concurrency) : Math.Min(1, leased);

    private bool Dialing => !paused && !cancelled && !stopped;

    /// <summary>More attempts may become dialable: the first pass is unfinished, some are ready, or some wait in the queue.</summary>
    private bool WorkRemains => cursor < run.TotalRecipients || ready.Count > 0 || queueDueAt is not null || retries.Count > 0;

    public async Task<BatchRun> RunAsync()
    {
        for (var step = 1; ; step++)
        {
            var draining = step >= StepsPerGeneration;
            await StartWorkAsync(startActivities: !draining);
            if (IsFinished())
            {
                return await FinishAsync();
            }

            if (draining && NothingInFlight())
            {
                await ReportProgressAsync(force: true);

                // A cancellable timer still pending keeps ContinueAsNew from taking effect (measured:
                // the execution never completes and later events are swallowed), so cancel it first.
                wakeCancellation?.Cancel();
                var next = Carry();
                context.ContinueAsNew(next, preserveUnprocessedEvents: true);
                return next;
            }

            ArmWakeTimer();
            var completed = await Task.WhenAny(Outstanding());
            await HandleAsync(completed);
            await ReportProgressAsync(force: false);
        }
    }

    private async Task StartWorkAsync(bool startActivities)
    {
        if (!startActivities)
        {
            return;
        }

        if (Dialing && take is null && ready.Count <= concurrency / 2 && (cursor < run.TotalRecipients || queueDueAt <= Now))
        {
            var handedOut = ready.Concat(dialing.Values).Select(t => t.QueueKey).OfType<string>().ToList();
            take = context.CallActivityAsync<TakeResult>(nameof(TakeDialable),
                new TakeRequest(run.BatchId, cursor, run.TotalRecipients, Math.Max(1, concurrency - ready.Count), handedOut, run.Plan));
        }

        if (lease is null && Dialing && ready.Count > 0 && (leased < concurrency && live.Count >= leased && Now >= leaseRetryAt || Now >= leaseRefreshAt))
        {
            // Not awaited here: slots keep being refilled while the budget answers.
            lease = context.Entities.CallEntityAsync<LeaseGrant>(
                WorkspaceBudgetEntity.Workspace, nameof(WorkspaceBudgetEntity.Acquire), new LeaseRequest(run.BatchId, concurrency, run.Dial.WorkspaceShare));
        }

        while (Dialing && ready.Count > 0 && live.Count < SlotsUsable && TakeDialToken())
        {
            var ticket = ready.Dequeue();
            dialing.Add(context.CallActivityAsync<DialResult>(nameof(PlaceCall), new DialAttempt(run.BatchId, ticket, run.Dial, run.Plan), TransientRetry), ticket);
            live.Add(new LiveCall(ticket.RecipientIndex, ticket.Attempt, null, Now + CheckInterval));
        }

        if (watchdog is null && live.Where(c => c.Traceable && c.CheckAt <= Now).ToList() is { Count: > 0 } stale)
        {
            watchdog = context.CallActivityAsync<IReadOnlyList<StaleCallOutcome>>(nameof(CheckStaleCalls), new WatchdogRequest(run.BatchId, stale));
            foreach (var call in stale)
            {
                Replace(call, call with { CheckAt = Now + CheckInterval });
            }
        }
    }

    private async Task OnLeaseAsync(LeaseGrant grant)
    {
        leased = grant.Leased;
        fairShare = grant.FairShare;
        activeBatches = Math.Max(1, grant.ActiveBatches);
        leaseRefreshAt = Now + LeaseRefreshInterval;
        if (leased <= live.Count)
        {
            leaseRetryAt = Now + LeaseRetryInterval;
        }

        await ReleaseUnneededAsync();
    }

    /// <summary>Token bucket for the account's calls per second, split among the batches dialing.</summary>
    private bool TakeDialToken()
    {
        var rate = run.Dial.CallsPerSecond / activeBatches;
        var burst = Math.Max(1, rate);
        dialTokens = Math.Min(burst, dialTokens + (Now - tokensAt).TotalSeconds * rate);
        tokensAt = Now;
        if (dialTokens < 1)
        {
            return false;
        }

        dialTokens--;
        return true;
    }

    private bool IsFinished()
    {
        if (dialing.Count > 0 || take is not null || watchdog is not null || lease is not null || housekeeping.Count > 0 || live.Count > 0)
        {
            return false;
        }

        return cancelled || stopped || (!paused && !WorkRemains);
    }

    private bool NothingInFlight() =>
        dialing.Count == 0 && take is null && watchdog is null && lease is null && retries.Count == 0 && housekeeping.Count == 0
        && !callEnds.HasArrived && !commands.HasArrived && !agentFailures.HasArrived && wake is not { IsCompleted: true };

    private IEnumerable<Task> Outstanding()
    {
        foreach (var task in dialing.Keys)
        {
            yield return task;
        }

        foreach (var task in retries.Keys)
        {
            yield return task;
        }

        foreach (var task in housekeeping)
        {
            yield return task;
        }

        if (take is not null)
        {
            yield return take;
        }

        if (watchdog is not null)
        {
            yield return watchdog;
        }

        if (lease is not null)
        {
            yield return lease;
        }

        if (wake is not null)
        {
            yield return wake;
        }

        yield return callEnds.Next();
        yield return commands.Next();
        yield return agentFailures.Next();
    }

    private async Task HandleAsync(Task completed)
    {
        if (completed == wake)
        {
            wake = null;
        }
        else if (completed == callEnds.Next())
        {
            await OnCallEndedAsync(callEnds.Take());
        }
        else if (completed == commands.Next())
        {
            await OnCommandAsync(commands.Take());
        }
        else if (completed == agentFailures.Next())
        {
            var failure = agentFailures.Take();
            if (live.FirstOrDefault(c => c.RecipientIndex == failure.RecipientIndex && c.Attempt == failure.Attempt) is { } call)
            {
                Replace(call, call with { AgentUnavailable = true });
            }
        }
        else if (completed == lease)
        {
            var grant = await lease;
            lease = null;
            await OnLeaseAsync(grant);
        }
        else if (completed == take)
        {
            // A lost result is taken again from the same cursor on the next step.
            if (await Survived(take) is (false, var taken))
            {
                OnTake(taken);
            }

            take = null;
        }
        else if (completed == watchdog)
        {
            // A lost result: the calls are checked again at their next check time.
            if (await Survived(watchdog) is (false, var outcomes))
            {
                await OnStaleCallsAsync(outcomes);
            }

            watchdog = null;
        }
        else if (completed is Task<DialResult> dial && dialing.Remove(dial, out var ticket))
        {
            if (await Survived(DialResultOf(dial)) is (false, var result))
            {
                await OnDialedAsync(ticket, result);
            }
            else
            {
                // Run the attempt again: PlaceCall waits for the first run to record its outcome and
                // returns it (or asks the provider), so nobody is called twice.
                dialing.Add(context.CallActivityAsync<DialResult>(nameof(PlaceCall), new DialAttempt(run.BatchId, ticket, run.Dial, run.Plan, ResultLost: true), TransientRetry), ticket);
            }
        }
        else if (completed is Task<TimeSpan> retry && retries.Remove(retry, out _))
        {
            // A lost delay: look at the queue now rather than miss the retry.
            QueueDueBy(await Survived(retry) is (false, var delay) ? Now + delay : Now);
        }
        else
        {
            housekeeping.Remove(completed);
            await completed;
        }
    }

    private void OnTake(TakeResult result)
    {
        foreach (var ticket in result.Tickets)
        {
            ready.Enqueue(ticket);
        }

        cursor = result.Cursor;
        queueDueAt = result.NextDueIn is { } dueIn ? Now + dueIn : null;
    }

    private async Task OnDialedAsync(DialTicket ticket, DialResult result)
    {
        // The call's end may already have been reported (a quick busy), freeing its slot before now.
        var call = live.FirstOrDefault(c => c.RecipientIndex == ticket.RecipientIndex && c.Attempt == ticket.Attempt);
        if (result.Outcome == DialOutcome.Deferred)
        {
            live.Remove(call!);
            QueueDueBy(Now + (result.RetryAfter ?? TimeSpan.Zero));
            await ReleaseUnneededAsync();
            return;
        }

        await context.Entities.SignalEntityAsync(CallEntity.IdFor(run.BatchId, ticket.RecipientIndex), nameof(CallEntity.RecordDial),
            new DialRecord(ticket.Attempt, result, BatchOrchestrator.Now(context)));
        providerConfirmed |= result.Outcome is DialOutcome.Placed || result.FailureReason is FailureReason.NumberRejected;
        Count(result.Outcome == DialOutcome.Placed ? counts.Placed(ticket.PreviousStatus) : counts.FailedToDial(ticket.PreviousStatus));
        if (result.Outcome == DialOutcome.Placed)
        {
            if (call is not null)
            {
                Replace(call, call with { CallSid = result.CallSid, ConversationId = result.ConversationId });
            }

            if (cancelled && hangUpOnCancel && result.CallSid is { } sid)
            {
                housekeeping.Add(context.CallActivityAsync<int>(nameof(HangUpCalls), new[] { sid }));
            }

            return;
        }

        live.RemoveAll(c => c == call);
        if (result.Outcome == DialOutcome.ConfigurationRejected && !stopped)
        {
            // Every further call would be refused the same way: stop dialing, let live calls finish.
            stopped = true;
            ready.Clear();
            logger.BatchStopped(run.BatchId, result.FailureDetail);
            await context.Entities.SignalEntityAsync(batch, nameof(BatchEntity.Fail),
                new BatchFailure(FailureReason.ConfigurationError, result.FailureDetail ?? "The provider refused the account or caller id.", BatchOrchestrator.Now(context)));
        }
        else if (result.FailureReason == FailureReason.ProviderUnavailable)
        {
            ScheduleRetry(ticket.RecipientIndex, ticket.Attempt, RetryableOutcome.TransientFailure, RecipientStatus.Failed);
        }

        await ReleaseUnneededAsync();
    }

    private async Task OnCallEndedAsync(CallEnded ended)
    {
        // A repeated or stale end event names no live attempt and frees nothing.
        var call = live.FirstOrDefault(c => c.RecipientIndex == ended.RecipientIndex && c.Attempt == ended.Attempt);
        if (call is null)
        {
            return;
        }

        live.Remove(call);
        var final = call.AgentUnavailable && ended.FinalStatus == RecipientStatus.Completed ? RecipientStatus.Failed : ended.FinalStatus;
        Count(counts.Ended(final));
        ScheduleRetry(ended.RecipientIndex, ended.Attempt, ended.Outcome, final);
        await ReleaseUnneededAsync();
    }

    private async Task OnStaleCallsAsync(IReadOnlyList<StaleCallOutcome> ended)
    {
        foreach (var call in ended)
        {
            await context.Entities.SignalEntityAsync(CallEntity.IdFor(run.BatchId, call.RecipientIndex), nameof(CallEntity.ApplyProgress), call.Progress);
            await OnCallEndedAsync(new CallEnded(call.RecipientIndex, call.Attempt, RetryableOutcomes.Of(call.Progress),
                CallOutcomes.FinalStatus(call.Progress.Status, call.Progress.AnsweredBy, agentUnavailable: false)));
        }
    }

    private async Task OnCommandAsync(BatchCommand command)
    {
        switch (command.Kind)
        {
            case BatchCommandKind.Cancel when !cancelled:
                cancelled = true;
                hangUpOnCancel = command.HangUpLiveCalls;
                ready.Clear();
                housekeeping.Add(context.CallActivityAsync<bool>(nameof(ClearDialQueue), run.BatchId));
                if (hangUpOnCancel && live.Select(c => c.CallSid).OfType<string>().ToList() is { Count: > 0 } sids)
                {
                    housekeeping.Add(context.CallActivityAsync<int>(nameof(HangUpCalls), sids));
                }

                break;
            case BatchCommandKind.Pause:
                paused = true;
                break;
            case BatchCommandKind.Resume:
                paused = false;
                leaseRetryAt = Now;
                break;
            case BatchCommandKind.SetConcurrency when command.ConcurrencyLimit is { } limit:
                concurrency = Math.Max(1, limit);
                leaseRetryAt = Now;
                break;
        }

        await ReleaseUnneededAsync();
    }

    private void ScheduleRetry(int recipientIndex, int attempt, RetryableOutcome? outcome, RecipientStatus ended)
    {
        if (!cancelled && !stopped && run.Plan.Retries.DelayAfter(outcome, attempt) is { } delay)
        {
            retries.Add(context.CallActivityAsync<TimeSpan>(nameof(Orchestration.ScheduleRetry),
                new RetryRequest(run.BatchId, recipientIndex, attempt + 1, delay, run.Plan, ended)), recipientIndex);
        }
    }

    private void Count(RecipientCounts updated)
    {
        counts = updated;
        countsReported = false;
    }

    /// <summary>
    /// The batch entity hears the counts from this one sender, as a whole snapshot: at most once a
    /// second while calls are live, at once when the batch goes quiet or this generation ends.
    /// </summary>
    private async Task ReportProgressAsync(bool force)
    {
        if (countsReported || !force && live.Count > 0 && Now - reportedAt < ProgressReportInterval)
        {
            return;
        }

        await context.Entities.SignalEntityAsync(batch, nameof(BatchEntity.ReportProgress), new BatchProgress(counts, BatchOrchestrator.Now(context)));
        countsReported = true;
        reportedAt = Now;
    }

    /// <summary>
    /// Gives back slots the batch cannot use now (paused, cancelled, out of work, over its limit) or
    /// holds beyond its fair share while other batches wait, keeping those of live calls.
    /// </summary>
    private async Task ReleaseUnneededAsync()
    {
        var useful = Dialing && (ready.Count > 0 || cursor < run.TotalRecipients || queueDueAt <= Now) ? concurrency : live.Count;
        if (activeBatches > 1)
        {
            useful = Math.Min(useful, Math.Max(fairShare, live.Count));
        }

        var keep = Math.Max(live.Count, Math.Min(useful, concurrency));
        if (leased > keep)
        {
            await context.Entities.SignalEntityAsync(WorkspaceBudgetEntity.Workspace, nameof(WorkspaceBudgetEntity.Release), new LeaseRelease(run.BatchId, leased - keep));
            leased = keep;
        }
    }

    private void ArmWakeTimer()
    {
        var candidates = new List<DateTime>();
        if (Dialing && take is null && ready.Count == 0 && queueDueAt is { } due && due > Now)
        {
            candidates.Add(due);
        }

        if (Dialing && ready.Count > 0)
        {
            if (live.Count >= leased && leased < concurrency)
            {
                candidates.Add(leaseRetryAt);
            }
            else if (live.Count < SlotsUsable)
            {
                // Waiting only for a dial token.
                candidates.Add(Now + TimeSpan.FromSeconds((1 - dialTokens) / (run.Dial.CallsPerSecond / activeBatches)));
            }
        }

        if (live.Where(c => c.Traceable).Select(c => c.CheckAt).DefaultIfEmpty(DateTime.MaxValue).Min() is var check && check != DateTime.MaxValue)
        {
            candidates.Add(check);
        }

        if (candidates.Count == 0)
        {
            return;
        }

        var at = candidates.Min();
        at = at > Now ? at : Now.AddMilliseconds(1);
        if (wake is not null && wakeAt <= at)
        {
            return;
        }

        wakeCancellation?.Cancel();
        wakeCancellation?.Dispose();
        wakeCancellation = new CancellationTokenSource();
        wake = context.CreateTimer(at, wakeCancellation.Token);
        wakeAt = at;
    }

    private async Task<BatchRun> FinishAsync()
    {
        wakeCancellation?.Cancel();
        await ReportProgressAsync(force: true);
        if (!cancelled)
        {
            await context.Entities.SignalEntityAsync(batch, nameof(BatchEntity.MarkDispatchFinished), new BatchMilestone(BatchOrchestrator.Now(context)));
        }

        await context.Entities.SignalEntityAsync(WorkspaceBudgetEntity.Workspace, nameof(WorkspaceBudgetEntity.Release), new LeaseRelease(run.BatchId, leased, Finished: true));
        logger.BatchDispatched(run.BatchId, run.TotalRecipients);
        return Carry() with { Leased = 0 };
    }

    private BatchRun Carry() => run with
    {
        Cursor = cursor,
        Ready = [.. ready],
        Live = [.. live],
        QueueDueAt = queueDueAt,
        Leased = leased,
        Concurrency = concurrency,
        Started = true,
        Paused = paused,
        Cancelled = cancelled,
        Stopped = stopped,
        ProviderConfirmed = providerConfirmed,
        Counts = counts,
    };

    private void QueueDueBy(DateTime due) => queueDueAt = queueDueAt is { } current && current <= due ? current : due;

    private void Replace(LiveCall call, LiveCall updated) => live[live.IndexOf(call)] = updated;

    public void Dispose() => wakeCancellation?.Dispose();

    /// <summary>
    /// The task's result, or Lost when it was lost. A TimerFired left over from an earlier generation can
    /// complete the task of this generation that has the same id (measured on the Azure Storage provider:
    /// two batches at once, the wake timer of the generation before continue-as-new fired into the next
    /// one and completed a PlaceCall), and the timer's empty payload does not read as the activity's
    /// result. Every activity of the loop is safe to run again, so a lost result only costs a step.
    /// </summary>
    private static async Task<(bool Lost, T Result)> Survived<T>(Task<T> task)
    {
        try
        {
            return (false, await task);
        }
        catch (System.Text.Json.JsonException)
        {
            return (true, default!);
        }
    }

    private static async Task<DialResult> DialResultOf(Task<DialResult> dial)
    {
        try
        {
            return await dial;
        }
        catch (TaskFailedException e)
        {
            // Retries exhausted, or a fault that is not the provider's: the attempt fails with the reason.
            return new DialResult(DialOutcome.RecipientRejected, null, FailureReason.ProviderUnavailable,
                $"The call could not be placed: {e.FailureDetails.ErrorMessage}");
        }
    }
}
