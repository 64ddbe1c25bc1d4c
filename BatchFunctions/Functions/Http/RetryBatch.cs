using BatchFunctions.Api;
using BatchFunctions.Batches;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>POST /v1/convai/batch-calling/{batch_id}/retry: calls the failed and unanswered recipients of a finished batch again (409 while it runs).</summary>
public sealed class RetryBatch(ApiKeyAuthenticator authenticator, BatchControl control)
{
    [Function(nameof(RetryBatch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Retry)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        if (!authenticator.IsAuthorized(request))
        {
            return ApiError.Unauthorized();
        }

        var result = await control.RetryAsync(durable, batchId, cancellationToken);
        return BatchControlResults.ToResponse(result, batchId);
    }
}
