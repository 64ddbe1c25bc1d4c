namespace TelephonySimulator.Tests.Infrastructure;

internal static class ElevenLabsClients
{
    public static HttpClient For(SimulatorServer server, string? apiKey = TestSimulator.ElevenLabsApiKey)
    {
        var client = new HttpClient { BaseAddress = server.BaseUrl };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("xi-api-key", apiKey);
        }

        return client;
    }
}
