namespace TelephonySimulator.Inspection;

/// <summary>A <see cref="DialFault"/> as <c>/simulator/faults</c> reads and writes it: snake_case, delays in milliseconds.</summary>
internal sealed record DialFaultBody(
    DialFaultAction? Action,
    int? Count,
    int? HttpStatus,
    int? ErrorCode,
    string? Message,
    int? DelayMs,
    bool? CallCreated,
    SimulatedChannel? Channel,
    string? To)
{
    public static DialFaultBody From(DialFault fault) => new(
        fault.Action,
        fault.Count,
        fault.HttpStatus,
        fault.ErrorCode,
        fault.Message,
        (int)fault.Delay.TotalMilliseconds,
        fault.CallCreated,
        fault.Channel,
        fault.To);

    /// <summary>The fault this body describes, or what to fix.</summary>
    public bool TryToFault(out DialFault fault, out string problem)
    {
        fault = new DialFault
        {
            Action = Action ?? default,
            Count = Count ?? 1,
            HttpStatus = HttpStatus ?? 0,
            ErrorCode = ErrorCode ?? 0,
            Message = Message,
            Delay = TimeSpan.FromMilliseconds(DelayMs ?? 0),
            CallCreated = CallCreated ?? true,
            Channel = Channel,
            To = To,
        };
        problem = Action is null
            ? "action is required: fail, drop or delay."
            : SimulatorFaults.Validate(fault) ?? "";
        return problem.Length == 0;
    }
}
