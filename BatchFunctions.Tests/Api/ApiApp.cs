using System.Net.Http.Json;
using System.Text.Json;
using BatchFunctions.Tests.Infrastructure;
using TelephonySimulator;

namespace BatchFunctions.Tests.Api;

/// <summary>One app for a test class's API tests, with an agent of its own so listings see only its batches.</summary>
public sealed class ApiApp : IAsyncLifetime
{
    public string AgentId { get; } = "agent_api_" + Guid.NewGuid().ToString("N")[..8];

    public AppUnderTest App { get; private set; } = null!;

    public HttpClient Http => App.Http;

    public async Task InitializeAsync()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.Agents.Add(new SimulatedAgent { AgentId = AgentId, Name = "API agent", AllowedOverrides = ["first_message"] });
        App = await AppUnderTest.StartAsync(simulator);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public object SubmitBody(params string[] numbers) => new
    {
        call_name = "API test",
        agent_id = AgentId,
        agent_phone_number_id = AppUnderTest.PhoneNumberId,
        recipients = numbers.Select(n => new { phone_number = n }).ToArray(),
    };

    public async Task<string> SubmitAsync(params string[] numbers)
    {
        using var response = await Http.PostAsJsonAsync("v1/convai/batch-calling/submit", SubmitBody(numbers));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> WaitForStatusAsync(string batchId, string status) =>
        await App.WaitForStatusAsync(batchId, status, TimeSpan.FromSeconds(60));

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The loc of every issue of a 422, each as JSON text (e.g. ["body","recipients",1,"phone_number"]).</summary>
    public static async Task<List<string>> LocsOf(HttpResponseMessage response)
    {
        Assert.Equal(422, (int)response.StatusCode);
        var body = await JsonOf(response);
        return [.. body.GetProperty("detail").EnumerateArray().Select(d => d.GetProperty("loc").GetRawText())];
    }
}
