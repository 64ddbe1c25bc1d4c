using BatchFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// GET /v1/convai/batch-calling/{batch_id}/export: a CSV of every recipient's input row joined with its
/// outcome, streamed; limit previews the first N recipients. Available at any time, not only once the
/// batch has ended (then it is a snapshot).
/// </summary>
public sealed class ExportBatch(BatchReader batches)
{
    [Function(nameof(ExportBatch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Export)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        var limit = ApiRequests.IntQuery(request, "limit", null, 1, int.MaxValue, issues);
        if (issues.Count > 0)
        {
            return ApiError.Unprocessable(issues);
        }

        if (await batches.GetAsync(durable, batchId, cancellationToken) is not { } batch)
        {
            return ApiError.NoSuchBatch(batchId);
        }

        // The header needs every column's name (variables, data fields, criteria) before the first row: one
        // streamed pass first, keeping only the names.
        var total = batch.Definition.TotalRecipients;
        var columns = await BatchExportResult.ColumnsOfAsync(batches.RecipientsAsync(durable, batchId, total, limit, cancellationToken), cancellationToken);
        return new BatchExportResult(batchId, columns, batches.RecipientsAsync(durable, batchId, total, limit, cancellationToken), batch.State.UndialedStatus);
    }
}
