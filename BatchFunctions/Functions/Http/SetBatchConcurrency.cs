using BatchFunctions.Api;
using BatchFunctions.Batches;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>POST /api/batch-calling/{batch_id}/concurrency (our addition): {"target_concurrency_limit": n} changes how many calls the batch keeps live.</summary>
public sealed class SetBatchConcurrency(BatchControl control)
{
    [Function(nameof(SetBatchConcurrency))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Concurrency)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        using var body = await ApiRequests.ReadJsonAsync(request, issues, cancellationToken);
        int? limit = null;
        if (body is not null)
        {
            var root = body.RootElement;
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                issues.Add(new ValidationIssue("model_attributes_type", ["body"], "Input should be a valid dictionary or object to extract fields from"));
            }
            else if (!root.TryGetProperty("target_concurrency_limit", out var value) || value.ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                issues.Add(ValidationIssue.Missing(["body", "target_concurrency_limit"]));
            }
            else if (value.ValueKind != System.Text.Json.JsonValueKind.Number || !value.TryGetInt32(out var number))
            {
                issues.Add(new ValidationIssue("int_type", ["body", "target_concurrency_limit"], "Input should be a valid integer", value.Clone()));
            }
            else if (number is < 1 or > SubmitRequestReader.MaxConcurrencyLimit)
            {
                issues.Add(new ValidationIssue(number < 1 ? "greater_than_equal" : "less_than_equal", ["body", "target_concurrency_limit"],
                    number < 1 ? "Input should be greater than or equal to 1" : $"Input should be less than or equal to {SubmitRequestReader.MaxConcurrencyLimit}", number));
            }
            else
            {
                limit = number;
            }
        }

        if (issues.Count > 0)
        {
            return ApiError.Unprocessable(issues);
        }

        var result = await control.SetConcurrencyAsync(durable, batchId, limit!.Value, cancellationToken);
        return BatchControlResults.ToResponse(result, batchId);
    }
}
