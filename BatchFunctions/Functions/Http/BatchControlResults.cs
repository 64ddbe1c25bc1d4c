using BatchFunctions.Api;
using BatchFunctions.Batches;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Functions.Http;

/// <summary>How the control endpoints answer: the batch as it now stands (ElevenLabs' BatchCallResponse), 404 or 409 with the reason.</summary>
internal static class BatchControlResults
{
    public static async Task<IActionResult> ToResponseAsync(
        BatchControlResult result, BatchReader batches, DurableTaskClient durable, string batchId, CancellationToken cancellationToken) =>
        result.Outcome switch
        {
            BatchControlOutcome.NotFound => ApiError.NotFound($"There is no batch '{batchId}'."),
            BatchControlOutcome.Conflict => ApiError.Conflict(result.Message ?? "The batch cannot do that in its current state."),
            _ => await batches.GetAsync(durable, batchId, cancellationToken) is { } batch
                ? new JsonResult(batch.Summary, ApiJson.Options)
                : ApiError.NotFound($"There is no batch '{batchId}'."),
        };
}
