namespace TelephonySimulator.Calls;

internal static class CallEventExtensions
{
    public static string ToWire(this CallEvent callEvent) => callEvent switch
    {
        CallEvent.Initiated => "initiated",
        CallEvent.Ringing => "ringing",
        CallEvent.Answered => "answered",
        CallEvent.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(callEvent), callEvent, null),
    };

    public static bool TryParseWire(string? value, out CallEvent callEvent)
    {
        foreach (var candidate in Enum.GetValues<CallEvent>())
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.OrdinalIgnoreCase))
            {
                callEvent = candidate;
                return true;
            }
        }

        callEvent = default;
        return false;
    }
}
