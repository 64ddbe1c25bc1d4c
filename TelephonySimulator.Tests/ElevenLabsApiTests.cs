using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using TelephonySimulator.Tests.Infrastructure;

namespace TelephonySimulator.Tests;

public sealed class ElevenLabsApiTests : IAsyncLifetime
{
    private SimulatorServer server = null!;

    public async Task InitializeAsync() => server = await TestSimulator.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task GetAgent_KnownAgent_ReturnsOverridesAndConcurrencyLimit()
    {
        using var http = Client(TestSimulator.ElevenLabsApiKey);

        using var response = await http.GetAsync("v1/convai/agents/agent_locked");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("agent_locked", root.GetProperty("agent_id").GetString());
        Assert.Equal("Locked agent", root.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("conversation_config").ValueKind);
        var overrides = root.GetProperty("platform_settings").GetProperty("overrides").GetProperty("conversation_config_override");
        Assert.False(overrides.GetProperty("agent").GetProperty("first_message").GetBoolean());
        Assert.True(overrides.GetProperty("agent").GetProperty("language").GetBoolean());
        Assert.False(overrides.GetProperty("agent").GetProperty("prompt").GetProperty("prompt").GetBoolean());
        Assert.False(overrides.GetProperty("tts").GetProperty("voice_id").GetBoolean());
        Assert.Equal(-1, root.GetProperty("platform_settings").GetProperty("call_limits").GetProperty("agent_concurrency_limit").GetInt32());
    }

    [Fact]
    public async Task GetAgent_AllOverridesAllowed_ReportsEveryOverrideAndLimit()
    {
        using var http = Client(TestSimulator.ElevenLabsApiKey);

        using var body = JsonDocument.Parse(await http.GetStringAsync("v1/convai/agents/agent_full"));
        var settings = body.RootElement.GetProperty("platform_settings");
        var overrides = settings.GetProperty("overrides").GetProperty("conversation_config_override");

        Assert.True(overrides.GetProperty("agent").GetProperty("first_message").GetBoolean());
        Assert.True(overrides.GetProperty("agent").GetProperty("prompt").GetProperty("prompt").GetBoolean());
        Assert.True(overrides.GetProperty("tts").GetProperty("voice_id").GetBoolean());
        Assert.Equal(10, settings.GetProperty("call_limits").GetProperty("agent_concurrency_limit").GetInt32());
    }

