namespace BatchFunctions.Tests.Infrastructure;

/// <summary>Waits for asynchronous work (entity signals, queues) to show its effect.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Nothing showed up within {timeout ?? TimeSpan.FromSeconds(30)}.");
    }
}
