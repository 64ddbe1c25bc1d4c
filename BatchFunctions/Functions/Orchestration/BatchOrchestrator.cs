using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Runs one batch: waits on a durable timer until its scheduled start (cancellable while waiting),
/// then dials within its concurrency budget (<see cref="BatchDispatchLoop"/>) until every recipient
/// has had every attempt it is due, the operator cancels, or the provider refuses the account.
/// Whatever goes wrong inside, the batch ends: an unexpected failure fails the batch with its reason
/// and gives its budget slots back rather than leave it in progress for ever.
/// </summary>
public sealed class BatchOrchestrator : TaskOrchestrator<BatchRun, BatchRun>
{
    [Function(nameof(BatchOrchestrator))]
    public static Task<BatchRun> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new BatchOrchestrator().RunAsync(context, context.GetInput<BatchRun>()!);

    public override async Task<BatchRun> RunAsync(TaskOrchestrationContext context, BatchRun run)
    {
        try
        {
            // One waiter per event name for the whole execution: a second waiter would leave the first
            // to swallow an event nobody reads.
            var commands = new EventWaiter<BatchCommand>(context, BatchCommand.EventName);
            if (!run.Started)
            {
                run = await WaitForStartAsync(context, run, commands);
                if (!run.Cancelled)
                {
                    await context.Entities.SignalEntityAsync(BatchEntity.IdFor(run.BatchId), nameof(BatchEntity.MarkStarted), new BatchMilestone(Now(context)));
                }

                run = run with { Started = true };
            }

            using var dispatch = new BatchDispatchLoop(context, run, commands);
            return await dispatch.RunAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.CreateReplaySafeLogger<BatchOrchestrator>().BatchCrashed(run.BatchId, e.Message);
            await context.Entities.SignalEntityAsync(BatchEntity.IdFor(run.BatchId), nameof(BatchEntity.Fail),
                new BatchFailure(FailureReason.ConfigurationError, $"The batch stopped on an internal error: {e.Message}", Now(context)));
            await context.Entities.SignalEntityAsync(WorkspaceBudgetEntity.Workspace, nameof(WorkspaceBudgetEntity.Release), 
                // Numbered after any lease message this episode sent (each took one number above the time's ticks).
                new LeaseRelease(run.BatchId, 0, context.CurrentUtcDateTime.Ticks + 10_000, Finished: true));
            return run with { Leased = 0, Stopped = true };
        }
    }

    /// <summary>
    /// Waits for the scheduled start on one timer, however many commands arrive meanwhile: a second timer
    /// would stay pending after the first fired, and fire into a later generation.
    /// </summary>
    private static async Task<BatchRun> WaitForStartAsync(TaskOrchestrationContext context, BatchRun run, EventWaiter<BatchCommand> commands)
    {
        // Cancelled only when the batch is: an execution does not complete while a timer it created is
        // still pending and not cancelled (measured on the Azure Storage provider).
        using var cancelTimer = new CancellationTokenSource();
        Task? timer = null;
        while (!run.Cancelled && run.StartAt is { } startAt && startAt.UtcDateTime > context.CurrentUtcDateTime)
        {
            await ReportWaitingAsync(context, run, new Waiting(run.Paused ? WaitingReason.Paused : WaitingReason.ScheduledStart, startAt));
            timer ??= context.CreateTimer(startAt.UtcDateTime, cancelTimer.Token);
            if (await Task.WhenAny(timer, commands.Next()) == timer)
            {
                // The Azure Storage provider may fire a timer a little early; look at the time again.
                timer = startAt.UtcDateTime > context.CurrentUtcDateTime ? null : timer;
                continue;
            }

            var command = commands.Take();
            run = command.Kind switch
            {
                BatchCommandKind.Cancel => run with { Cancelled = true },
                BatchCommandKind.Pause => run with { Paused = true },
                BatchCommandKind.Resume => run with { Paused = false },
                BatchCommandKind.SetConcurrency => run with { Concurrency = Math.Max(1, command.ConcurrencyLimit ?? run.Concurrency) },
                _ => run,
            };
        }

        if (timer is { IsCompleted: false })
        {
            // Synchronously: CancelAsync would run the timer's callbacks outside the orchestration's replay.
            cancelTimer.Cancel();
        }

        return run;
    }

    private static Task ReportWaitingAsync(TaskOrchestrationContext context, BatchRun run, Waiting waiting) =>
        context.Entities.SignalEntityAsync(BatchEntity.IdFor(run.BatchId), nameof(BatchEntity.ReportProgress),
            new BatchProgress(run.Counts ?? new RecipientCounts(), Now(context), new BatchRuntime(run.Paused, run.Concurrency, 0, waiting)));

    internal static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
