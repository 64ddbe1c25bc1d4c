using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Keeps at most one outstanding wait for an external event, so events are consumed in order and
/// none is delivered to a wait that is no longer watched.
/// </summary>
internal sealed class EventWaiter<T>(TaskOrchestrationContext context, string eventName)
{
    private Task<T>? pending;

    public bool HasArrived => pending is { IsCompleted: true };

    /// <summary>The task to await (or to pass to WhenAny) for the next event.</summary>
    public Task<T> Next() => pending ??= context.WaitForExternalEvent<T>(eventName);

    /// <summary>The event that arrived; the next call to <see cref="Next"/> waits for the one after.</summary>
    public T Take()
    {
        var arrived = pending is { IsCompleted: true } done ? done.Result : throw new InvalidOperationException($"No {eventName} event has arrived.");
        pending = null;
        return arrived;
    }
}
