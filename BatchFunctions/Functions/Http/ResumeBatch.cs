using BatchFunctions.Api;
using BatchFunctions.Batches;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>POST /api/batch-calling/{batch_id}/resume (our addition): dialing goes on where a pause stopped it.</summary>
public sealed class ResumeBatch(ApiKeyAuthenticator authenticator, BatchControl control)
{
    [Function(nameof(ResumeBatch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Resume)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        if (!authenticator.IsAuthorized(request))
        {
            return ApiError.Unauthorized();
        }

        var result = await control.ResumeAsync(durable, batchId, cancellationToken);
        return BatchControlResults.ToResponse(result, batchId);
    }
}
