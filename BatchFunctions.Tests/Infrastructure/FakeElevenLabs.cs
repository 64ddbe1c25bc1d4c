using System.Net;
using System.Text;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>ElevenLabs at the edge of the app: answers agent and phone number look-ups with the JSON given.</summary>
public sealed class FakeElevenLabs(string agentJson) : HttpMessageHandler
{
    public const string PhoneNumberJson = """{ "phone_number": "+14155550000", "provider": "twilio", "label": "Main", "supports_outbound": true }""";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = path.StartsWith("/v1/convai/agents/", StringComparison.Ordinal) ? agentJson
            : path.StartsWith("/v1/convai/phone-numbers/", StringComparison.Ordinal) ? PhoneNumberJson
            : null;
        return Task.FromResult(body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
