using Azure;
using BatchFunctions.Domain;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Providers.Twilio;
using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Looks up live calls whose end has not been reported: a lost final callback or a host restart must
/// not hold a slot, so calls are asked about at the provider periodically. Attempts whose dial outcome
/// is unknown are looked up in the attempt store (the winner's record, or a call id a callback
/// reported); one that stays unknown for a live-call check interval after its claim (longer than a
/// dial with its retries takes, and than Twilio takes to send a call's first callback) is settled
/// without ever dialing it again: not placed if Twilio lists no call to the number since the claim,
/// else failed as unknown.
/// A call that cannot be looked up now is simply looked up next time.
/// </summary>
public sealed class CheckLiveCalls(AttemptStore attempts, RecipientStore recipients, TwilioCallPlacer twilio, ElevenLabsClient elevenLabs, TimeProvider time)
    : TaskActivity<CheckRequest, IReadOnlyList<LiveCallCheck>>
{
    [Function(nameof(CheckLiveCalls))]
    public static Task<IReadOnlyList<LiveCallCheck>> Run([ActivityTrigger] CheckRequest request, FunctionContext function) =>
        FunctionActivity.RunAsync<CheckLiveCalls, CheckRequest, IReadOnlyList<LiveCallCheck>>(function, nameof(CheckLiveCalls), request);

    public override async Task<IReadOnlyList<LiveCallCheck>> RunAsync(TaskActivityContext context, CheckRequest request)
    {
        var checks = new List<LiveCallCheck>();
        foreach (var call in request.Calls)
        {
            try
            {
                if (await CheckAsync(request, call) is { } check)
                {
                    checks.Add(check);
                }
            }
            catch (Exception e) when (e is TransientTelephonyException or RequestFailedException or HttpRequestException or TaskCanceledException)
            {
                // Asked again at the call's next check.
            }
        }

        return checks;
    }

    private async Task<LiveCallCheck?> CheckAsync(CheckRequest request, LiveCall call)
    {
        if (call.OutcomeUnknown)
        {
            return await SettleUnknownAsync(request, call);
        }

        var now = time.GetUtcNow();
        var ended = call.ConversationId is { } conversationId
            ? ConversationEnd(call, await elevenLabs.GetConversationAsync(conversationId, CancellationToken.None))
            : await twilio.FetchFinalStatusAsync(call.CallSid!, call.Ticket.Attempt, now);
        return ended is null ? null : new LiveCallCheck(call.Id, Ended: ended);
    }

    private async Task<LiveCallCheck?> SettleUnknownAsync(CheckRequest request, LiveCall call)
    {
        var record = await attempts.GetAsync(request.BatchId, call.Id, CancellationToken.None);
        switch (record)
        {
            case null or { State: AttemptState.Queued or AttemptState.Released }:
                // Null: a run claimed it after the read, so it is claimed now; looked up again next time.
                return await attempts.WithdrawAsync(request.BatchId, call.Id, call.Ticket.Try, CancellationToken.None) is { } redialAs
                    ? new LiveCallCheck(call.Id, RedialAsTry: redialAs)
                    : null;
            case { Result: { } result }:
                return new LiveCallCheck(call.Id, Dialed: result);
            case { CallbackCallSid: { } sid }:
                return new LiveCallCheck(call.Id, Dialed: new DialResult(DialOutcome.Placed, sid));
        }

        var claimedAt = record.ClaimedAt ?? DateTimeOffset.MinValue;
        if (time.GetUtcNow() - claimedAt < request.Dial.LiveCallCheckInterval)
        {
            return null;
        }

        var settled = request.Dial.Provider == PhoneProvider.SipTrunk
            ? Unknown("ElevenLabs did not answer the SIP-trunk call request and offers no way to look the call up")
            : await twilio.AnyCallSinceAsync(
                (await recipients.GetAsync(request.BatchId, call.Ticket.RecipientIndex, CancellationToken.None))?.PhoneNumber
                    ?? throw new InvalidOperationException($"Recipient {call.Ticket.RecipientIndex} of batch {request.BatchId} is not in storage."),
                request.Dial.FromNumber,
                claimedAt)
                ? Unknown("Twilio did not answer the dial and lists a call to this number since, which may or may not be this attempt's")
                : new DialResult(DialOutcome.RecipientRejected, null, FailureReason.ProviderUnavailable,
                    "The call was not placed: Twilio did not answer the dial and has no call to this number since.");
        await attempts.RecordAsync(request.BatchId, call.Id, settled, CancellationToken.None);
        return new LiveCallCheck(call.Id, Dialed: settled);
    }

    private static DialResult Unknown(string why) =>
        new(DialOutcome.RecipientRejected, null, FailureReason.OutcomeUnknown, $"{why}; not dialed again, to avoid calling twice.");

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
        return new CallProgress(call.Ticket.Attempt, call.CallSid ?? call.ConversationId!, status, TwilioCallPlacer.WatchdogSequenceNumber, time.GetUtcNow(),
            conversation.CallDurationSeconds, answeredBy);
    }
}
