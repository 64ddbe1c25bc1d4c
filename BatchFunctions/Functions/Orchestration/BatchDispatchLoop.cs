using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Functions.Orchestration.Rules;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// One generation of a batch's dialing: the Durable plumbing around <see cref="BatchDispatcher"/>, which
/// makes every decision. Each step starts what the dispatcher asks for (take attempts, lease slots, dial,
/// look up live calls, queue retries), waits for whatever finishes first (an activity, a call's end, an
/// operator's command, the wake timer), and hands the result back to the dispatcher.
/// After <see cref="StepsPerGeneration"/> steps it winds down and continues as new with the dispatcher's
/// state, so the history stays the same size whatever the size of the list. It never continues as new
/// with anything outstanding: a timer or task still pending then would complete, in the next generation,
/// whatever task there has its id.
/// </summary>
internal sealed class BatchDispatchLoop(TaskOrchestrationContext context, BatchRun run, EventWaiter<BatchCommand> commands) : IDisposable
{
    internal const int StepsPerGeneration = 100;

    /// <summary>
    /// For how many steps past <see cref="StepsPerGeneration"/> a draining generation still dials: a call that
    /// ends while the generation turns over is refilled from the attempts already taken (a dial finishes in a
    /// fraction of a second) instead of leaving its slot idle until the next generation starts, up to two
    /// seconds later. Bounded, so a busy batch still ends its generation.
    /// </summary>
    internal const int DrainingDialSteps = 50;

    private readonly BatchDispatcher dispatcher = new(run, context.CurrentUtcDateTime);
    private readonly EventWaiter<CallEnded> callEnds = new(context, CallEnded.EventName);
    private readonly EventWaiter<AgentUnavailable> agentFailures = new(context, AgentUnavailable.EventName);
    private readonly StepFailures failures = new(context, run.BatchId);
    /// <summary>Timers shorter than this are all a winding-down generation still arms and waits for.</summary>
    private static readonly TimeSpan ShortWake = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How much later than wanted a wake timer is set. The Azure Storage provider makes a timer's message
    /// visible after its delay in whole seconds, rounded down, so a timer fires up to a second early (a
    /// sub-second timer at once). A wake that finds nothing due yet would arm the remainder and fire early
    /// again: measured, nine timers in ten fired early and a generation spent most of its steps on them.
    /// </summary>
    private static readonly TimeSpan TimerSlack = TimeSpan.FromSeconds(1);

    private readonly Dictionary<Task, Func<Task, Task>> pending = [];
    private readonly Dictionary<Task, DateTime> wakes = [];

    /// <summary>Cancels wake timers still pending when the batch finishes: an execution does not complete while a timer it created is pending and not cancelled.</summary>
    private readonly CancellationTokenSource stopWakes = new();

    private DateTime Now => context.CurrentUtcDateTime;

    public async Task<BatchRun> RunAsync()
    {
        for (var step = 1; ; step++)
        {
            // Winding down: only short timers; once every timer is about to fire, nothing new starts and
            // the generation ends as soon as everything outstanding has finished.
            var winding = step >= StepsPerGeneration;
            var draining = winding && wakes.Values.All(fireAt => fireAt <= Now + ShortWake + TimerSlack);
            if (!draining || step < StepsPerGeneration + DrainingDialSteps)
            {
                StartDials();
            }

            if (!draining)
            {
                StartWork();
            }

            await CarryOutEffectsAsync();
            await ReportProgressAsync(force: false);
            if (dispatcher.IsFinished && pending.Count == 0)
            {
                return await FinishAsync();
            }

            if (draining && pending.Count == 0 && wakes.Count == 0 && dispatcher.Quiet && !callEnds.HasArrived && !commands.HasArrived && !agentFailures.HasArrived)
            {
                // Once per generation rather than every draining step: while calls are live, a report a second is enough.
                await ReportProgressAsync(force: true);
                var next = dispatcher.Carry();
                context.ContinueAsNew(next, preserveUnprocessedEvents: true);
                return next;
            }

            if (!draining && dispatcher.WakeAt(Now) is { } at)
            {
                var fireAt = (winding && at > Now + ShortWake ? Now + ShortWake : at) + TimerSlack;
                if (wakes.Count == 0 || fireAt < wakes.Values.Min())
                {
                    wakes.Add(context.CreateTimer(fireAt, stopWakes.Token), fireAt);
                }
            }

            await HandleNextAsync();
        }
    }

    /// <summary>
    /// Dials the attempts already taken into the slots free now. This goes first in a step: dials use up ready
    /// attempts and slots, which is what makes a take or a lease request due in the same step rather than a
    /// wake later.
    /// </summary>
    private void StartDials()
    {
        if (dispatcher.NextDials(Now) is not { Count: > 0 } tickets)
        {
            return;
        }

        Start(context.CallActivityAsync<IReadOnlyList<AttemptDialed>>(nameof(PlaceCall), new DialGroup(run.BatchId, run.RunNumber, tickets, run.Dial, run.Plan), DependencyRetry.Telephony),
            async t => dispatcher.GroupDialed(tickets, await failures.ResultOrNull((Task<IReadOnlyList<AttemptDialed>>)t), Now));
    }

