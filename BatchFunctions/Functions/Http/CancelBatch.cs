using BatchFunctions.Api;
using BatchFunctions.Batches;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>POST /v1/convai/batch-calling/{batch_id}/cancel: stops dialing; pending recipients become cancelled. Our addition: ?hang_up_live_calls=true also ends calls in progress.</summary>
public sealed class CancelBatch(BatchControl control)
{
    [Function(nameof(CancelBatch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Cancel)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        var hangUp = ApiRequests.BoolQuery(request, "hang_up_live_calls", issues);
        if (issues.Count > 0)
        {
            return ApiError.Unprocessable(issues);
        }

        var result = await control.CancelAsync(durable, batchId, hangUp, cancellationToken);
        return BatchControlResults.ToResponse(result, batchId);
    }
}
