namespace BatchFunctions.Storage;

/// <summary>
/// Creates a table or container the first time a store needs it, remembering only success. A creation
/// that failed (a timeout, a storage hiccup) is tried again by the next caller: a cached faulted task
/// (a plain <c>Lazy&lt;Task&gt;</c>) would instead fail every later call of the process, and one
/// timed-out create made every read of the store answer HTTP 500 until the host restarted.
/// </summary>
public sealed class CreateOnce(Func<Task> create)
{
    private readonly Lock gate = new();
    private Task? creating;

    public Task EnsureAsync()
    {
        lock (gate)
        {
            if (creating is null || creating.IsFaulted || creating.IsCanceled)
            {
                creating = create();
            }

            return creating;
        }
    }
}
