using BatchFunctions.Api;
using BatchFunctions.Batches;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// The control endpoints that take no body: each gives the batch one command and
/// answers with the batch as the command leaves it, or 404/409 (<see cref="BatchControlResults"/>).
/// </summary>
public sealed class BatchCommandFunctions(BatchControl control)
{
    /// <summary>POST /v1/convai/batch-calling/{batch_id}/retry: calls the failed and unanswered recipients of a finished batch again (409 while it runs).</summary>
    [Function("RetryBatch")]
    public Task<IActionResult> Retry(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Retry)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        RunAsync(batchId, () => control.RetryAsync(durable, batchId, cancellationToken));

    /// <summary>POST /api/batch-calling/{batch_id}/pause (our addition): no new calls until resumed; live calls go on.</summary>
    [Function("PauseBatch")]
    public Task<IActionResult> Pause(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Pause)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        RunAsync(batchId, () => control.PauseAsync(durable, batchId, cancellationToken));

    /// <summary>POST /api/batch-calling/{batch_id}/resume (our addition): dialing goes on where a pause stopped it.</summary>
    [Function("ResumeBatch")]
    public Task<IActionResult> Resume(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Resume)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        RunAsync(batchId, () => control.ResumeAsync(durable, batchId, cancellationToken));

    private static async Task<IActionResult> RunAsync(string batchId, Func<Task<BatchCommandResult>> command) =>
        BatchControlResults.ToResponse(await command(), batchId);
}
