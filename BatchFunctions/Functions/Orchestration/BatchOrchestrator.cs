using BatchFunctions.Functions.Entities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Runs one batch: waits on a durable timer until its scheduled start (cancellable while waiting),
/// then dials within its concurrency budget (<see cref="BatchDispatchLoop"/>) until every recipient
/// has had every attempt it is due, the operator cancels, or the provider refuses the account.
/// </summary>
public sealed class BatchOrchestrator : TaskOrchestrator<BatchRun, BatchRun>
{
    [Function(nameof(BatchOrchestrator))]
    public static Task<BatchRun> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new BatchOrchestrator().RunAsync(context, context.GetInput<BatchRun>()!);

    public override async Task<BatchRun> RunAsync(TaskOrchestrationContext context, BatchRun run)
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

    private static async Task<BatchRun> WaitForStartAsync(TaskOrchestrationContext context, BatchRun run, EventWaiter<BatchCommand> commands)
    {
        while (!run.Cancelled && run.StartAt is { } startAt && startAt.UtcDateTime > context.CurrentUtcDateTime)
        {
            using var stopTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(startAt.UtcDateTime, stopTimer.Token);
            if (await Task.WhenAny(timer, commands.Next()) == timer)
            {
                // The Azure Storage provider may fire a timer a little early; the loop checks the time again.
                continue;
            }

            // Cancel synchronously: CancelAsync would run the timer's callbacks on the thread pool, outside
            // the orchestration's single-threaded replay.
            stopTimer.Cancel();
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

        return run;
    }

    internal static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
