using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Providers.Twilio;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Dials a batch inside its concurrency budget. A slot is taken when a call is dispatched and freed
/// when the call's end is reported (the status webhook raises <see cref="CallEndedEvent"/>), or at
/// once when the dial itself fails; a freed slot is refilled immediately. Every
/// <see cref="DialsPerGeneration"/> dials the orchestration continues as new, carrying only its
/// cursor and live calls, so its history stays bounded whatever the size of the list.
/// </summary>
public sealed class BatchOrchestrator : TaskOrchestrator<BatchRun, BatchRun>
{
    public const string CallEndedEvent = "CallEnded";

    internal const int DialsPerGeneration = 100;

    /// <summary>Retries only what Twilio called transient (429, 5xx, no answer), with backoff.</summary>
    private static readonly TaskOptions TransientDialRetry = new(new TaskRetryOptions(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1))
        {
            HandleFailure = failure => failure.IsCausedBy<TransientTelephonyException>(),
        }));

    [Function(nameof(BatchOrchestrator))]
    public static Task<BatchRun> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new BatchOrchestrator().RunAsync(context, context.GetInput<BatchRun>()!);

    public override async Task<BatchRun> RunAsync(TaskOrchestrationContext context, BatchRun run)
    {
        var logger = context.CreateReplaySafeLogger<BatchOrchestrator>();
        var batch = BatchEntity.IdFor(run.BatchId);
        if (!run.Started)
        {
            await context.Entities.SignalEntityAsync(batch, nameof(BatchEntity.MarkStarted), new BatchMilestone(Now(context)));
        }

        var live = run.Live.ToList();
        var dialing = new Dictionary<Task<DialResult>, CallAttempt>();
        var next = run.NextIndex;
        var dialedThisGeneration = 0;
        var stopped = false;
        Task<CallAttempt>? callEnded = null;

        while (true)
        {
            while (!stopped && live.Count < run.Concurrency && next < run.TotalRecipients && dialedThisGeneration < DialsPerGeneration)
            {
                var attempt = new CallAttempt(next, 1);
                await context.Entities.SignalEntityAsync(CallEntity.IdFor(run.BatchId, next), nameof(CallEntity.Dispatch), new CallDispatch(attempt.Attempt, Now(context)));
                var dial = context.CallActivityAsync<DialResult>(nameof(PlaceCall), new DialAttempt(run.BatchId, next, attempt.Attempt, run.FromNumber), TransientDialRetry);
                dialing.Add(dial, attempt);
                live.Add(attempt);
                next++;
                dialedThisGeneration++;
            }

            var generationDone = dialedThisGeneration >= DialsPerGeneration && dialing.Count == 0 && callEnded is not { IsCompleted: true };
            if (generationDone && !stopped && next < run.TotalRecipients)
            {
                // Live calls go along in the input; their end events arrive in the next generation
                // (preserveUnprocessedEvents keeps any that came in meanwhile).
                var carried = run with { NextIndex = next, Live = live, Started = true };
                context.ContinueAsNew(carried, preserveUnprocessedEvents: true);
                return carried;
            }

            if (live.Count == 0 && dialing.Count == 0 && (stopped || next >= run.TotalRecipients))
            {
                break;
            }

            callEnded ??= context.WaitForExternalEvent<CallAttempt>(CallEndedEvent);
            var finished = await Task.WhenAny([.. dialing.Keys, callEnded]);
            if (finished == callEnded)
            {
                // A duplicate or stale end event names no live attempt and frees nothing.
                live.Remove(callEnded.Result);
                callEnded = null;
                continue;
            }

            var dialTask = (Task<DialResult>)finished;
            var dialed = dialing[dialTask];
            dialing.Remove(dialTask);
            var result = await DialResultOf(dialTask);
            await context.Entities.SignalEntityAsync(CallEntity.IdFor(run.BatchId, dialed.RecipientIndex), nameof(CallEntity.RecordDial), new DialRecord(dialed.Attempt, result, Now(context)));
            if (result.Outcome == DialOutcome.Placed)
            {
                continue;
            }

            live.Remove(dialed);
            if (result.Outcome == DialOutcome.ConfigurationRejected && !stopped)
            {
                // Every further call would be refused the same way: stop dialing, let live calls finish.
                stopped = true;
                logger.BatchStopped(run.BatchId, result.FailureDetail);
                await context.Entities.SignalEntityAsync(batch, nameof(BatchEntity.Fail), new BatchFailure(FailureReason.ConfigurationError, result.FailureDetail ?? "Twilio refused the account or caller id.", Now(context)));
            }
        }

        await context.Entities.SignalEntityAsync(batch, nameof(BatchEntity.MarkDispatchFinished), new BatchMilestone(Now(context)));
        logger.BatchDispatched(run.BatchId, run.TotalRecipients);
        return run with { NextIndex = next, Live = [], Started = true };
    }

    private static async Task<DialResult> DialResultOf(Task<DialResult> dial)
    {
        try
        {
            return await dial;
        }
        catch (TaskFailedException e)
        {
            // Retries exhausted, or a fault that is not Twilio's: the recipient fails with the reason.
            return new DialResult(DialOutcome.RecipientRejected, null, FailureReason.ProviderUnavailable,
                $"The call could not be placed: {e.FailureDetails.ErrorMessage}");
        }
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
