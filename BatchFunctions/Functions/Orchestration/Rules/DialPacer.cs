namespace BatchFunctions.Functions.Orchestration.Rules;

/// <summary>
/// Token bucket for the provider account's calls per second, split evenly among the batches dialing.
/// The bucket holds at most one second's worth, so a burst never exceeds the rate.
/// </summary>
public sealed class DialPacer(double callsPerSecond, DateTime now)
{
    private double tokens = 1;
    private DateTime at = now;

    public bool TryTake(DateTime now, int activeBatches)
    {
        Refill(now, activeBatches);
        if (tokens < 1)
        {
            return false;
        }

        tokens--;
        return true;
    }

    /// <summary>When the next token will be there.</summary>
    public DateTime NextTokenAt(DateTime now, int activeBatches)
    {
        Refill(now, activeBatches);
        return tokens >= 1 ? now : now + TimeSpan.FromSeconds((1 - tokens) / Rate(activeBatches));
    }

    private void Refill(DateTime now, int activeBatches)
    {
        var rate = Rate(activeBatches);
        tokens = Math.Min(Math.Max(1, rate), tokens + (now - at).TotalSeconds * rate);
        at = now;
    }

    private double Rate(int activeBatches) => callsPerSecond / Math.Max(1, activeBatches);
}
