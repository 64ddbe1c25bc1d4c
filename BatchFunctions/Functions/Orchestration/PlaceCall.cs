using BatchFunctions.Domain;
using BatchFunctions.Providers.Twilio;
using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Dials one attempt, at most once however often it runs: the intent is recorded before Twilio is
/// asked, and a rerun that finds an intent without an outcome asks Twilio before dialing again.
/// </summary>
public sealed class PlaceCall(RecipientStore recipients, DialIntentStore intents, TwilioCallPlacer twilio, TimeProvider clock)
    : TaskActivity<DialAttempt, DialResult>
{
    [Function(nameof(PlaceCall))]
    public static Task<DialResult> Run([ActivityTrigger] DialAttempt attempt, FunctionContext function) =>
        FunctionActivity.RunAsync<PlaceCall, DialAttempt, DialResult>(function, nameof(PlaceCall), attempt);

    public override async Task<DialResult> RunAsync(TaskActivityContext context, DialAttempt attempt)
    {
        var (batchId, index, number) = (attempt.BatchId, attempt.RecipientIndex, attempt.Attempt);
        var recipient = await recipients.GetAsync(batchId, index, CancellationToken.None)
            ?? throw new InvalidOperationException($"Recipient {index} of batch {batchId} is not in storage.");
        var call = new CallRequest(batchId, index, number, recipient.PhoneNumber, attempt.FromNumber);

        var intent = await intents.BeginAsync(batchId, index, number, clock.GetUtcNow(), CancellationToken.None);
        if (intent.Result is { } earlier)
        {
            return earlier;
        }

        if (intent.WasAlreadyRecorded && await twilio.FindPlacedCallAsync(call, intent.CreatedAt) is { } existingSid)
        {
            var adopted = new DialResult(DialOutcome.Placed, existingSid);
            await intents.RecordAsync(batchId, index, number, adopted, CancellationToken.None);
            return adopted;
        }

        try
        {
            var result = await twilio.PlaceAsync(call);
            await intents.RecordAsync(batchId, index, number, result, CancellationToken.None);
            return result;
        }
        catch (TransientTelephonyException e) when (!e.OutcomeUnknown)
        {
            // Twilio answered that it did not create the call, so the retry may dial without asking first.
            await intents.ForgetAsync(batchId, index, number, CancellationToken.None);
            throw;
        }
    }
}
