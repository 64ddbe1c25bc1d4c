namespace TelephonySimulator.Calls;

/// <summary>
/// One call's mutable state. The playout and REST updates race on it, so every transition happens under one lock
/// and only from the status it expects: whichever side ends the call first wins, the other sees a terminal status.
/// </summary>
internal sealed class CallState(string sid, CallRequest request, CallPlan plan, DateTimeOffset createdAt, DateTimeOffset startAt)
    : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<SimulatedCallback> callbacks = [];
    private readonly CancellationTokenSource hangup = new();
    private CallStatus status = CallStatus.Queued;
    private readonly DateTimeOffset createdAt = createdAt;
    private DateTimeOffset updatedAt = createdAt;
    private DateTimeOffset? startedAt;
    private DateTimeOffset? answeredAt;
    private DateTimeOffset? endedAt;
    private int? durationSeconds;
    private int? sipResponseCode;
    private int? errorCode;
    private string? answeredBy;
    private string? answerTwiml;
    private TwimlScript? script;
    private int nextSequenceNumber;
    private string? linkedConversationId;

    public string Sid { get; } = sid;

    public CallRequest Request { get; } = request;

    public CallPlan Plan { get; } = plan;

    /// <summary>When the call leaves its account's calls-per-second queue; the creation time when it does not wait.</summary>
    public DateTimeOffset StartAt { get; } = startAt;

    /// <summary>The request's conversation, or the register-call conversation its answer TwiML connected.</summary>
    public string? ConversationId
    {
        get
        {
            lock (gate)
            {
                return Request.ConversationId ?? linkedConversationId;
            }
        }
    }

    /// <summary>Cancelled when a REST update ends the call, to cut the playout's current wait short.</summary>
    public CancellationToken HangupRequested => hangup.Token;

    /// <summary>Guarded by <see cref="CallRegistry"/>: whether the call still counts as live.</summary>
    public bool CountsAsLive { get; set; } = true;

    public void MarkStarted(DateTimeOffset now)
    {
        lock (gate)
        {
            startedAt ??= now;
            updatedAt = now;
        }
    }

    public bool TryRing(DateTimeOffset now) => TryMove(CallStatus.Queued, CallStatus.Ringing, now);

    public bool TryAnswer(DateTimeOffset now, string? detectedAnsweredBy)
    {
        lock (gate)
        {
            if (status != CallStatus.Ringing)
            {
                return false;
            }

            status = CallStatus.InProgress;
            answeredAt = now;
            answeredBy = detectedAnsweredBy;
            updatedAt = now;
            return true;
        }
    }

    public bool TryFinish(CallStatus terminal, DateTimeOffset now, int duration, int sipCode, int? error)
    {
        lock (gate)
        {
            if (status.IsTerminal())
            {
                return false;
            }

            End(terminal, now, duration, sipCode, error);
            return true;
        }
    }

    /// <summary>Applies Twilio's update semantics for <c>Status=canceled</c> and <c>Status=completed</c>.</summary>
    public HangupResult RequestHangup(CallStatus requested, DateTimeOffset now, double timeAcceleration)
    {
        lock (gate)
        {
            if (status.IsTerminal())
            {
                return requested == CallStatus.Canceled ? HangupResult.NoEffect : HangupResult.AlreadyEnded;
            }

            if (status == CallStatus.InProgress)
            {
                if (requested == CallStatus.Canceled)
                {
                    // "canceled" only affects queued or ringing calls; Twilio leaves a connected call alone.
                    return HangupResult.NoEffect;
                }

                var talked = (now - (answeredAt ?? now)).TotalSeconds * timeAcceleration;
                End(CallStatus.Completed, now, (int)Math.Round(talked), 200, null);
            }
            else
            {
                // A call hung up before it connected is "canceled" whichever status was asked for.
                End(CallStatus.Canceled, now, 0, 487, null);
            }
        }

        // Asynchronously, so the playout's continuation does not run on the REST request's thread.
        _ = hangup.CancelAsync();
        return HangupResult.Ended;
    }

    public int NextSequenceNumber()
    {
        lock (gate)
        {
            return nextSequenceNumber++;
        }
    }

    public void RecordCallback(SimulatedCallback callback)
    {
        lock (gate)
        {
            callbacks.Add(callback);
        }
    }

    public void RecordAnswerTwiml(string? twiml)
    {
        lock (gate)
        {
            answerTwiml = twiml;
        }
    }

    /// <summary>The answer TwiML's speech and recordings, once the call has played them to the callee.</summary>
    public void RecordPlayed(TwimlScript played)
    {
        lock (gate)
        {
            script = played;
        }
    }

    public void LinkConversation(string conversationId)
    {
        lock (gate)
        {
            linkedConversationId = conversationId;
        }
    }

    public CallSnapshot Snapshot()
    {
        lock (gate)
        {
            return new CallSnapshot(
                Sid,
                Request,
                Plan,
                status,
                createdAt,
                updatedAt,
                startedAt,
                endedAt,
                durationSeconds,
                sipResponseCode,
                errorCode,
                answeredBy,
                answerTwiml,
                [.. callbacks],
                StartAt - createdAt,
                Request.ConversationId ?? linkedConversationId,
                script?.Said ?? [],
                script?.Played ?? []);
        }
    }

    public void Dispose() => hangup.Dispose();

    private bool TryMove(CallStatus from, CallStatus to, DateTimeOffset now)
    {
        lock (gate)
        {
            if (status != from)
            {
                return false;
            }

            status = to;
            updatedAt = now;
            return true;
        }
    }

    private void End(CallStatus terminal, DateTimeOffset now, int duration, int sipCode, int? error)
    {
        status = terminal;
        startedAt ??= now;
        endedAt = now;
        updatedAt = now;
        durationSeconds = duration;
        sipResponseCode = sipCode;
        errorCode = error;
    }
}
