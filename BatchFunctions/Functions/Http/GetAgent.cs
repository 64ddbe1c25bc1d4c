using BatchFunctions.Api;
using BatchFunctions.Providers.ElevenLabs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace BatchFunctions.Functions.Http;

/// <summary>GET /api/batch-calling/agents/{agent_id} (our addition): an ElevenLabs agent, looked up as a batch would look it up.</summary>
public sealed class GetAgent(ElevenLabsDirectory directory)
{
    [Function(nameof(GetAgent))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Agent)] HttpRequest request,
        string agentId,
        CancellationToken cancellationToken)
    {
        try
        {
            return await directory.GetAgentAsync(agentId, cancellationToken) is { } agent
                ? new JsonResult(AgentResponse.From(agent), ApiJson.Options)
                : ApiError.NotFound($"ElevenLabs has no agent '{agentId}' in this workspace.");
        }
        catch (Exception e) when (ApiError.IsUpstreamFailure(e, cancellationToken))
        {
            return ApiError.BadGateway($"ElevenLabs could not be asked about the agent: {e.Message}");
        }
    }
}
