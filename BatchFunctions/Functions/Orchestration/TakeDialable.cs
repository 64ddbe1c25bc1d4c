using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Hands the orchestrator attempts it may dial now: first the dial queue's due entries (retries,
/// deferred recipients), then recipients of the first pass from the cursor on. A recipient whose
/// calling window is closed is queued for its next opening instead and the cursor moves past it, so
/// one closed time zone never holds up the others.
/// </summary>
public sealed class TakeDialable(RecipientStore recipients, DialQueue queue, ICampaignClock clock) : TaskActivity<TakeRequest, TakeResult>
{
    private const int PageSize = 200;

    /// <summary>Bounds one run's work when many recipients in a row are outside their window.</summary>
    private const int MaxScanned = 2000;

    [Function(nameof(TakeDialable))]
    public static Task<TakeResult> Run([ActivityTrigger] TakeRequest request, FunctionContext function) =>
        FunctionActivity.RunAsync<TakeDialable, TakeRequest, TakeResult>(function, nameof(TakeDialable), request);

    public override async Task<TakeResult> RunAsync(TaskActivityContext context, TakeRequest request)
    {
        var now = clock.Now;
        var handedOut = request.HandedOut.ToHashSet(StringComparer.Ordinal);
        var tickets = new List<DialTicket>(await queue.TakeDueAsync(request.BatchId, now, handedOut, request.Max, CancellationToken.None));
        var cursor = request.Cursor;
        var scanned = 0;
        var deferred = new List<QueuedAttempt>();
        while (tickets.Count < request.Max && cursor < request.TotalRecipients && scanned < MaxScanned)
        {
            var page = await recipients.ListRangeAsync(request.BatchId, cursor, Math.Min(cursor + PageSize, request.TotalRecipients), CancellationToken.None);
            if (page.Count == 0)
            {
                throw new InvalidOperationException($"Batch {request.BatchId} has no recipient {cursor} in storage.");
            }

            foreach (var recipient in page)
            {
                if (tickets.Count >= request.Max)
                {
                    break;
                }

                cursor++;
                scanned++;
                var zones = RecipientTimeZones.Resolve(recipient.TimeZones.Count > 0 ? recipient.TimeZones : [request.Plan.DefaultTimeZone]);
                if (request.Plan.Window.IsOpen(now, zones))
                {
                    tickets.Add(new DialTicket(recipient.Index, 1));
                }
                else
                {
                    deferred.Add(new QueuedAttempt(recipient.Index, 1, request.Plan.Window.NextOpening(now, zones) ?? now.AddDays(1)));
                }
            }
        }

        await queue.EnqueueAsync(request.BatchId, deferred, CancellationToken.None);
        foreach (var ticket in tickets.Where(t => t.QueueKey is not null))
        {
            handedOut.Add(ticket.QueueKey!);
        }

        var earliest = await queue.EarliestDueAsync(request.BatchId, handedOut, CancellationToken.None);
        TimeSpan? nextDueIn = earliest is { } due ? clock.ToRealTime(due > now ? due - now : TimeSpan.Zero) : null;
        return new TakeResult(tickets, cursor, nextDueIn);
    }
}
