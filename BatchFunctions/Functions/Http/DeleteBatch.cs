using BatchFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>DELETE /v1/convai/batch-calling/{batch_id}: stops the batch if it runs and deletes it with every record of its recipients (204).</summary>
public sealed class DeleteBatch(BatchRemover remover)
{
    [Function(nameof(DeleteBatch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Batch)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        try
        {
            return await remover.RemoveAsync(durable, batchId, cancellationToken)
                ? new NoContentResult()
                : ApiError.NoSuchBatch(batchId);
        }
        catch (TimeoutException e)
        {
            return ApiError.Conflict($"{e.Message} Try the delete again.");
        }
    }
}
