namespace TelephonySimulator.Dialing;

/// <summary>Counts each Twilio account's create requests in flight.</summary>
internal sealed class CreateRequestGate
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> inFlight = new(StringComparer.Ordinal);

    public bool TryEnter(string accountSid, int limit)
    {
        lock (gate)
        {
            inFlight.TryGetValue(accountSid, out var count);
            if (count >= limit)
            {
                return false;
            }

            inFlight[accountSid] = count + 1;
            return true;
        }
    }

    public void Exit(string accountSid)
    {
        lock (gate)
        {
            inFlight[accountSid]--;
        }
    }
}
