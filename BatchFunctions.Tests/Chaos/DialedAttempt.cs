using System.Globalization;
using System.Web;
using TelephonySimulator;

namespace BatchFunctions.Tests.Chaos;

/// <summary>Which (batch, recipient, attempt) a call in the simulator's dial log was placed for.</summary>
public sealed record DialedAttempt(string BatchId, int Recipient, int Attempt)
{
    /// <summary>
    /// Read from the call's status-callback URL, whose query the app writes and Twilio signs; null for a call the
    /// app did not place for a batch (a test call, or an URL without those values).
    /// </summary>
    public static DialedAttempt? Of(SimulatedCall call)
    {
        if (call.StatusCallbackUrl is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var query = HttpUtility.ParseQueryString(uri.Query);
        return query["batch_id"] is { Length: > 0 } batchId
            && int.TryParse(query["recipient"], NumberStyles.None, CultureInfo.InvariantCulture, out var recipient)
            && int.TryParse(query["attempt"], NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
                ? new DialedAttempt(batchId, recipient, attempt)
                : null;
    }
}
