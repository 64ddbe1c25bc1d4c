using BatchFunctions.Api;
using BatchFunctions.Batches;
using BatchFunctions.Ingestion;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// POST /api/batch-calling/upload (our addition): a recipient file as multipart/form-data, with the batch
/// settings as form fields named like the blob metadata (call_name, agent_id, agent_phone_number_id,
/// region, target_concurrency_limit, plus scheduled_time_unix and timezone). It is checked exactly as a
/// dropped file is: bad rows are left out and reported, a file nobody can be called from is refused.
/// </summary>
public sealed class UploadBatchFile(UploadedBatchReader reader, BatchLauncher launcher, BatchReader batches)
{
    [Function(nameof(UploadBatchFile))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Upload)] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        if (await reader.ReadAsync(request, "api:upload", issues, cancellationToken) is not { } upload)
        {
            return ApiError.Unprocessable(issues);
        }

        var batchId = BatchIds.For(request.Headers[BatchIds.IdempotencyKeyHeader]);
        ParsedRecipientList? list = null;
        BatchFunctions.Domain.BatchDefinition definition;
        try
        {
            list = reader.Parse(upload);
            definition = await launcher.LaunchAsync(durable, batchId, upload.Request, list, cancellationToken);
        }
        catch (BatchRejectedException e)
        {
            return ApiError.Unprocessable(UploadedBatchReader.Issues(e, list));
        }
        catch (Exception e) when (ApiError.IsUpstreamFailure(e, cancellationToken))
        {
            return ApiError.BadGateway($"ElevenLabs could not be asked about the agent or phone number: {e.Message}");
        }

        var batch = await batches.GetAsync(durable, batchId, cancellationToken);
        return new JsonResult(new UploadResponse(batch!.Summary, UploadedBatchReader.Report(upload, list, null, definition.AgentName)), ApiJson.Options);
    }
}
