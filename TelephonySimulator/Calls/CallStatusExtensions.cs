namespace TelephonySimulator.Calls;

internal static class CallStatusExtensions
{
    public static string ToWire(this CallStatus status) => status switch
    {
        CallStatus.Queued => "queued",
        CallStatus.Ringing => "ringing",
        CallStatus.InProgress => "in-progress",
        CallStatus.Completed => "completed",
        CallStatus.Busy => "busy",
        CallStatus.Failed => "failed",
        CallStatus.NoAnswer => "no-answer",
        CallStatus.Canceled => "canceled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool IsTerminal(this CallStatus status) =>
        status is CallStatus.Completed or CallStatus.Busy or CallStatus.Failed or CallStatus.NoAnswer or CallStatus.Canceled;

    public static bool TryParseWire(string? value, out CallStatus status)
    {
        foreach (var candidate in Enum.GetValues<CallStatus>())
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
