using BatchFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// GET /api/batch-calling/{batch_id}/timeline: calls dialed, answered and ended per minute. A route of its own rather
/// than part of /results: it reads every call record of the batch, not the conversation results, so a client asks
/// for it at its own pace.
/// </summary>
public sealed class GetBatchTimeline(BatchReader batches)
{
    [Function(nameof(GetBatchTimeline))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Timeline)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        if (await batches.GetAsync(durable, batchId, cancellationToken) is not { } batch)
        {
            return ApiError.NoSuchBatch(batchId);
        }

        var timeline = new CallTimeline();
        await foreach (var call in batches.CallsAsync(durable, batchId, batch.Definition.TotalRecipients, cancellationToken))
        {
            timeline.Add(call);
        }

        return new JsonResult(timeline.ToResponse(batchId), ApiJson.Options);
    }
}
