namespace TelephonySimulator.Dialing;

/// <summary>Every dial request received, in the order they were answered (or dropped).</summary>
internal sealed class DialAttemptLog
{
    private readonly Lock gate = new();
    private readonly List<SimulatedDialAttempt> attempts = [];

    public void Record(SimulatedDialAttempt attempt)
    {
        lock (gate)
        {
            attempts.Add(attempt);
        }
    }

    public IReadOnlyList<SimulatedDialAttempt> All()
    {
        lock (gate)
        {
            return [.. attempts];
        }
    }
}