    [Fact]
    public async Task GetAgent_UnknownAgent_Returns404WithDetail()
    {
        using var http = Client(TestSimulator.ElevenLabsApiKey);

        using var response = await http.GetAsync("v1/convai/agents/agent_missing");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("agent_missing", body.RootElement.GetProperty("detail").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData(null)]
    public async Task GetAgent_BadOrMissingApiKey_Returns401InvalidApiKey(string? key)
    {
        using var anonymous = Client(key);

        using var response = await anonymous.GetAsync("v1/convai/agents/agent_full");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_api_key", body.RootElement.GetProperty("detail").GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetPhoneNumber_Assigned_ReturnsNumberAndAssignedAgent()
    {
        using var http = Client(TestSimulator.ElevenLabsApiKey);

        using var body = JsonDocument.Parse(await http.GetStringAsync("v1/convai/phone-numbers/phnum_assigned"));
        var root = body.RootElement;

        Assert.Equal("phnum_assigned", root.GetProperty("phone_number_id").GetString());
        Assert.Equal(TestSimulator.CallerId, root.GetProperty("phone_number").GetString());
        Assert.Equal("twilio", root.GetProperty("provider").GetString());
        Assert.Equal("Main", root.GetProperty("label").GetString());
        Assert.True(root.GetProperty("supports_outbound").GetBoolean());
        Assert.True(root.GetProperty("supports_inbound").GetBoolean());
        Assert.Equal("agent_full", root.GetProperty("assigned_agent").GetProperty("agent_id").GetString());
        Assert.Equal("Full agent", root.GetProperty("assigned_agent").GetProperty("agent_name").GetString());
    }

    [Fact]
    public async Task GetPhoneNumber_Unassigned_ReturnsNullAssignedAgent()
    {
        using var http = Client(TestSimulator.ElevenLabsApiKey);

        using var body = JsonDocument.Parse(await http.GetStringAsync("v1/convai/phone-numbers/phnum_free"));

        Assert.Equal("sip_trunk", body.RootElement.GetProperty("provider").GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("assigned_agent").ValueKind);
    }

    [Fact]
    public async Task GetPhoneNumber_Unknown_Returns404()
    {
        using var http = Client(TestSimulator.ElevenLabsApiKey);

        using var response = await http.GetAsync("v1/convai/phone-numbers/phnum_missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RegisterCall_KnownAgent_ReturnsConnectStreamTwimlAndRecordsConversation()
    {
        using var http = Client(TestSimulator.ElevenLabsApiKey);

        using var response = await http.PostAsJsonAsync("v1/convai/twilio/register-call", new
        {
            agent_id = "agent_full",
            from_number = TestSimulator.CallerId,
            to_number = "+15550900001",
            direction = "outbound",
            conversation_initiation_client_data = new
            {
                dynamic_variables = new { name = "Ann", balance = 12.5 },
                conversation_config_override = new { agent = new { language = "de" } },
            },
        });
        var twiml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", twiml, StringComparison.Ordinal);
        var stream = XDocument.Parse(twiml).Root!.Element("Connect")!.Element("Stream")!;
        var url = new Uri(stream.Attribute("url")!.Value);
        Assert.Equal("wss", url.Scheme);
        var conversation = Assert.Single(server.Conversations);
        Assert.Equal($"?conversation_id={conversation.ConversationId}", url.Query);
        Assert.StartsWith("conv_", conversation.ConversationId, StringComparison.Ordinal);
        Assert.Equal("agent_full", conversation.AgentId);
        Assert.Equal("+15550900001", conversation.ToNumber);
        Assert.Equal("outbound", conversation.Direction);
        Assert.Equal("de", conversation.ConversationInitiationClientData!.Value
            .GetProperty("conversation_config_override").GetProperty("agent").GetProperty("language").GetString());
        using var logged = JsonDocument.Parse(await http.GetStringAsync("simulator/conversations"));
        Assert.Equal(
            "Ann",
            Assert.Single(logged.RootElement.EnumerateArray())
                .GetProperty("conversation_initiation_client_data").GetProperty("dynamic_variables").GetProperty("name").GetString());
    }

    [Fact]
    public async Task RegisterCall_UnknownAgent_Returns404AndRecordsNothing()
    {
        using var http = Client(TestSimulator.ElevenLabsApiKey);

        using var response = await http.PostAsJsonAsync("v1/convai/twilio/register-call", new
        {
            agent_id = "agent_missing",
            from_number = TestSimulator.CallerId,
            to_number = "+15550900001",
            direction = "outbound",
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(server.Conversations);
    }

    [Fact]
    public async Task RegisterCall_MissingNumbers_Returns422NamingFields()
    {
        using var http = Client(TestSimulator.ElevenLabsApiKey);

        using var response = await http.PostAsJsonAsync("v1/convai/twilio/register-call", new { agent_id = "agent_full" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(
            ["from_number", "to_number"],
            body.RootElement.GetProperty("detail").EnumerateArray().Select(d => d.GetProperty("loc")[1].GetString()));
    }

    [Fact]
    public async Task RegisterCall_WrongApiKey_Returns401()
    {
        using var anonymous = Client("wrong-key");

        using var response = await anonymous.PostAsJsonAsync("v1/convai/twilio/register-call", new { agent_id = "agent_full" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Conversations);
    }

    private HttpClient Client(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = server.BaseUrl };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("xi-api-key", apiKey);
        }

        return client;
    }
}
