using BatchFunctions.Api;
using BatchFunctions.Batches;
using Microsoft.AspNetCore.Mvc;

namespace BatchFunctions.Functions.Http;

/// <summary>How the control endpoints answer: the batch as the command leaves it (ElevenLabs' BatchCallResponse), 404 or 409 with the reason.</summary>
internal static class BatchControlResults
{
    public static IActionResult ToResponse(BatchCommandResult result, string batchId) => result switch
    {
        { Status: BatchCommandStatus.NotFound } => ApiError.NoSuchBatch(batchId),
        { Status: BatchCommandStatus.Conflict } => ApiError.Conflict(result.Message ?? "The batch cannot do that in its current state."),
        { State: { Definition: { } definition } state } => new JsonResult(BatchResponses.Summary(definition, state), ApiJson.Options),
        _ => ApiError.NoSuchBatch(batchId),
    };
}
