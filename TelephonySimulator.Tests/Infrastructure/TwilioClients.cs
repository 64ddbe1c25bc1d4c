using Twilio.Clients;
using Twilio.Http;

namespace TelephonySimulator.Tests.Infrastructure;

internal static class TwilioClients
{
    public static TwilioRestClient For(SimulatorServer server, string accountSid = TestSimulator.AccountSid, string authToken = TestSimulator.AuthToken) =>
        new(accountSid, authToken, httpClient: new SystemNetHttpClient(new System.Net.Http.HttpClient(new SimulatorRedirectHandler(server.BaseUrl))));
}
