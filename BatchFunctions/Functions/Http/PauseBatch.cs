using BatchFunctions.Api;
using BatchFunctions.Batches;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>POST /api/batch-calling/{batch_id}/pause (our addition): no new calls until resumed; live calls go on.</summary>
public sealed class PauseBatch(ApiKeyAuthenticator authenticator, BatchControl control)
{
    [Function(nameof(PauseBatch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Pause)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        if (!authenticator.IsAuthorized(request))
        {
            return ApiError.Unauthorized();
        }

        var result = await control.PauseAsync(durable, batchId, cancellationToken);
        return BatchControlResults.ToResponse(result, batchId);
    }
}
