using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Providers;

public sealed class ElevenLabsClientTests
{
    [Fact]
    public async Task GetAgent_WithDynamicVariablePlaceholders_NamesThem()
    {
        var client = Client("""
            { "name": "Support", "conversation_config": { "agent": { "dynamic_variables": {
                "dynamic_variable_placeholders": { "phone_number": "+1", "customer_name": "there" } } } } }
            """);

        var agent = await client.GetAgentAsync("agent_1", CancellationToken.None);

        Assert.Equal(["customer_name", "phone_number"], agent!.DynamicVariables.Order());
    }

    [Theory]
    [InlineData("""{ "name": "Support" }""")]
    [InlineData("""{ "name": "Support", "conversation_config": { "agent": { "dynamic_variables": {} } } }""")]
    [InlineData("""{ "name": "Support", "conversation_config": { "agent": { "dynamic_variables": { "dynamic_variable_placeholders": null } } } }""")]
    [InlineData("""{ "name": "Support", "conversation_config": null }""")]
    public async Task GetAgent_WithoutPlaceholders_NoDynamicVariables(string json)
    {
        var agent = await Client(json).GetAgentAsync("agent_1", CancellationToken.None);

        Assert.Empty(agent!.DynamicVariables);
        Assert.Equal("Support", agent.Name);
    }

    private static ElevenLabsClient Client(string agentJson) =>
        new(new HttpClient(new FakeElevenLabs(agentJson)) { BaseAddress = new Uri("http://elevenlabs.test/") });
}
