using System.Globalization;

namespace TelephonySimulator;

/// <summary>
/// Faults a test injects into a running simulator, deterministically: the next dial requests fail, are dropped or
/// are slow, and every dial request can be made slower. The standalone simulator exposes the same through
/// <c>/simulator/faults</c>. Safe to use from any thread.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly Lock gate = new();
    private readonly List<DialFault> pending = [];
    private TimeSpan latency;

    internal SimulatorFaults()
    {
    }

    /// <summary>
    /// Extra time every dial request takes before it is answered, on top of any fault's <see cref="DialFault.Delay"/>.
    /// The request counts as in flight meanwhile (see <see cref="SimulatorOptions.MaxConcurrentCreateRequests"/>).
    /// </summary>
    public TimeSpan Latency
    {
        get
        {
            lock (gate)
            {
                return latency;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (gate)
            {
                latency = value;
            }
        }
    }

    /// <summary>The faults still to apply, oldest first, each with the number of requests it has left.</summary>
    public IReadOnlyList<DialFault> Pending
    {
        get
        {
            lock (gate)
            {
                return [.. pending];
            }
        }
    }

    /// <summary>Queues <paramref name="fault"/> behind the faults already pending.</summary>
    /// <exception cref="ArgumentException">The fault is inconsistent; the message names the property.</exception>
    public void Add(DialFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (Validate(fault) is { } problem)
        {
            throw new ArgumentException(problem, nameof(fault));
        }

        lock (gate)
        {
            pending.Add(fault);
        }
    }

    /// <summary>The next <paramref name="count"/> dial requests are refused with <paramref name="httpStatus"/> and Twilio error <paramref name="errorCode"/>.</summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="httpStatus">The HTTP status, 400 to 599, e.g. 429, 500 or 503.</param>
    /// <param name="errorCode">The Twilio error code; 0 takes Twilio's for the status.</param>
    /// <param name="channel">Only requests through this channel; null for any.</param>
    public void FailNextDials(int count, int httpStatus, int errorCode = 0, SimulatedChannel? channel = null) =>
        Add(new DialFault { Action = DialFaultAction.Fail, Count = count, HttpStatus = httpStatus, ErrorCode = errorCode, Channel = channel });

    /// <summary>The next <paramref name="count"/> dial requests get no answer: the connection closes.</summary>
    /// <param name="count">How many requests are dropped.</param>
    /// <param name="callCreated">Whether each call is created (and plays out) before its connection closes.</param>
    /// <param name="channel">Only requests through this channel; null for any.</param>
    public void DropNextDials(int count, bool callCreated = true, SimulatedChannel? channel = null) =>
        Add(new DialFault { Action = DialFaultAction.Drop, Count = count, CallCreated = callCreated, Channel = channel });

    /// <summary>The next <paramref name="count"/> dial requests are answered normally, <paramref name="delay"/> late.</summary>
    /// <param name="count">How many requests are slow.</param>
    /// <param name="delay">How late; a client with a shorter timeout gives up while the call already exists.</param>
    /// <param name="channel">Only requests through this channel; null for any.</param>
    public void DelayNextDials(int count, TimeSpan delay, SimulatedChannel? channel = null) =>
        Add(new DialFault { Action = DialFaultAction.Delay, Count = count, Delay = delay, Channel = channel });

    /// <summary>Removes every pending fault and resets <see cref="Latency"/> to zero.</summary>
    public void Clear()
    {
        lock (gate)
        {
            pending.Clear();
            latency = TimeSpan.Zero;
        }
    }

    /// <summary>Null when <paramref name="fault"/> is consistent, else what to fix.</summary>
    internal static string? Validate(DialFault fault)
    {
        if (fault.Count < 1)
        {
            return Invariant($"Count must be at least 1; it is {fault.Count}.");
        }

        if (!Enum.IsDefined(fault.Action))
        {
            return $"Action must be one of {string.Join(", ", Enum.GetNames<DialFaultAction>())}.";
        }

        if (fault.Action == DialFaultAction.Fail && fault.HttpStatus is < 400 or > 599)
        {
            return Invariant($"HttpStatus must be an error status from 400 to 599 for a Fail fault; it is {fault.HttpStatus}.");
        }

        if (fault.ErrorCode < 0)
        {
            return Invariant($"ErrorCode must be a Twilio error code or 0; it is {fault.ErrorCode}.");
        }

        if (fault.Delay < TimeSpan.Zero)
        {
            return Invariant($"Delay must not be negative; it is {fault.Delay}.");
        }

        return fault.Channel is { } channel && !Enum.IsDefined(channel)
            ? $"Channel must be one of {string.Join(", ", Enum.GetNames<SimulatedChannel>())}."
            : null;
    }

    /// <summary>Takes one use of the oldest pending fault that matches the request, if any.</summary>
    internal DialFault? TryTake(SimulatedChannel channel, string? to)
    {
        lock (gate)
        {
            var index = pending.FindIndex(f => (f.Channel is null || f.Channel == channel) && (f.To is null || f.To == to));
            if (index < 0)
            {
                return null;
            }

            var fault = pending[index];
            if (fault.Count == 1)
            {
                pending.RemoveAt(index);
            }
            else
            {
                pending[index] = fault with { Count = fault.Count - 1 };
            }

            return fault with { Count = 1 };
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
