using BatchFunctions.Domain;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Providers.Twilio;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Dials one attempt, at most once however often it runs: the intent is recorded before the provider
/// is asked, and a rerun that finds an intent without an outcome asks the provider before dialing
/// again. Right before dialing it checks the recipient's calling window and the do-not-call list,
/// because either may have changed since the attempt was taken.
/// </summary>
public sealed class PlaceCall(
    RecipientStore recipients,
    DialIntentStore intents,
    DialQueue queue,
    DoNotCallList doNotCall,
    TwilioCallPlacer twilio,
    SipTrunkDialer sipTrunk,
    ICampaignClock clock,
    TimeProvider time)
    : TaskActivity<DialAttempt, DialResult>
{
    /// <summary>Longer than a provider request with its quick retries can take.</summary>
    private static readonly TimeSpan EarlierRunGrace = TimeSpan.FromMinutes(2);

    [Function(nameof(PlaceCall))]
    public static Task<DialResult> Run([ActivityTrigger] DialAttempt attempt, FunctionContext function) =>
        FunctionActivity.RunAsync<PlaceCall, DialAttempt, DialResult>(function, nameof(PlaceCall), attempt);

    public override async Task<DialResult> RunAsync(TaskActivityContext context, DialAttempt attempt)
    {
        var result = await DecideAndDialAsync(attempt);
        if (attempt.Ticket.QueueKey is { } key)
        {
            await queue.RemoveAsync(attempt.BatchId, key, CancellationToken.None);
        }

        return result;
    }

    private async Task<DialResult> DecideAndDialAsync(DialAttempt attempt)
    {
        var (batchId, index, number) = (attempt.BatchId, attempt.Ticket.RecipientIndex, attempt.Ticket.Attempt);
        var recipient = await recipients.GetAsync(batchId, index, CancellationToken.None)
            ?? throw new InvalidOperationException($"Recipient {index} of batch {batchId} is not in storage.");
        var call = new CallRequest(batchId, index, number, recipient.PhoneNumber, attempt.Dial.FromNumber, attempt.Dial.Telephony);

        var intent = await intents.BeginAsync(batchId, index, number, time.GetUtcNow(), CancellationToken.None);
        if (intent.WasAlreadyRecorded && intent.Result is null && attempt.ResultLost)
        {
            // The earlier run may still be talking to the provider: let it finish and record its
            // outcome rather than race it, and only then decide.
            var age = time.GetUtcNow() - intent.CreatedAt;
            if (age < EarlierRunGrace)
            {
                await Task.Delay(EarlierRunGrace - age, time);
            }

            intent = await intents.BeginAsync(batchId, index, number, time.GetUtcNow(), CancellationToken.None);
        }

        if (intent.Result is { } earlier)
        {
            return earlier;
        }

        if (intent.WasAlreadyRecorded && attempt.Dial.Provider == PhoneProvider.SipTrunk)
        {
            // ElevenLabs offers no way to find a SIP-trunk call we lost track of; calling again might
            // reach the person twice, so the attempt fails and says why.
            return await RecordAsync(call, new DialResult(DialOutcome.RecipientRejected, null, FailureReason.ProviderUnavailable,
                "Whether ElevenLabs placed this SIP-trunk call is unknown (no answer to the request); not dialed again to avoid calling twice."));
        }

        if (intent.WasAlreadyRecorded && await twilio.FindPlacedCallAsync(call, intent.CreatedAt) is { } existingSid)
        {
            return await RecordAsync(call, new DialResult(DialOutcome.Placed, existingSid));
        }

        var now = clock.Now;
        var zones = RecipientTimeZones.Resolve(recipient.TimeZones.Count > 0 ? recipient.TimeZones : [attempt.Plan.DefaultTimeZone]);
        if (!attempt.Plan.Window.IsOpen(now, zones))
        {
            var opening = attempt.Plan.Window.NextOpening(now, zones) ?? now.AddDays(1);
            await queue.EnqueueAsync(batchId, [new QueuedAttempt(index, number, opening, attempt.Ticket.PreviousStatus)], CancellationToken.None);
            await intents.ForgetAsync(batchId, index, number, CancellationToken.None);
            return new DialResult(DialOutcome.Deferred, RetryAfter: clock.ToRealTime(opening - now));
        }

        if (attempt.Plan.DoNotCallList is { } list && await doNotCall.ContainsAsync(list, recipient.PhoneNumber, attempt.Dial.Region, CancellationToken.None))
        {
            return await RecordAsync(call, new DialResult(DialOutcome.RecipientRejected, null, FailureReason.DoNotCall,
                $"Not called: the number is on the do-not-call list {list}."));
        }

        try
        {
            var result = attempt.Dial.Provider == PhoneProvider.SipTrunk
                ? await sipTrunk.PlaceAsync(
                    new SipTrunkCallRequest(attempt.Dial.AgentId, attempt.Dial.PhoneNumberId, recipient.PhoneNumber, recipient.ClientData,
                        new SipTelephonyCallConfig(attempt.Dial.Telephony.RingingTimeoutSecs)),
                    CancellationToken.None)
                : await twilio.PlaceAsync(call);
            return await RecordAsync(call, result);
        }
        catch (TransientTelephonyException e) when (!e.OutcomeUnknown)
        {
            // Twilio answered that it did not create the call, so the retry may dial without asking first.
            await intents.ForgetAsync(batchId, index, number, CancellationToken.None);
            throw;
        }
    }

    private async Task<DialResult> RecordAsync(CallRequest call, DialResult result)
    {
        await intents.RecordAsync(call.BatchId, call.RecipientIndex, call.Attempt, result, CancellationToken.None);
        return result;
    }
}
