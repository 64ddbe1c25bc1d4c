using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Lets a class-based activity run under a hand-written [Function] wrapper (the Durable source
/// generator that would write these wrappers is not available to this build).
/// </summary>
internal sealed class FunctionActivityContext(FunctionContext function, string name) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } =
        function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "";
}
