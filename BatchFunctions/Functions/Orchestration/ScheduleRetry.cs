using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Queues a recipient's next attempt after its retry delay (campaign time), in its calling window.</summary>
/// <returns>Real time until the attempt is due, so the orchestrator knows when to look again.</returns>
public sealed class ScheduleRetry(RecipientStore recipients, DialQueue queue, ICampaignClock clock) : TaskActivity<RetryRequest, TimeSpan>
{
    [Function(nameof(ScheduleRetry))]
    public static Task<TimeSpan> Run([ActivityTrigger] RetryRequest request, FunctionContext function) =>
        FunctionActivity.RunAsync<ScheduleRetry, RetryRequest, TimeSpan>(function, nameof(ScheduleRetry), request);

    public override async Task<TimeSpan> RunAsync(TaskActivityContext context, RetryRequest request)
    {
        var now = clock.Now;
        var recipient = await recipients.GetAsync(request.BatchId, request.RecipientIndex, CancellationToken.None)
            ?? throw new InvalidOperationException($"Recipient {request.RecipientIndex} of batch {request.BatchId} is not in storage.");
        var zones = RecipientTimeZones.Resolve(recipient.TimeZones.Count > 0 ? recipient.TimeZones : [request.Plan.DefaultTimeZone]);
        var earliest = now + request.Delay;
        var due = request.Plan.Window.NextOpening(earliest, zones) ?? earliest.AddDays(1);
        await queue.EnqueueAsync(request.BatchId, [new QueuedAttempt(request.RecipientIndex, request.Attempt, due, request.PreviousStatus)], CancellationToken.None);
        return clock.ToRealTime(due - now);
    }
}
