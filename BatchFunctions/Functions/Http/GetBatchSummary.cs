using BatchFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// GET /api/batch-calling/{batch_id}/summary (our addition): the batch's counters and milestones without
/// its recipients, cheap enough to poll every second or two from a live view.
/// </summary>
public sealed class GetBatchSummary(BatchReader batches, TimeProvider clock)
{
    [Function(nameof(GetBatchSummary))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Summary)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        if (await batches.GetAsync(durable, batchId, cancellationToken) is not { } batch)
        {
            return ApiError.NoSuchBatch(batchId);
        }

        var state = batch.State;
        return new JsonResult(
            new BatchOverviewResponse(
                batch.Summary,
                state.StartedAt?.ToUnixTimeSeconds(),
                state.DispatchFinishedAt?.ToUnixTimeSeconds(),
                state.CancelledAt?.ToUnixTimeSeconds(),
                clock.GetUtcNow().ToUnixTimeSeconds()),
            ApiJson.Options);
    }
}
