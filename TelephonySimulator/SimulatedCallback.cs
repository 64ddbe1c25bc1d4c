namespace TelephonySimulator;

/// <summary>One status callback the simulator sent.</summary>
/// <param name="Event">The call progress event: <c>initiated</c>, <c>ringing</c>, <c>answered</c> or <c>completed</c>.</param>
/// <param name="CallStatus">The <c>CallStatus</c> field sent.</param>
/// <param name="SequenceNumber">The <c>SequenceNumber</c> field sent (0, 1, 2, ... per call).</param>
/// <param name="HttpStatus">The receiver's HTTP status code; 0 when no response arrived.</param>
/// <param name="SentAt">When the request was sent.</param>
public sealed record SimulatedCallback(string Event, string CallStatus, int SequenceNumber, int HttpStatus, DateTimeOffset SentAt)
{
    /// <summary>A second delivery of the callback before it, with the same <see cref="SequenceNumber"/>.</summary>
    public bool Repeated { get; init; }

    /// <summary>Held back and delivered after the callback that followed it.</summary>
    public bool Reordered { get; init; }
}
