using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>
/// A pipeline policy on the app's own table client that fails the requests <see cref="Failure"/> picks, without
/// sending them, as storage would after the SDK's retries gave up. The Durable engine's storage has clients of its own.
/// </summary>
public sealed class FailingStorage : HttpPipelinePolicy
{
    private volatile Func<Request, Exception?>? failure;

    /// <summary>The exception for a request, or null to let it through; null for none at all.</summary>
    public Func<Request, Exception?>? Failure
    {
        get => failure;
        set => failure = value;
    }

    /// <summary>Replaces the app's table client with one whose pipeline carries this policy.</summary>
    public void AddTo(IServiceCollection services)
    {
        var tables = new TableClientOptions();
        tables.AddPolicy(this, HttpPipelinePosition.PerCall);
        services.AddSingleton(new TableServiceClient(TestStorage.ConnectionString, tables));
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (failure?.Invoke(message.Request) is { } failed)
        {
            throw failed;
        }

        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        failure?.Invoke(message.Request) is { } failed ? ValueTask.FromException(failed) : ProcessNextAsync(message, pipeline);
}
