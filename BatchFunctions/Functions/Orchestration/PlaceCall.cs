using BatchFunctions.Domain;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Providers.Twilio;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Dials one attempt, at most once however often and however concurrently it runs: the attempt is
/// claimed with a conditional write before the provider is asked, and a run that loses the claim never
/// dials; it answers with what the winner recorded, or "unknown" for the orchestrator to look up.
/// Right before claiming it checks the recipient's calling window and the do-not-call list, because
/// either may have changed since the attempt was taken.
/// </summary>
public sealed class PlaceCall(
    RecipientStore recipients,
    AttemptStore attempts,
    DoNotCallList doNotCall,
    TwilioCallPlacer twilio,
    SipTrunkDialer sipTrunk,
    ICampaignClock clock,
    TimeProvider time)
    : TaskActivity<DialAttempt, AttemptDialed>
{
    [Function(nameof(PlaceCall))]
    public static Task<AttemptDialed> Run([ActivityTrigger] DialAttempt attempt, FunctionContext function) =>
        FunctionActivity.RunAsync<PlaceCall, DialAttempt, AttemptDialed>(function, nameof(PlaceCall), attempt);

    public override async Task<AttemptDialed> RunAsync(TaskActivityContext context, DialAttempt attempt) =>
        new(attempt.Ticket.Id, await DialAsync(attempt));

    private async Task<DialResult> DialAsync(DialAttempt attempt)
    {
        var (batchId, ticket) = (attempt.BatchId, attempt.Ticket);
        var recipient = await recipients.GetAsync(batchId, ticket.RecipientIndex, CancellationToken.None)
            ?? throw new InvalidOperationException($"Recipient {ticket.RecipientIndex} of batch {batchId} is not in storage.");

        var now = clock.Now;
        var callingTime = new CallingTimes(attempt.Plan, attempt.Dial.WindowClosingMargin).For(recipient.TimeZones, now);
        if (callingTime is CallingTime.OpensAt opens && await DeferAsync(attempt, opens))
        {
            return new DialResult(DialOutcome.Deferred, RetryAfter: clock.ToRealTime(opens.At - now));
        }

        var claim = await attempts.ClaimAsync(batchId, attempt.RunNumber, ticket.Id, ticket.Try, ticket.FromQueue, time.GetUtcNow(), CancellationToken.None);
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
                await DeferAsync(attempt, later);
                return new DialResult(DialOutcome.Deferred, RetryAfter: clock.ToRealTime(later.At - now));
            case CallingTime.Never never:
                return await RecordAsync(attempt, new DialResult(DialOutcome.RecipientRejected, null, CallingTime.Never.Reason, never.Message));
        }

        if (attempt.Plan.DoNotCallList is { } list && await doNotCall.ContainsAsync(list, recipient.PhoneNumber, attempt.Dial.Region, CancellationToken.None))
        {
            return await RecordAsync(attempt, new DialResult(DialOutcome.RecipientRejected, null, FailureReason.DoNotCall,
                $"Not called: the number is on the do-not-call list {list}."));
        }

        try
        {
            var result = attempt.Dial.Provider == PhoneProvider.SipTrunk
                ? await sipTrunk.PlaceAsync(
                    new SipTrunkCallRequest(attempt.Dial.AgentId, attempt.Dial.PhoneNumberId, recipient.PhoneNumber, recipient.ClientData,
                        new SipTelephonyCallConfig(attempt.Dial.Telephony.RingingTimeoutSecs)),
                    CancellationToken.None)
                : await twilio.PlaceAsync(new CallRequest(batchId, ticket.RecipientIndex, ticket.Attempt, recipient.PhoneNumber, attempt.Dial.FromNumber,
                    recipient.VoicemailMessage is null ? attempt.Dial.Telephony : VoicemailMessages.DetectingMessageEnd(attempt.Dial.Telephony)));
            return await RecordAsync(attempt, result);
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
    private Task<bool> DeferAsync(DialAttempt attempt, CallingTime.OpensAt opens) =>
        attempts.RescheduleAsync(attempt.BatchId, attempt.RunNumber,
            new QueuedAttempt(attempt.Ticket.RecipientIndex, attempt.Ticket.Attempt, opens.At, attempt.Ticket.PreviousStatus, opens.Waiting), CancellationToken.None);

    private async Task<DialResult> RecordAsync(DialAttempt attempt, DialResult result)
    {
        await attempts.RecordAsync(attempt.BatchId, attempt.Ticket.Id, result, CancellationToken.None);
        return result;
    }
}
