using BatchFunctions.Domain;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Queues a recipient's next attempt after its retry delay (campaign time), in its calling window.
/// Safe to run twice: the queue is keyed by the attempt.
/// </summary>
/// <returns>Real time until the attempt is due, so the orchestrator knows when to look again.</returns>
public sealed class ScheduleRetry(RecipientStore recipients, AttemptStore attempts, ICampaignClock clock) : TaskActivity<RetryRequest, RetryQueued>
{
    [Function(nameof(ScheduleRetry))]
    public static Task<RetryQueued> Run([ActivityTrigger] RetryRequest request, FunctionContext function) =>
        FunctionActivity.RunAsync<ScheduleRetry, RetryRequest, RetryQueued>(function, nameof(ScheduleRetry), request);

    public override async Task<RetryQueued> RunAsync(TaskActivityContext context, RetryRequest request)
    {
        var now = clock.Now;
        var recipient = await recipients.GetAsync(request.BatchId, request.RecipientIndex, CancellationToken.None)
            ?? throw new InvalidOperationException($"Recipient {request.RecipientIndex} of batch {request.BatchId} is not in storage.");
        var earliest = now + request.Delay;

        // The window is judged at the time the retry falls due; a number it never opens for is dialed
        // then and fails with the reason, rather than vanish here.
        var waiting = new CallingTimes(request.Plan, TimeSpan.Zero).For(recipient.TimeZones, earliest) is CallingTime.OpensAt opens
            ? opens.Waiting
            : new Waiting(WaitingReason.RetryDelay, earliest);
        var due = waiting.Until ?? earliest;
        await attempts.EnqueueAsync(request.BatchId, request.RunNumber, [new QueuedAttempt(request.RecipientIndex, request.Attempt, due, request.PreviousStatus, waiting)], CancellationToken.None);
        return new RetryQueued(clock.ToRealTime(due - now), waiting);
    }
}
