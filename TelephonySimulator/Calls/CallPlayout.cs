using System.Globalization;
using Microsoft.Extensions.Logging;
using TelephonySimulator.ElevenLabsApi;
using TelephonySimulator.Logging;
using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.Calls;

/// <summary>
/// Plays one call out in the background: the wait in the calls-per-second queue, progress callbacks, the answer
/// request, the wait while it rings and talks, the terminal callback, and its conversation's processing. Callbacks for
/// one call go out one at a time because they are awaited here; a reordered one is held back until the next has gone.
/// </summary>
internal sealed class CallPlayout(
    CallState call,
    SimulatorOptions options,
    TwilioWebhookClient webhooks,
    TwilioAccountDirectory accounts,
    CallRegistry registry,
    ConversationTracker conversations,
    PostCallWebhookSender postCallWebhooks,
    TimeProvider time,
    ILogger logger)
{
    private const int FailedCallErrorCode = 32009;

    // When the answer URL fails, Twilio plays "an application error has occurred" and hangs up.
    private const double ApplicationErrorSeconds = 3;

    private PendingCallback? held;

    private CallRequest Request => call.Request;

    private CallPlan Plan => call.Plan;

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
        if (!await WaitRealAsync(call.StartAt - time.GetUtcNow(), hangupOrStop, stopping))
        {
            // Canceled while it waited in the account's queue: it never started.
            return;
        }

        call.MarkStarted(time.GetUtcNow());
        await NotifyAsync(CallEvent.Initiated, "initiated", stopping);
        if (!call.TryRing(time.GetUtcNow()))
        {
            return;
        }

        await NotifyAsync(CallEvent.Ringing, CallStatus.Ringing.ToWire(), stopping);
        if (!await WaitAsync(Plan.RingSeconds, hangupOrStop, stopping))
        {
            return;
        }

        switch (Plan.Outcome)
        {
            case SimulatedOutcome.Human or SimulatedOutcome.Voicemail:
                await TalkAsync(hangupOrStop, stopping);
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

    private async Task TalkAsync(CancellationToken hangupOrStop, CancellationToken stopping)
    {
        if (!call.TryAnswer(time.GetUtcNow(), DetectAnsweredBy()))
        {
            return;
        }

        conversations.Answered(call);
        var talkSeconds = Plan.TalkSeconds;
        var answeredBy = call.Snapshot().AnsweredBy;
        var greetingSeconds = 0.0;
        if (Request.MachineDetection == MachineDetectionMode.DetectMessageEnd && answeredBy?.StartsWith("machine_end", StringComparison.Ordinal) == true)
        {
            // Synchronous DetectMessageEnd: Twilio listens through the machine's greeting and fetches the TwiML only at
            // its end (the beep), so whatever the TwiML says lands in the recording.
            greetingSeconds = Plan.GreetingSeconds;
            if (!await WaitAsync(greetingSeconds, hangupOrStop, stopping))
            {
                return;
            }
        }

        string? twiml;
        if (Request.Url is { } answerUrl)
        {
            var answer = await webhooks.SendAsync(
                answerUrl,
                Request.Method,
                TwilioWebhookParameters.Answer(call.Snapshot()),
                AuthToken(),
                stopping);
            call.RecordAnswerTwiml(answer.Body);
            twiml = answer.IsSuccess ? answer.Body : null;
            if (answer.IsSuccess)
            {
                conversations.LinkFromTwiml(call, answer.Body);
            }
            else
            {
                talkSeconds = ApplicationErrorSeconds;
            }
        }
        else
        {
            twiml = Request.Twiml;
            call.RecordAnswerTwiml(Request.Twiml);
        }

        // TwiML that connects nowhere (a <Say> and <Hangup/>) is spoken to the callee, and the call ends with it.
        if (TwimlScript.Parse(twiml) is { Connects: false } script)
        {
            call.RecordPlayed(script);
            talkSeconds = script.Seconds;
        }

        // A REST hang-up may have ended the call while its TwiML was being fetched; then it was never "answered".
        if (call.Snapshot().Status != CallStatus.InProgress)
        {
            return;
        }

        await NotifyAsync(CallEvent.Answered, CallStatus.InProgress.ToWire(), stopping);
        if (await WaitAsync(talkSeconds, hangupOrStop, stopping))
        {
            call.TryFinish(CallStatus.Completed, time.GetUtcNow(), (int)Math.Round(greetingSeconds + talkSeconds), 200, null);
        }
    }

    private async Task FinishAsync(CancellationToken stopping)
    {
        var ended = call.Snapshot();
        Log.CallEnded(logger, ended.Sid, ended.Status.ToWire(), ended.DurationSeconds ?? 0);

        // The terminal callback goes out whichever events were asked for, unless a rule loses it. The call stops
        // counting as live once the application has it, before a callback held back for reordering follows it.
        if (Request.StatusCallback is not null)
        {
            if (Plan.LoseTerminalCallback)
            {
                call.NextSequenceNumber();
            }
            else
            {
                await SendCallbackAsync(CallEvent.Completed, ended.Status.ToWire(), () => registry.MarkEnded(call), stopping);
            }

            await FlushHeldAsync(stopping);
        }

        registry.MarkEnded(call);
        if (conversations.Ended(ended) && await WaitAsync(options.ConversationProcessingSeconds, stopping, stopping))
        {
            conversations.Processed(ended.ConversationId!);
            await postCallWebhooks.DeliverAsync(ended.ConversationId!, stopping);
        }
    }

    private async Task NotifyAsync(CallEvent callEvent, string callStatus, CancellationToken stopping)
    {
        if (Request.StatusCallback is not null && Request.StatusCallbackEvents.Contains(callEvent))
        {
            await SendCallbackAsync(callEvent, callStatus, delivered: null, stopping);
        }
    }

    private async Task SendCallbackAsync(CallEvent callEvent, string callStatus, Action? delivered, CancellationToken stopping)
    {
        var sequenceNumber = call.NextSequenceNumber();
        var parameters = TwilioWebhookParameters.StatusCallback(call.Snapshot(), callEvent, callStatus, sequenceNumber, time.GetUtcNow());
        var callback = new PendingCallback(callEvent, callStatus, sequenceNumber, parameters);

        // Only one callback waits at a time, and never the terminal one, so each swap is of two adjacent callbacks.
        if (callEvent != CallEvent.Completed && held is null && Draws(sequenceNumber, "reorder-callback", Plan.ReorderCallbackProbability))
        {
            held = callback;
            return;
        }

        await DeliverAsync(callback, reordered: false, delivered, stopping);
        await FlushHeldAsync(stopping);
    }

    private async Task FlushHeldAsync(CancellationToken stopping)
    {
        if (held is { } late)
        {
            held = null;
            await DeliverAsync(late, reordered: true, delivered: null, stopping);
        }
    }

    private async Task DeliverAsync(PendingCallback callback, bool reordered, Action? delivered, CancellationToken stopping)
    {
        await SendOnceAsync(callback, repeated: false, reordered, stopping);
        delivered?.Invoke();
        if (Draws(callback.SequenceNumber, "duplicate-callback", Plan.DuplicateCallbackProbability))
        {
            await SendOnceAsync(callback, repeated: true, reordered, stopping);
        }
    }

    private async Task SendOnceAsync(PendingCallback callback, bool repeated, bool reordered, CancellationToken stopping)
    {
        var sentAt = time.GetUtcNow();
        var result = await webhooks.SendAsync(Request.StatusCallback!, Request.StatusCallbackMethod, callback.Parameters, AuthToken(), stopping);
        call.RecordCallback(new SimulatedCallback(callback.Event.ToWire(), callback.CallStatus, callback.SequenceNumber, result.HttpStatus, sentAt)
        {
            Repeated = repeated,
            Reordered = reordered,
        });
    }

    /// <summary>Whether a callback-delivery fault hits this callback: drawn per (number, n-th call, sequence number).</summary>
    private bool Draws(int sequenceNumber, string purpose, double probability) =>
        probability > 0
        && DeterministicDraw.Uniform(
            options.Seed,
            Request.To,
            Plan.Ordinal,
            string.Create(CultureInfo.InvariantCulture, $"{purpose}:{sequenceNumber}")) < probability;

    /// <summary>Waits simulated seconds; false when a REST update hung the call up meanwhile.</summary>
    private Task<bool> WaitAsync(double simulatedSeconds, CancellationToken hangupOrStop, CancellationToken stopping) =>
        WaitRealAsync(TimeSpan.FromSeconds(simulatedSeconds / options.TimeAcceleration), hangupOrStop, stopping);

    private async Task<bool> WaitRealAsync(TimeSpan delay, CancellationToken hangupOrStop, CancellationToken stopping)
    {
        if (hangupOrStop.IsCancellationRequested)
        {
            stopping.ThrowIfCancellationRequested();
            return false;
        }

        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(delay, time, hangupOrStop);
            return true;
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private string AuthToken() => accounts.FindAuthToken(Request.AccountSid) ?? "";

    private string? DetectAnsweredBy() => (Plan.Outcome, Request.MachineDetection) switch
    {
        (_, MachineDetectionMode.None) => null,
        _ when Plan.AnsweredBy is { } imposed => imposed,
        (SimulatedOutcome.Human, _) => "human",
        (_, MachineDetectionMode.DetectMessageEnd) => "machine_end_beep",
        _ => "machine_start",
    };

    private sealed record PendingCallback(
        CallEvent Event,
        string CallStatus,
        int SequenceNumber,
        IReadOnlyList<KeyValuePair<string, string>> Parameters);
}
