using BatchFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>GET /api/batch-calling/{batch_id}/results: what the batch's conversations achieved, counted for its charts.</summary>
public sealed class GetBatchResults(BatchReader batches, BatchResultsReader results)
{
    [Function(nameof(GetBatchResults))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Results)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        if (await batches.GetAsync(durable, batchId, cancellationToken) is null)
        {
            return ApiError.NoSuchBatch(batchId);
        }

        return new JsonResult(await results.ReadAsync(batchId, cancellationToken), ApiJson.Options);
    }
}
