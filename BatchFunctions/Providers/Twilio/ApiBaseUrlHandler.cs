namespace BatchFunctions.Providers.Twilio;

/// <summary>
/// The Twilio SDK always addresses api.twilio.com; to rehearse against the telephony simulator the
/// request is re-addressed here, below the SDK, so the SDK itself runs unchanged.
/// </summary>
public sealed class ApiBaseUrlHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
