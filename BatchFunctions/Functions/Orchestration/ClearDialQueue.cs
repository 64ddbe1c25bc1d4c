using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Drops every attempt still waiting in a cancelled batch's dial queue.</summary>
public sealed class ClearDialQueue(DialQueue queue) : TaskActivity<string, bool>
{
    [Function(nameof(ClearDialQueue))]
    public static Task<bool> Run([ActivityTrigger] string batchId, FunctionContext function) =>
        FunctionActivity.RunAsync<ClearDialQueue, string, bool>(function, nameof(ClearDialQueue), batchId);

    public override async Task<bool> RunAsync(TaskActivityContext context, string batchId)
    {
        await queue.ClearAsync(batchId, CancellationToken.None);
        return true;
    }
}
