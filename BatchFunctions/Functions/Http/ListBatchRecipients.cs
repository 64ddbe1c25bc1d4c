using BatchFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// GET /api/batch-calling/{batch_id}/recipients (our addition): one page of the batch's recipients
/// (offset, limit up to 500), optionally only those in the statuses named by status (comma-separated;
/// "live" stands for dispatched, initiated and in_progress), with how many match in all.
/// </summary>
public sealed class ListBatchRecipients(BatchReader batches, RecipientPages pages)
{
    [Function(nameof(ListBatchRecipients))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Recipients)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        var offset = ApiRequests.IntQuery(request, "offset", 0, 0, int.MaxValue, issues);
        var limit = ApiRequests.IntQuery(request, "limit", RecipientPages.DefaultLimit, 1, RecipientPages.MaxLimit, issues);
        var statusText = request.Query["status"].ToString();
        var filter = RecipientPages.ParseFilter(statusText, issues);
        if (issues.Count > 0)
        {
            return ApiError.Unprocessable(issues);
        }

        if (await batches.GetAsync(durable, batchId, cancellationToken) is not { } batch)
        {
            return ApiError.NoSuchBatch(batchId);
        }

        var names = statusText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => n.ToLowerInvariant()).Distinct().ToList();
        var page = await pages.ReadAsync(durable, batch, names, filter!, offset!.Value, limit!.Value, cancellationToken);
        return new JsonResult(page, ApiJson.Options);
    }
}
