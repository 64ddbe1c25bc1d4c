using BatchFunctions.Domain;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Hands the orchestrator attempts it may dial now: first the dial queue's due entries (retries,
/// deferred recipients), then recipients of the first pass from the cursor on. A recipient whose
/// calling window is closed is queued for its next opening instead and the cursor moves past it, so
/// one closed time zone never holds up the others; one whose window never opens ends failed.
/// Safe to run twice: queueing an attempt is keyed by the attempt.
/// </summary>
public sealed class TakeDialable(RecipientStore recipients, AttemptStore attempts, ICampaignClock clock) : TaskActivity<TakeRequest, TakeResult>
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
        var handedOut = request.HandedOut.ToHashSet();
        var tickets = new List<DialTicket>(await attempts.TakeDueAsync(request.BatchId, request.RunNumber, now, handedOut, request.Max, CancellationToken.None));
        var unreachable = new List<UnreachableAttempt>();
        var cursor = request.Cursor;
        var scanned = 0;
        var deferred = new List<QueuedAttempt>();
        var callingTimes = new CallingTimes(request.Plan, request.WindowClosingMargin);
        while (tickets.Count + unreachable.Count < request.Max && cursor < request.TotalRecipients && scanned < MaxScanned)
        {
            var page = await recipients.ListRangeAsync(request.BatchId, cursor, Math.Min(cursor + PageSize, request.TotalRecipients), CancellationToken.None);
            if (page.Count == 0)
            {
                throw new InvalidOperationException($"Batch {request.BatchId} has no recipient {cursor} in storage.");
            }

            foreach (var recipient in page)
            {
                if (tickets.Count + unreachable.Count >= request.Max)
                {
                    break;
                }

                cursor++;
                scanned++;
                var ticket = new DialTicket(recipient.Index, 1);
                switch (callingTimes.For(recipient.TimeZones, now))
                {
                    case CallingTime.Open:
                        tickets.Add(ticket);
                        break;
                    case CallingTime.OpensAt opens:
                        deferred.Add(new QueuedAttempt(recipient.Index, 1, opens.At, null, opens.Waiting));
                        break;
                    case CallingTime.Never never:
                        unreachable.Add(new UnreachableAttempt(ticket, CallingTime.Never.Reason, never.Message));
                        break;
                }
            }
        }

        await attempts.EnqueueAsync(request.BatchId, request.RunNumber, deferred, CancellationToken.None);
        foreach (var ticket in tickets)
        {
            handedOut.Add(ticket.Id);
        }

        var next = await attempts.EarliestDueAsync(request.BatchId, request.RunNumber, handedOut, CancellationToken.None);
        TimeSpan? nextDueIn = next?.Until is { } due ? clock.ToRealTime(due > now ? due - now : TimeSpan.Zero) : null;
        return new TakeResult(request.Cursor, tickets, cursor, unreachable, nextDueIn, next);
    }
}
