using Microsoft.Extensions.Logging;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Log lines of the batch orchestrator, written through its replay-safe logger.</summary>
internal static partial class BatchOrchestratorLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId} stopped dialing: {Reason}")]
    public static partial void BatchStopped(this ILogger logger, string batchId, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} dispatched all {TotalRecipients} recipients")]
    public static partial void BatchDispatched(this ILogger logger, string batchId, int totalRecipients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId}: a step failed after its retries and will be tried again later: {Error}")]
    public static partial void StepFailed(this ILogger logger, string batchId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId} failed: {Error}")]
    public static partial void BatchCrashed(this ILogger logger, string batchId, string error);
}
