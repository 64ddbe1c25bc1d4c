using System.Security.Cryptography;

namespace TelephonySimulator.Calls;

/// <summary>The dial log, and the live-call counters that the concurrency tests read.</summary>
internal sealed class CallRegistry(OutcomePlanner planner, TimeProvider time) : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<CallState> calls = [];
    private readonly Dictionary<string, CallState> callsBySid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> callsPerNumber = new(StringComparer.Ordinal);
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

    public CallState Create(CallRequest request)
    {
        var sid = "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (gate)
        {
            // The n-th call to a number is numbered under the lock, so the draw never depends on timing.
            callsPerNumber.TryGetValue(request.To, out var ordinal);
            callsPerNumber[request.To] = ordinal + 1;
            var plan = planner.Plan(request.To, ordinal, request.TimeoutSeconds);
            var call = new CallState(sid, request, plan, time.GetUtcNow());
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
}
