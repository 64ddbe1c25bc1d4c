using Microsoft.Extensions.Logging;
using TelephonySimulator.Logging;
using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.Calls;

/// <summary>
/// Plays one call out in the background: progress callbacks, the answer request, the wait while it rings and talks,
/// and the terminal callback. Callbacks for one call go out one at a time, in order, because they are awaited here.
/// </summary>
internal sealed class CallPlayout(
    CallState call,
    SimulatorOptions options,
    TwilioWebhookClient webhooks,
    TwilioAccountDirectory accounts,
    CallRegistry registry,
    TimeProvider time,
    ILogger logger)
{
    private const int FailedCallErrorCode = 32009;

    // When the answer URL fails, Twilio plays "an application error has occurred" and hangs up.
    private const double ApplicationErrorSeconds = 3;

    private CallRequest Request => call.Request;

    public async Task RunAsync(CancellationToken stopping)
    {
        using var hangupOrStop = CancellationTokenSource.CreateLinkedTokenSource(stopping, call.HangupRequested);
        try
        {
            await PlayAsync(hangupOrStop.Token, stopping);
            await FinishAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The server is shutting down; calls still in flight simply stop.
        }
    }

    private async Task PlayAsync(CancellationToken hangupOrStop, CancellationToken stopping)
    {
        call.MarkStarted(time.GetUtcNow());
        await NotifyAsync(CallEvent.Initiated, "initiated", stopping);
        if (!call.TryRing(time.GetUtcNow()))
        {
            return;
        }

        await NotifyAsync(CallEvent.Ringing, CallStatus.Ringing.ToWire(), stopping);
        var plan = call.Plan;
        if (!await WaitAsync(plan.RingSeconds, hangupOrStop, stopping))
        {
            return;
        }

        switch (plan.Outcome)
        {
            case SimulatedOutcome.Human or SimulatedOutcome.Voicemail:
                await TalkAsync(plan, hangupOrStop, stopping);
                break;
            case SimulatedOutcome.Busy:
                call.TryFinish(CallStatus.Busy, time.GetUtcNow(), 0, 486, null);
                break;
            case SimulatedOutcome.NoAnswer:
                call.TryFinish(CallStatus.NoAnswer, time.GetUtcNow(), 0, 487, null);
                break;
            default:
                call.TryFinish(CallStatus.Failed, time.GetUtcNow(), 0, 500, FailedCallErrorCode);
                break;
        }
    }

    private async Task TalkAsync(CallPlan plan, CancellationToken hangupOrStop, CancellationToken stopping)
    {
        if (!call.TryAnswer(time.GetUtcNow(), DetectAnsweredBy(plan.Outcome, Request.MachineDetection)))
        {
            return;
        }

        var talkSeconds = plan.TalkSeconds;
        if (Request.Url is { } answerUrl)
        {
            var answer = await webhooks.SendAsync(
                answerUrl,
                Request.Method,
                TwilioWebhookParameters.Answer(call.Snapshot()),
                AuthToken(),
                stopping);
            call.RecordAnswerTwiml(answer.Body);
            if (!answer.IsSuccess)
            {
                talkSeconds = ApplicationErrorSeconds;
            }
        }
        else
        {
            call.RecordAnswerTwiml(Request.Twiml);
        }

        // A REST hang-up may have ended the call while its TwiML was being fetched; then it was never "answered".
        if (call.Snapshot().Status != CallStatus.InProgress)
        {
            return;
        }

        await NotifyAsync(CallEvent.Answered, CallStatus.InProgress.ToWire(), stopping);
        if (await WaitAsync(talkSeconds, hangupOrStop, stopping))
        {
            call.TryFinish(CallStatus.Completed, time.GetUtcNow(), (int)Math.Round(talkSeconds), 200, null);
        }
    }

    private async Task FinishAsync(CancellationToken stopping)
    {
        var ended = call.Snapshot();
        Log.CallEnded(logger, ended.Sid, ended.Status.ToWire(), ended.DurationSeconds ?? 0);

        // The terminal callback goes out whichever events were asked for.
        if (Request.StatusCallback is not null)
        {
            await SendCallbackAsync(CallEvent.Completed, ended.Status.ToWire(), stopping);
        }

        registry.MarkEnded(call);
    }

    private async Task NotifyAsync(CallEvent callEvent, string callStatus, CancellationToken stopping)
    {
        if (Request.StatusCallback is not null && Request.StatusCallbackEvents.Contains(callEvent))
        {
            await SendCallbackAsync(callEvent, callStatus, stopping);
        }
    }

    private async Task SendCallbackAsync(CallEvent callEvent, string callStatus, CancellationToken stopping)
    {
        var sequenceNumber = call.NextSequenceNumber();
        var sentAt = time.GetUtcNow();
        var parameters = TwilioWebhookParameters.StatusCallback(call.Snapshot(), callEvent, callStatus, sequenceNumber, sentAt);
        var result = await webhooks.SendAsync(
            Request.StatusCallback!,
            Request.StatusCallbackMethod,
            parameters,
            AuthToken(),
            stopping);
        call.RecordCallback(new SimulatedCallback(callEvent.ToWire(), callStatus, sequenceNumber, result.HttpStatus, sentAt));
    }

    /// <summary>Waits simulated seconds; false when a REST update hung the call up meanwhile.</summary>
    private async Task<bool> WaitAsync(double simulatedSeconds, CancellationToken hangupOrStop, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(simulatedSeconds / options.TimeAcceleration), time, hangupOrStop);
            return true;
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private string AuthToken() => accounts.FindAuthToken(Request.AccountSid) ?? "";

    private static string? DetectAnsweredBy(SimulatedOutcome outcome, MachineDetectionMode mode) => (outcome, mode) switch
    {
        (_, MachineDetectionMode.None) => null,
        (SimulatedOutcome.Human, _) => "human",
        (_, MachineDetectionMode.DetectMessageEnd) => "machine_end_beep",
        _ => "machine_start",
    };
}
