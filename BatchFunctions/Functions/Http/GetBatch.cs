using BatchFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// GET /v1/convai/batch-calling/{batch_id}: ElevenLabs' BatchCallDetailedResponse, the batch's counters
/// and every recipient's status, streamed as it is read so batches of any size are served.
/// </summary>
public sealed class GetBatch(BatchReader batches)
{
    [Function(nameof(GetBatch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Batch)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        if (await batches.GetAsync(durable, batchId, cancellationToken) is not { } batch)
        {
            return ApiError.NoSuchBatch(batchId);
        }

        var createdAt = batch.Definition.CreatedAt;
        var state = batch.State;
        var recipients = batches.RecipientsAsync(durable, batchId, batch.Definition.TotalRecipients, limit: null, cancellationToken)
            .Select(r => BatchResponses.Recipient(r, createdAt, state));
        return new BatchDetailResult(batch.Summary, recipients);
    }
}
