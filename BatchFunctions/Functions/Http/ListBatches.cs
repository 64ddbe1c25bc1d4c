using BatchFunctions.Api;
using BatchFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>GET /v1/convai/batch-calling/workspace: the workspace's batches, newest first, a page at a time (limit, last_doc, agent_id).</summary>
public sealed class ListBatches(BatchReader batches)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 100;

    [Function(nameof(ListBatches))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Workspace)] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        var limit = ApiRequests.IntQuery(request, "limit", DefaultLimit, 1, MaxLimit, issues);
        var lastDoc = request.Query["last_doc"].ToString() is { Length: > 0 } cursor ? cursor : null;
        if (lastDoc is not null && !BatchIndex.IsCursor(lastDoc))
        {
            issues.Add(ValidationIssue.Value(["query", "last_doc"], "not a cursor this API returned; pass the next_doc of the previous page.", lastDoc));
        }

        if (issues.Count > 0)
        {
            return ApiError.Unprocessable(issues);
        }

        var agentId = request.Query["agent_id"].ToString() is { Length: > 0 } agent ? agent : null;
        var page = await batches.PageAsync(durable, agentId, lastDoc, limit!.Value, cancellationToken);
        return new JsonResult(page, ApiJson.Options);
    }
}
