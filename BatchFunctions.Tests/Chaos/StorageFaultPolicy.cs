using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace BatchFunctions.Tests.Chaos;

/// <summary>
/// Fails a seeded share of the app's own storage calls (tables and blobs) while armed: HTTP 500 or 503, or a
/// timeout either before the request reached storage or after it took effect (the case where the caller cannot
/// tell whether its write happened). Added per call, ahead of the SDK's retry policy, so the app sees each fault
/// as it would after the SDK's retries gave up: an outage longer than they last, which is what the engine must
/// survive. The Durable engine's own queues and tables use other clients and are never touched.
/// </summary>
public sealed class StorageFaultPolicy(ChaosRandom random, FaultLedger ledger, double probability) : HttpPipelinePolicy
{
    private static readonly ChaosFaultKind[] Kinds =
    [
        ChaosFaultKind.StorageError500,
        ChaosFaultKind.StorageError503,
        ChaosFaultKind.StorageTimeoutBeforeSend,
        ChaosFaultKind.StorageTimeoutAfterSend,
    ];

    private volatile bool armed;
    private int struck = random.Between(0, Kinds.Length - 1);

    /// <summary>Faults are injected only while armed, so ingestion before and the checks after a run are unharmed.</summary>
    public bool Armed
    {
        get => armed;
        set => armed = value;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        // Kinds take turns from a seeded start, so a run with four storage faults has had each kind once.
        var fault = armed && random.Chance(probability) ? Kinds[Interlocked.Increment(ref struck) % Kinds.Length] : (ChaosFaultKind?)null;
        if (fault is null)
        {
            await Next(message, pipeline, async);
            return;
        }

        ledger.Count(fault.Value);
        var what = $"{message.Request.Method} {message.Request.Uri.Path}";
        switch (fault.Value)
        {
            case ChaosFaultKind.StorageError500:
                throw new RequestFailedException(500, $"Chaos: storage answered 500 Internal Server Error to {what}.", "InternalError", null);
            case ChaosFaultKind.StorageError503:
                throw new RequestFailedException(503, $"Chaos: storage answered 503 Server Busy to {what}.", "ServerBusy", null);
            case ChaosFaultKind.StorageTimeoutBeforeSend:
                await Task.Delay(random.Between(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500)));
                throw new TaskCanceledException($"Chaos: {what} exceeded its timeout before reaching storage.");
            default:
                await Next(message, pipeline, async);
                throw new TaskCanceledException($"Chaos: {what} took effect in storage, but its answer timed out.");
        }
    }

    private static ValueTask Next(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        if (async)
        {
            return ProcessNextAsync(message, pipeline);
        }

        ProcessNext(message, pipeline);
        return ValueTask.CompletedTask;
    }
}
