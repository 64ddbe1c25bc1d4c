using BatchFunctions.Domain;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Providers.Twilio;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Dials a group of attempts, each at most once however often and however concurrently it runs: an attempt is
/// claimed with a conditional write before the provider is asked, and a run that loses the claim never
/// dials; it answers with what the winner recorded, or "unknown" for the orchestrator to look up.
/// Right before claiming it checks the recipient's calling window and the do-not-call list, because
/// either may have changed since the attempt was taken.
/// The group's attempts are dialed side by side. When the provider refused one as busy without creating a
/// call, the whole activity fails once all have finished, so its retry policy runs it again: the attempts
/// already dialed then lose their claims and answer with what they recorded; only the refused one dials.
/// </summary>
public sealed partial class PlaceCall(
    RecipientStore recipients,
    AttemptStore attempts,
    DoNotCallList doNotCall,
    TwilioCallPlacer twilio,
    SipTrunkDialer sipTrunk,
    ICampaignClock clock,
    TimeProvider time,
    ILogger<PlaceCall> logger)
    : TaskActivity<DialGroup, IReadOnlyList<AttemptDialed>>
{
    [Function(nameof(PlaceCall))]
    public static Task<IReadOnlyList<AttemptDialed>> Run([ActivityTrigger] DialGroup group, FunctionContext function) =>
        FunctionActivity.RunAsync<PlaceCall, DialGroup, IReadOnlyList<AttemptDialed>>(function, nameof(PlaceCall), group);

    public override async Task<IReadOnlyList<AttemptDialed>> RunAsync(TaskActivityContext context, DialGroup group)
    {
        // WhenAll throws only once every dial has finished: a busy refusal fails the activity, for its retry policy,
        // after the rest of the group has recorded what it did.
        var results = await Task.WhenAll(group.Tickets.Select(ticket => DialAsync(group, ticket)));
        return [.. group.Tickets.Zip(results, (ticket, result) => new AttemptDialed(ticket.Id, result))];
    }

    /// <summary>
    /// The attempt's outcome. A failure other than the provider's "busy, nothing created" makes the outcome unknown, as a
    /// failed activity did before dials were grouped: the orchestrator looks the attempt up, and one attempt's storage
    /// error does not hold up the rest of its group.
    /// </summary>
    private async Task<DialResult> DialAsync(DialGroup group, DialTicket ticket)
    {
        try
        {
            return await DialOnceAsync(group, ticket);
        }
        catch (Exception e) when (e is not TransientTelephonyException)
        {
            LogDialFailed(e, group.BatchId, ticket.RecipientIndex, ticket.Attempt);
            return new DialResult(DialOutcome.Unknown);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} recipient {RecipientIndex} attempt {Attempt}: the dial failed; its outcome will be looked up")]
    private partial void LogDialFailed(Exception exception, string batchId, int recipientIndex, int attempt);

    private async Task<DialResult> DialOnceAsync(DialGroup group, DialTicket ticket)
    {
        var batchId = group.BatchId;
        var recipient = await recipients.GetAsync(batchId, ticket.RecipientIndex, CancellationToken.None)
            ?? throw new InvalidOperationException($"Recipient {ticket.RecipientIndex} of batch {batchId} is not in storage.");

        var now = clock.Now;
        var callingTime = new CallingTimes(group.Plan, group.Dial.WindowClosingMargin).For(recipient.TimeZones, now);
        if (callingTime is CallingTime.OpensAt opens && await DeferAsync(group, ticket, opens))
        {
            return new DialResult(DialOutcome.Deferred, RetryAfter: clock.ToRealTime(opens.At - now));
        }

        var claim = await attempts.ClaimAsync(batchId, group.RunNumber, ticket.Id, ticket.Try, ticket.FromQueue, time.GetUtcNow(), CancellationToken.None);
        if (!claim.Won)
        {
            // Another run has (or had) this attempt: never dial it again. What it recorded, or a call id a
            // callback reported, says what became of it; otherwise the orchestrator looks it up later.
            return claim.Earlier switch
            {
                { Result: { } earlier } => earlier,
                { CallbackCallSid: { } sid } => new DialResult(DialOutcome.Placed, sid),
                _ => new DialResult(DialOutcome.Unknown),
            };
        }

        switch (callingTime)
        {
            case CallingTime.OpensAt later:
                // Won although the window is closed: a run that claimed it released it meanwhile. Give it back and wait.
                await attempts.ReleaseAsync(batchId, ticket.Id, CancellationToken.None);
                await DeferAsync(group, ticket, later);
                return new DialResult(DialOutcome.Deferred, RetryAfter: clock.ToRealTime(later.At - now));
            case CallingTime.Never never:
                return await RecordAsync(group, ticket, new DialResult(DialOutcome.RecipientRejected, null, CallingTime.Never.Reason, never.Message));
        }

        if (group.Plan.DoNotCallList is { } list && await doNotCall.ContainsAsync(list, recipient.PhoneNumber, group.Dial.Region, CancellationToken.None))
        {
            return await RecordAsync(group, ticket, new DialResult(DialOutcome.RecipientRejected, null, FailureReason.DoNotCall,
                $"Not called: the number is on the do-not-call list {list}."));
        }

        try
        {
            var result = group.Dial.Provider == PhoneProvider.SipTrunk
                ? await sipTrunk.PlaceAsync(
                    new SipTrunkCallRequest(group.Dial.AgentId, group.Dial.PhoneNumberId, recipient.PhoneNumber, recipient.ClientData,
                        new SipTelephonyCallConfig(group.Dial.Telephony.RingingTimeoutSecs)),
                    CancellationToken.None)
                : await twilio.PlaceAsync(new CallRequest(batchId, ticket.RecipientIndex, ticket.Attempt, recipient.PhoneNumber, group.Dial.FromNumber,
                    recipient.VoicemailMessage is null ? group.Dial.Telephony : VoicemailMessages.DetectingMessageEnd(group.Dial.Telephony)));
            return await RecordAsync(group, ticket, result);
        }
        catch (TransientTelephonyException e) when (e.OutcomeUnknown)
        {
            // The provider did not answer: the call may exist. The claim stays, so nothing dials this
            // attempt again; its callbacks or a lookup will tell.
            return new DialResult(DialOutcome.Unknown);
        }
        catch (TransientTelephonyException)
        {
            // The provider answered that it created nothing, so the retry may claim and dial afresh.
            await attempts.ReleaseAsync(batchId, ticket.Id, CancellationToken.None);
            throw;
        }
    }

    /// <returns>False when the attempt is already claimed: some run is dialing or has dialed it.</returns>
    private Task<bool> DeferAsync(DialGroup group, DialTicket ticket, CallingTime.OpensAt opens) =>
        attempts.RescheduleAsync(group.BatchId, group.RunNumber,
            new QueuedAttempt(ticket.RecipientIndex, ticket.Attempt, opens.At, ticket.PreviousStatus, opens.Waiting), CancellationToken.None);

    private async Task<DialResult> RecordAsync(DialGroup group, DialTicket ticket, DialResult result)
    {
        await attempts.RecordAsync(group.BatchId, ticket.Id, result, CancellationToken.None);
        return result;
    }
}
