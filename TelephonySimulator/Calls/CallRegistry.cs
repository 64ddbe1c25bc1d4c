using System.Security.Cryptography;

namespace TelephonySimulator.Calls;

/// <summary>
/// The dial log, the live-call counters that the concurrency tests read, and each Twilio account's calls-per-second
/// queue: a call is given the next free start slot of its account when it is created, so calls start in creation order.
/// </summary>
internal sealed class CallRegistry(OutcomePlanner planner, SimulatorOptions options, TimeProvider time) : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<CallState> calls = [];
    private readonly Dictionary<string, CallState> callsBySid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> callsPerNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> createAttemptsPerNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> nextStartSlot = new(StringComparer.Ordinal);
    private int liveCalls;
    private int peakLiveCalls;

    public int LiveCalls
    {
        get
        {
            lock (gate)
            {
                return liveCalls;
            }
        }
    }

    public int PeakLiveCalls
    {
        get
        {
            lock (gate)
            {
                return peakLiveCalls;
            }
        }
    }

    public int CallsCreated
    {
        get
        {
            lock (gate)
            {
                return calls.Count;
            }
        }
    }

    /// <summary>Numbers the create requests to a number (from 0), so a retry draws its refusal afresh.</summary>
    public int NextCreateAttempt(string to)
    {
        lock (gate)
        {
            createAttemptsPerNumber.TryGetValue(to, out var attempt);
            createAttemptsPerNumber[to] = attempt + 1;
            return attempt;
        }
    }

    public CallState Create(CallRequest request)
    {
        var sid = request.Channel == SimulatedChannel.SipTrunk
            ? Guid.NewGuid().ToString()
            : "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (gate)
        {
            // The n-th call to a number is numbered under the lock, so the draw never depends on timing.
            callsPerNumber.TryGetValue(request.To, out var ordinal);
            callsPerNumber[request.To] = ordinal + 1;
            var plan = planner.Plan(request.To, ordinal, request.TimeoutSeconds);
            var now = time.GetUtcNow();
            var call = new CallState(sid, request, plan, now, ReserveStartSlot(request, now));
            calls.Add(call);
            callsBySid.Add(sid, call);
            liveCalls++;
            peakLiveCalls = Math.Max(peakLiveCalls, liveCalls);
            return call;
        }
    }

    public CallState? Find(string accountSid, string sid)
    {
        lock (gate)
        {
            return callsBySid.TryGetValue(sid, out var call) && call.Request.AccountSid == accountSid ? call : null;
        }
    }

    public IReadOnlyList<CallState> All()
    {
        lock (gate)
        {
            return [.. calls];
        }
    }

    /// <summary>Stops counting the call as live; safe to call more than once.</summary>
    public void MarkEnded(CallState call)
    {
        lock (gate)
        {
            if (call.CountsAsLive)
            {
                call.CountsAsLive = false;
                liveCalls--;
            }
        }
    }

    public void Dispose()
    {
        foreach (var call in All())
        {
            call.Dispose();
        }
    }

    /// <summary>Under the lock: the account's next start slot, 1/CPS after the one before; calls ElevenLabs places do not queue.</summary>
    private DateTimeOffset ReserveStartSlot(CallRequest request, DateTimeOffset now)
    {
        var account = options.TwilioAccounts.Find(a => string.Equals(a.AccountSid, request.AccountSid, StringComparison.Ordinal));
        var callsPerSecond = account?.CallsPerSecond ?? options.CallsPerSecond;
        if (request.Channel != SimulatedChannel.Twilio || callsPerSecond <= 0)
        {
            return now;
        }

        var start = nextStartSlot.TryGetValue(request.AccountSid, out var slot) && slot > now ? slot : now;
        nextStartSlot[request.AccountSid] = start + TimeSpan.FromSeconds(1 / callsPerSecond);
        return start;
    }
}
