using BatchFunctions.Storage;

namespace BatchFunctions.Tests.Storage;

public sealed class CreateOnceTests
{
    [Fact]
    public async Task EnsureAsync_FirstCreationTimesOut_TheNextCallerCreatesAgain()
    {
        var calls = 0;
        var once = new CreateOnce(() => ++calls == 1 ? Task.FromException(new TaskCanceledException("timed out")) : Task.CompletedTask);

        await Assert.ThrowsAsync<TaskCanceledException>(once.EnsureAsync);
        await once.EnsureAsync();
        await once.EnsureAsync();

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task EnsureAsync_ConcurrentCallers_CreateOnce()
    {
        var calls = 0;
        var release = new TaskCompletionSource();
        var once = new CreateOnce(() => { Interlocked.Increment(ref calls); return release.Task; });

        var waiting = Enumerable.Range(0, 8).Select(_ => once.EnsureAsync()).ToList();
        release.SetResult();
        await Task.WhenAll(waiting);

        Assert.Equal(1, calls);
    }
}
