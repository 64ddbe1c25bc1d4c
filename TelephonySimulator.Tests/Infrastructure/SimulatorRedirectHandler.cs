namespace TelephonySimulator.Tests.Infrastructure;

/// <summary>
/// The Twilio SDK always builds https://api.twilio.com/... URLs; this points each request at the simulator instead,
/// keeping path and query exactly as the SDK built them.
/// </summary>
internal sealed class SimulatorRedirectHandler(Uri simulator) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        request.RequestUri = new Uri(simulator, original.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
