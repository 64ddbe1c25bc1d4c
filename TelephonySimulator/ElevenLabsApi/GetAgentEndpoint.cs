using Microsoft.AspNetCore.Http;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>GET /v1/convai/agents/{agent_id}</c>.</summary>
internal static class GetAgentEndpoint
{
    public static IResult Handle(string agentId, SimulatorOptions options)
    {
        var agent = options.Agents.FirstOrDefault(a => string.Equals(a.AgentId, agentId, StringComparison.Ordinal));
        return agent is null
            ? ElevenLabsErrors.NotFound("agent_not_found", $"Agent with id {agentId} was not found.")
            : Results.Json(AgentResponse.From(agent), SimulatorJson.Options);
    }
}