    /// <summary>Starts the rest of what the dispatcher wants started now: taking attempts, leasing slots, checking live calls, queueing retries.</summary>
    private void StartWork()
    {
        var now = Now;
        if (dispatcher.StartTake(now) is { } take)
        {
            Start(context.CallActivityAsync<TakeResult>(nameof(TakeDialable), take, DependencyRetry.Storage),
                async t => { if (await failures.ResultOrNull((Task<TakeResult>)t) is { } taken) dispatcher.Taken(taken, Now); else dispatcher.TakeFailed(Now); });
        }

        if (dispatcher.StartLeaseRequest(now) is { } request)
        {
            Start(context.Entities.CallEntityAsync<LeaseGrant>(WorkspaceBudgetEntity.Workspace, nameof(WorkspaceBudgetEntity.Acquire), request),
                async t => { if (await failures.ResultOrNull((Task<LeaseGrant>)t) is { } grant) dispatcher.LeaseGranted(grant, Now); else dispatcher.LeaseFailed(Now); });
        }

        if (dispatcher.StartCheck(now) is { Count: > 0 } calls)
        {
            Start(context.CallActivityAsync<IReadOnlyList<LiveCallCheck>>(nameof(CheckLiveCalls), new CheckRequest(run.BatchId, run.Dial, calls), DependencyRetry.Telephony),
                async t => { if (await failures.ResultOrNull((Task<IReadOnlyList<LiveCallCheck>>)t) is { } checks) dispatcher.Checked(checks, Now); else dispatcher.CheckFailed(); });
        }

        while (dispatcher.StartQueueingRetry(now) is { } retry)
        {
            Start(context.CallActivityAsync<RetryQueued>(nameof(ScheduleRetry), retry, DependencyRetry.Storage),
                async t => { if (await failures.ResultOrNull((Task<RetryQueued>)t) is { } queued) dispatcher.RetryQueued(queued, Now); else dispatcher.RetryQueueFailed(retry, Now); });
        }
    }

    private void Start(Task task, Func<Task, Task> onCompleted) => pending.Add(task, onCompleted);

    private async Task HandleNextAsync()
    {
        var waits = pending.Keys.Append(callEnds.Next()).Append(commands.Next()).Append(agentFailures.Next());
        var completed = await Task.WhenAny(waits.Concat(wakes.Keys));
        if (wakes.Remove(completed))
        {
            return; // The next step looks at the time.
        }

        if (completed == callEnds.Next())
        {
            dispatcher.CallEnded(callEnds.Take());
        }
        else if (completed == commands.Next())
        {
            dispatcher.Apply(commands.Take(), Now);
        }
        else if (completed == agentFailures.Next())
        {
            dispatcher.AgentUnavailable(agentFailures.Take());
        }
        else if (pending.Remove(completed, out var onCompleted))
        {
            await onCompleted(completed);
        }
    }

    /// <summary>Signals what the dispatcher decided; hang-ups run as housekeeping whose failure changes nothing.</summary>
    private async Task CarryOutEffectsAsync()
    {
        foreach (var effect in dispatcher.TakeEffects())
        {
            switch (effect)
            {
                case DispatchEffect.RecordDial(var ticket, var result) when result.Outcome == DialOutcome.Placed:
                    await context.Entities.SignalEntityAsync(CallEntity.IdFor(run.BatchId, ticket.RecipientIndex), nameof(CallEntity.RecordDial),
                        new DialRecord(ticket.Attempt, result, BatchOrchestrator.Now(context)));
                    break;

                // What ends a recipient is a call, not a signal: the batch is not finished until the recipient's
                // record says so, whereas a signal to it could still be in flight when the batch reads as ended.
                case DispatchEffect.RecordDial(var ticket, var result):
                    Start(context.Entities.CallEntityAsync(CallEntity.IdFor(run.BatchId, ticket.RecipientIndex), nameof(CallEntity.RecordDial),
                        new DialRecord(ticket.Attempt, result, BatchOrchestrator.Now(context))), failures.Housekeeping);
                    break;
                case DispatchEffect.ApplyProgress(var recipientIndex, var progress):
                    Start(context.Entities.CallEntityAsync(CallEntity.IdFor(run.BatchId, recipientIndex), nameof(CallEntity.ApplyProgress), progress), failures.Housekeeping);
                    break;
                case DispatchEffect.FailBatch(var detail):
                    context.CreateReplaySafeLogger<BatchOrchestrator>().BatchStopped(run.BatchId, detail);
                    await context.Entities.SignalEntityAsync(BatchEntity.IdFor(run.BatchId), nameof(BatchEntity.Fail),
                        new BatchFailure(Domain.FailureReason.ConfigurationError, detail, BatchOrchestrator.Now(context)));
                    break;
                case DispatchEffect.HangUp(var sids):
                    Start(context.CallActivityAsync<int>(nameof(HangUpCalls), sids, DependencyRetry.Telephony), failures.Housekeeping);
                    break;
            }
        }

        if (dispatcher.ReleaseToSend(Now) is { } release)
        {
            await context.Entities.SignalEntityAsync(WorkspaceBudgetEntity.Workspace, nameof(WorkspaceBudgetEntity.Release), release);
        }
    }

    private async Task ReportProgressAsync(bool force)
    {
        if (dispatcher.ProgressToReport(Now, force) is { } progress)
        {
            await context.Entities.SignalEntityAsync(BatchEntity.IdFor(run.BatchId), nameof(BatchEntity.ReportProgress), progress);
        }
    }

    private async Task<BatchRun> FinishAsync()
    {
        // Synchronously: CancelAsync would run the timers' callbacks outside the orchestration's replay.
        stopWakes.Cancel();
        await context.Entities.SignalEntityAsync(BatchEntity.IdFor(run.BatchId), nameof(BatchEntity.ReportProgress), dispatcher.FinalProgress(Now));

        await context.Entities.SignalEntityAsync(WorkspaceBudgetEntity.Workspace, nameof(WorkspaceBudgetEntity.Release), dispatcher.FinalRelease(Now));
        context.CreateReplaySafeLogger<BatchOrchestrator>().BatchDispatched(run.BatchId, run.TotalRecipients);
        return dispatcher.Carry() with { Leased = 0 };
    }

    public void Dispose() => stopWakes.Dispose();
}
