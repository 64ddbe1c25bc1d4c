using Microsoft.Extensions.Logging;
using TelephonySimulator.Logging;

namespace TelephonySimulator.TwilioApi;

/// <summary>Sends signed webhooks (answer URL requests and status callbacks) the way Twilio does.</summary>
internal sealed class TwilioWebhookClient : IDisposable
{
    // Twilio waits 15 seconds for a webhook response before it gives up on it.
    private static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient http;
    private readonly ILogger<TwilioWebhookClient> logger;

    public TwilioWebhookClient(ILogger<TwilioWebhookClient> logger)
    {
        this.logger = logger;
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = WebhookTimeout,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("TwilioProxy/1.1");
    }

    public async Task<WebhookResult> SendAsync(
        string url,
        string method,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        string authToken,
        CancellationToken cancellationToken)
    {
        using var request = BuildRequest(url, method, parameters, authToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new WebhookResult((int)response.StatusCode, body);
        }
        catch (HttpRequestException exception)
        {
            Log.WebhookFailed(logger, url, exception.Message);
            return new WebhookResult(0, null);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; Twilio records it as no response.
            Log.WebhookFailed(logger, url, exception.Message);
            return new WebhookResult(0, null);
        }
    }

    public void Dispose() => http.Dispose();

    private static HttpRequestMessage BuildRequest(
        string url,
        string method,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        string authToken)
    {
        HttpRequestMessage request;
        if (string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            // For GET Twilio puts the parameters in the query string and signs the whole URL alone.
            var query = string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
            var fullUrl = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
            request = new HttpRequestMessage(HttpMethod.Get, fullUrl);
            request.Headers.TryAddWithoutValidation(TwilioSignature.HeaderName, TwilioSignature.Compute(authToken, fullUrl, []));
        }
        else
        {
            request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(parameters) };
            request.Headers.TryAddWithoutValidation(TwilioSignature.HeaderName, TwilioSignature.Compute(authToken, url, parameters));
        }

        request.Headers.Accept.ParseAdd("*/*");
        return request;
    }
}
