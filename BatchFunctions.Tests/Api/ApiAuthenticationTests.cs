using System.Reflection;
using BatchFunctions.Api;
using BatchFunctions.Functions.Http;
using BatchFunctions.Hosting;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;

namespace BatchFunctions.Tests.Api;

public sealed class ApiAuthenticationTests(ApiApp api) : IClassFixture<ApiApp>
{
    /// <summary>
    /// Every HTTP function but Twilio's and ElevenLabs' webhooks (which answer to a signature instead; see
    /// TwilioWebhookSecurityTests and ElevenLabsWebhookSecurityTests) and the dashboard's
    /// static files (public: the page asks for the key; see DashboardEndpointTests).
    /// </summary>
    public static TheoryData<string, string> ApiRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in typeof(BatchCallingServiceCollectionExtensions).Assembly.GetTypes().SelectMany(t => t.GetMethods()))
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (trigger is null
                || trigger.Route!.StartsWith("twilio/", StringComparison.Ordinal)
                || trigger.Route.StartsWith("elevenlabs/", StringComparison.Ordinal)
                || trigger.Route.Split('/')[0] == BatchFunctions.Api.ApiRoutes.Dashboard)
            {
                continue;
            }

            foreach (var verb in trigger.Methods!)
            {
                // Parameters, with or without constraints, become ids of their shape.
                var route = BatchFunctions.Api.ApiRoutes.PathOf(trigger.Route)
                    .Replace("{batchId}", "btcal_000000000000000000000000", StringComparison.Ordinal)
                    .Replace("{conversationId}", "conv_00000000000000000000000000000000", StringComparison.Ordinal);
                data.Add(verb.ToUpperInvariant(), route);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task Route_WithoutOrWithWrongKey_Is401(string method, string route)
    {
        using var http = new HttpClient { BaseAddress = api.App.BaseUrl };
        using var missing = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));
        using var wrong = new HttpRequestMessage(new HttpMethod(method), route);
        wrong.Headers.Add("xi-api-key", "not-" + Infrastructure.AppUnderTest.ApiKey);
        using var wrongResponse = await http.SendAsync(wrong);

        Assert.Equal(401, (int)missing.StatusCode);
        Assert.Equal(401, (int)wrongResponse.StatusCode);
        Assert.Equal("invalid_api_key", (await ApiApp.JsonOf(wrongResponse)).GetProperty("detail").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("dashboard/")]
    [InlineData("dashboard/app.js")]
    public async Task DashboardFile_WithoutKey_IsServed(string path)
    {
        using var http = new HttpClient { BaseAddress = api.App.BaseUrl };

        using var response = await http.GetAsync(path);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task TwilioWebhook_WithoutKeyOrSignature_IsRefusedBySignatureNotKey()
    {
        using var http = new HttpClient { BaseAddress = api.App.BaseUrl };

        using var response = await http.PostAsync("twilio/status?batch_id=btcal_000000000000000000000000&recipient=0&attempt=1", new FormUrlEncodedContent([]));

        Assert.Equal(403, (int)response.StatusCode);
    }

    [Fact]
    public void WithoutApiKey_MarksOnlyProviderWebhooksAndDashboardFiles()
    {
        var withoutKey = FunctionsMetadata.HttpRoutes().Select(f => f.Name).Where(ApiKeyMiddleware.IsWithoutKey).Order(StringComparer.Ordinal);

        Assert.Equal(
            [nameof(ElevenLabsPostCallWebhook), nameof(ServeDashboard), nameof(ServeDashboard) + "File", nameof(TwilioAnswer), nameof(TwilioCallStatus)],
            withoutKey);
    }

    [Fact]
    public async Task Route_WithSecondConfiguredKey_IsServed()
    {
        await using var app = await Infrastructure.AppUnderTest.StartAsync(
            Infrastructure.AppUnderTest.DefaultSimulatorOptions(), new Dictionary<string, string?> { ["Api:Keys:1"] = "rotated-key" });
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        http.DefaultRequestHeaders.Add("xi-api-key", "rotated-key");

        using var response = await http.GetAsync("v1/convai/batch-calling/workspace?limit=1");

        Assert.Equal(200, (int)response.StatusCode);
    }
}
