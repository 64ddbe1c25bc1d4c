using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// What a failed step of the dial loop means: never the end of the batch. Everything the loop starts is
/// safe to start again later, so a step that failed after its retry policy is logged and redone, and
/// housekeeping (hanging up calls a cancel ends anyway, recording an end) is logged and dropped.
/// </summary>
internal sealed class StepFailures(TaskOrchestrationContext context, string batchId)
{
    /// <summary>The task's result, or null when it failed after its retry policy: the dispatcher redoes the step.</summary>
    public async Task<T?> ResultOrNull<T>(Task<T> task)
        where T : class
    {
        try
        {
            return await task;
        }
        catch (Exception e) when (e is TaskFailedException or EntityOperationFailedException or System.Text.Json.JsonException)
        {
            // A JsonException: the task was completed by a result that is not its own (a duplicate
            // completion from an earlier generation); redoing the step is safe, believing it is not.
            Log(e);
            return null;
        }
    }

    /// <summary>Work whose failure changes nothing for the batch's dialing.</summary>
    public async Task Housekeeping(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is TaskFailedException or EntityOperationFailedException)
        {
            Log(e);
        }
    }

    private void Log(Exception e) => context.CreateReplaySafeLogger<BatchOrchestrator>().StepFailed(batchId, e.Message);
}
