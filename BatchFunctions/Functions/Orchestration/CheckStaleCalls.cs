using BatchFunctions.Providers.Twilio;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// The watchdog: a lost status callback must not hold a concurrency slot forever, so calls without a
/// final callback for too long are looked up at the provider; those that ended come back with the
/// final status the callback would have carried.
/// </summary>
public sealed class CheckStaleCalls(TwilioCallPlacer twilio, TimeProvider time) : TaskActivity<WatchdogRequest, IReadOnlyList<StaleCallOutcome>>
{
    [Function(nameof(CheckStaleCalls))]
    public static Task<IReadOnlyList<StaleCallOutcome>> Run([ActivityTrigger] WatchdogRequest request, FunctionContext function) =>
        FunctionActivity.RunAsync<CheckStaleCalls, WatchdogRequest, IReadOnlyList<StaleCallOutcome>>(function, nameof(CheckStaleCalls), request);

    public override async Task<IReadOnlyList<StaleCallOutcome>> RunAsync(TaskActivityContext context, WatchdogRequest request)
    {
        var ended = new List<StaleCallOutcome>();
        foreach (var call in request.Calls.Where(c => c.CallSid is not null))
        {
            if (await twilio.FetchFinalStatusAsync(call.CallSid!, call.Attempt, time.GetUtcNow()) is { } final)
            {
                ended.Add(new StaleCallOutcome(call.RecipientIndex, call.Attempt, final));
            }
        }

        return ended;
    }
}
