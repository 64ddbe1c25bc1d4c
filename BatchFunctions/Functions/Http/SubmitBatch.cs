using BatchFunctions.Api;
using BatchFunctions.Batches;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// POST /v1/convai/batch-calling/submit: ElevenLabs' submit. The recipients are checked as a dropped
/// file's rows are, the agent and phone number by the same launcher, and the batch starts (or waits for
/// its scheduled time). An Idempotency-Key header makes a repeated request return the first batch.
/// </summary>
public sealed partial class SubmitBatch(
    SubmitRequestReader reader,
    BatchLauncher launcher,
    BatchReader batches,
    ILogger<SubmitBatch> logger)
{
    [Function(nameof(SubmitBatch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Submit)] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var (submitted, issues) = await reader.ReadAsync(request, "api:submit", cancellationToken);
        if (submitted is null)
        {
            return ApiError.Unprocessable(issues);
        }

        var batchId = BatchIds.For(request.Headers[BatchIds.IdempotencyKeyHeader]);
        return await LaunchAsync(launcher, batches, durable, batchId, submitted, logger, cancellationToken);
    }

    /// <summary>Launches a checked batch and answers with it, or with why ElevenLabs' side refused it.</summary>
    internal static async Task<IActionResult> LaunchAsync(
        BatchLauncher launcher, BatchReader batches, DurableTaskClient durable, string batchId, SubmittedBatch submitted, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await launcher.LaunchAsync(durable, batchId, submitted.Request, submitted.Recipients, cancellationToken);
        }
        catch (BatchRejectedException e)
        {
            return ApiError.Unprocessable(ApiRequests.IssueFor(e));
        }
        catch (Exception e) when (ApiError.IsUpstreamFailure(e, cancellationToken))
        {
            LogUpstreamFailure(logger, batchId, e.Message);
            return ApiError.BadGateway($"ElevenLabs could not be asked about the agent or phone number: {e.Message}");
        }

        var snapshot = await batches.GetAsync(durable, batchId, cancellationToken);
        LogSubmitted(logger, batchId, submitted.Recipients.Recipients.Count, submitted.Request.Source);
        return new JsonResult(snapshot!.Summary, ApiJson.Options);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} submitted through the API ({Source}): {RecipientCount} recipients")]
    private static partial void LogSubmitted(ILogger logger, string batchId, int recipientCount, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} not submitted: ElevenLabs failed: {Detail}")]
    private static partial void LogUpstreamFailure(ILogger logger, string batchId, string detail);
}
