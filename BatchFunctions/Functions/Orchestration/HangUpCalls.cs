using BatchFunctions.Providers.Twilio;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>Ends calls in progress when a batch is cancelled with hang-up; their final callbacks free the slots as usual.</summary>
public sealed class HangUpCalls(TwilioCallPlacer twilio) : TaskActivity<IReadOnlyList<string>, int>
{
    [Function(nameof(HangUpCalls))]
    public static Task<int> Run([ActivityTrigger] IReadOnlyList<string> callSids, FunctionContext function) =>
        FunctionActivity.RunAsync<HangUpCalls, IReadOnlyList<string>, int>(function, nameof(HangUpCalls), callSids);

    public override async Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<string> callSids)
    {
        foreach (var sid in callSids)
        {
            await twilio.HangUpAsync(sid);
        }

        return callSids.Count;
    }
}
