using BatchFunctions.Api;
using BatchFunctions.Options;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// GET /api/batch-calling/defaults (our addition): what a new batch gets unless told otherwise (the
/// configured agent and phone number, looked up in ElevenLabs, region, time zone, calling window) and the
/// agents and phone numbers of the most recent batches, for the dashboard's create form.
/// </summary>
public sealed class GetBatchDefaults(
    ElevenLabsDirectory directory,
    BatchIndex index,
    IOptions<BatchDefaultsOptions> defaults,
    IOptions<DispatchOptions> dispatch)
{
    private const int RecentBatches = 100;

    [Function(nameof(GetBatchDefaults))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Defaults)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var options = defaults.Value;
        var recent = index.PageAsync(null, null, RecentBatches, cancellationToken);
        var agent = LookUpAsync(options.DefaultAgentId, "agent", id => directory.GetAgentAsync(id, cancellationToken), AgentResponse.From);
        var number = LookUpAsync(options.DefaultPhoneNumberId, "phone number", id => directory.GetPhoneNumberAsync(id, cancellationToken), PhoneNumberResponse.From);
        var batches = (await recent).Select(entry => entry.Definition).ToList();
        var (defaultAgent, agentError) = await agent;
        var (defaultNumber, numberError) = await number;
        return new JsonResult(
            new BatchDefaultsResponse(
                options.DefaultAgentId,
                defaultAgent,
                agentError,
                options.DefaultPhoneNumberId,
                defaultNumber,
                numberError,
                options.DefaultRegion,
                options.DefaultTimeZone,
                options.DefaultCallingWindow,
                dispatch.Value.WorkspaceConcurrencyLimit,
                [.. batches.DistinctBy(b => b.AgentId).Select(b => new RecentAgent(b.AgentId, b.AgentName))],
                [.. batches.Select(b => b.PhoneNumberId).Distinct(StringComparer.Ordinal)]),
            ApiJson.Options);
    }

    /// <returns>The profile, or why there is none; both null when no default is configured.</returns>
    private static async Task<(TResponse? Found, string? Error)> LookUpAsync<TProfile, TResponse>(
        string? id, string what, Func<string, Task<TProfile?>> find, Func<TProfile, TResponse> project)
        where TProfile : class
        where TResponse : class
    {
        if (string.IsNullOrEmpty(id))
        {
            return (null, null);
        }

        try
        {
            return await find(id) is { } profile ? (project(profile), null) : (null, $"ElevenLabs has no {what} '{id}' in this workspace.");
        }
        catch (Exception e) when (e is HttpRequestException or ElevenLabsConfigurationException or TaskCanceledException)
        {
            return (null, $"ElevenLabs could not be asked about the {what}: {e.Message}");
        }
    }
}
