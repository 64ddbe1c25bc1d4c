using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace BatchFunctions.Functions.Orchestration;

internal static class FunctionActivity
{
    /// <summary>Builds the activity with the function's services and runs it, as the generator would.</summary>
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext function, string name, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(function.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(function, name), input);
    }
}
