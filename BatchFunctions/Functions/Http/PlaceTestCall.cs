using BatchFunctions.Api;
using BatchFunctions.Batches;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// POST /api/batch-calling/test-call (our addition): "Test call" before submitting. The body is a submit
/// body with exactly one recipient; it becomes a one-recipient batch (source api:test-call, named
/// "Test call: ...", started at once whatever its schedule), followed like any other batch.
/// </summary>
public sealed class PlaceTestCall(
    SubmitRequestReader reader,
    BatchLauncher launcher,
    BatchReader batches,
    ILogger<PlaceTestCall> logger)
{
    [Function(nameof(PlaceTestCall))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.TestCall)] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var (submitted, issues) = await reader.ReadAsync(request, "api:test-call", cancellationToken);
        if (submitted is null)
        {
            return ApiError.Unprocessable(issues);
        }

        if (submitted.Recipients.Recipients.Count != 1)
        {
            return ApiError.Unprocessable(ValidationIssue.Value(["body", "recipients"], "a test call has exactly one recipient."));
        }

        var testCall = submitted with
        {
            Request = submitted.Request with { Name = "Test call: " + submitted.Request.Name, ScheduledAt = null },
        };
        return await SubmitBatch.LaunchAsync(launcher, batches, durable, BatchIds.For(request.Headers[BatchIds.IdempotencyKeyHeader]), testCall, logger, cancellationToken);
    }
}
