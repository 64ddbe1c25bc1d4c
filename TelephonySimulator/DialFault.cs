namespace TelephonySimulator;

/// <summary>
/// A fault injected at run time into the next <see cref="Count"/> dial requests that match it (Twilio create-call
/// requests and ElevenLabs outbound-call requests). Each request takes the oldest pending fault it matches.
/// </summary>
public sealed record DialFault
{
    /// <summary>What the fault does.</summary>
    public DialFaultAction Action { get; init; }

    /// <summary>How many matching requests it applies to; at least 1.</summary>
    public int Count { get; init; } = 1;

    /// <summary>For <see cref="DialFaultAction.Fail"/>: the HTTP status, 400 to 599.</summary>
    public int HttpStatus { get; init; }

    /// <summary>
    /// For <see cref="DialFaultAction.Fail"/>: the Twilio error code; 0 takes Twilio's code for <see cref="HttpStatus"/>
    /// (20003 for 401, 20429 for 429, 20500 for 500, 20503 for 503, else 20001).
    /// </summary>
    public int ErrorCode { get; init; }

    /// <summary>For <see cref="DialFaultAction.Fail"/>: the error message; null takes Twilio's for the code.</summary>
    public string? Message { get; init; }

    /// <summary>How long to wait before answering, failing or dropping.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>For <see cref="DialFaultAction.Drop"/>: whether the call is created before the connection closes.</summary>
    public bool CallCreated { get; init; } = true;

    /// <summary>Only requests through this channel match; null matches every channel.</summary>
    public SimulatedChannel? Channel { get; init; }

    /// <summary>Only requests to this exact number match; null matches every number.</summary>
    public string? To { get; init; }
}
