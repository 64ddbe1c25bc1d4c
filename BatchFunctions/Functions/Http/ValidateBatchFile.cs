using BatchFunctions.Api;
using BatchFunctions.Batches;
using BatchFunctions.Ingestion;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// POST /api/batch-calling/validate (our addition): a dry run of the upload. The file and settings go
/// through every check a batch must pass, the agent's and phone number's included, and the answer says
/// what would be called, which rows would be left out and why, and what was detected; nothing is created.
/// </summary>
public sealed class ValidateBatchFile(UploadedBatchReader reader, BatchLauncher launcher)
{
    [Function(nameof(ValidateBatchFile))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Validate)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        if (await reader.ReadAsync(request, "api:validate", issues, cancellationToken) is not { } upload)
        {
            return ApiError.Unprocessable(issues);
        }

        ParsedRecipientList? list = null;
        try
        {
            list = reader.Parse(upload);
            var definition = await launcher.ValidateAsync(BatchIds.For(null), upload.Request, list, cancellationToken);
            return new JsonResult(UploadedBatchReader.Report(upload, list, null, definition.AgentName), ApiJson.Options);
        }
        catch (BatchRejectedException e)
        {
            return new JsonResult(UploadedBatchReader.Report(upload, list, e.Message, null), ApiJson.Options);
        }
        catch (Exception e) when (ApiError.IsUpstreamFailure(e, cancellationToken))
        {
            return ApiError.BadGateway($"ElevenLabs could not be asked about the agent or phone number: {e.Message}");
        }
    }
}
