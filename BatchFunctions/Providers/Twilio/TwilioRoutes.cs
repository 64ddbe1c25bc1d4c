using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace BatchFunctions.Providers.Twilio;

/// <summary>
/// Our webhook addresses as handed to Twilio. The query names the call attempt; Twilio signs the
/// whole URL, so these values cannot be forged either.
/// </summary>
public static class TwilioRoutes
{
    public const string Answer = "twilio/answer";
    public const string Status = "twilio/status";

    public static Uri For(Uri publicBaseUrl, string route, string batchId, int recipientIndex, int attempt)
    {
        var root = publicBaseUrl.AbsoluteUri.TrimEnd('/');
        var query = $"batch_id={Uri.EscapeDataString(batchId)}&recipient={recipientIndex}&attempt={attempt}";
        return new Uri($"{root}/{route}?{query}");
    }

    /// <summary>Reads back the call attempt a webhook request is about.</summary>
    public static CallbackTarget? Read(IQueryCollection query)
    {
        var batchId = query["batch_id"].ToString();
        return batchId.Length > 0
            && int.TryParse(query["recipient"], NumberStyles.None, CultureInfo.InvariantCulture, out var recipient)
            && int.TryParse(query["attempt"], NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
                ? new CallbackTarget(batchId, recipient, attempt)
                : null;
    }
}
