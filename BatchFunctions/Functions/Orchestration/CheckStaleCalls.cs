using BatchFunctions.Domain;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Providers.Twilio;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// The watchdog: a lost status callback must not hold a concurrency slot forever, so calls without a
/// final callback for too long are looked up at the provider; those that ended come back with the
/// final status the callback would have carried.
/// </summary>
public sealed class CheckStaleCalls(TwilioCallPlacer twilio, ElevenLabsClient elevenLabs, TimeProvider time) : TaskActivity<WatchdogRequest, IReadOnlyList<StaleCallOutcome>>
{
    [Function(nameof(CheckStaleCalls))]
    public static Task<IReadOnlyList<StaleCallOutcome>> Run([ActivityTrigger] WatchdogRequest request, FunctionContext function) =>
        FunctionActivity.RunAsync<CheckStaleCalls, WatchdogRequest, IReadOnlyList<StaleCallOutcome>>(function, nameof(CheckStaleCalls), request);

    public override async Task<IReadOnlyList<StaleCallOutcome>> RunAsync(TaskActivityContext context, WatchdogRequest request)
    {
        var ended = new List<StaleCallOutcome>();
        foreach (var call in request.Calls.Where(c => c.Traceable))
        {
            var final = call.ConversationId is { } conversationId
                ? ConversationEnd(call, await elevenLabs.GetConversationAsync(conversationId, CancellationToken.None))
                : await twilio.FetchFinalStatusAsync(call.CallSid!, call.Attempt, time.GetUtcNow());
            if (final is not null)
            {
                ended.Add(new StaleCallOutcome(call.RecipientIndex, call.Attempt, final));
            }
        }

        return ended;
    }

    /// <summary>A SIP-trunk call's end, read from its conversation the way a Twilio callback would state it.</summary>
    private CallProgress? ConversationEnd(LiveCall call, ConversationState? conversation)
    {
        if (conversation is not { HasEnded: true })
        {
            return null;
        }

        var status = conversation.CallResult switch
        {
            "busy" => ProviderCallStatus.Busy,
            "no_answer" => ProviderCallStatus.NoAnswer,
            "failed" => ProviderCallStatus.Failed,
            _ when conversation.Status == "failed" => ProviderCallStatus.Failed,
            _ => ProviderCallStatus.Completed,
        };
        var answeredBy = conversation.CallResult == "voicemail" ? "machine_end_other" : null;
        return new CallProgress(call.Attempt, call.CallSid ?? call.ConversationId!, status, TwilioCallPlacer.WatchdogSequenceNumber, time.GetUtcNow(),
            conversation.CallDurationSeconds, answeredBy);
    }
}
