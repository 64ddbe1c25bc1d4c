using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using BatchFunctions.Domain;
using BatchFunctions.Functions.Orchestration;
using BatchFunctions.Options;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace BatchFunctions.Tests.Functions;

public sealed class ConversationFollowUpTests
{
    [Fact]
    public async Task Start_ConversationIndexUnwritable_FallbackFetchStillScheduled()
    {
        // The webhook finds its recipient through the conversation index; when that write fails, the fallback
        // fetch (which carries its own link) is the only way the call's results arrive, so it must still start.
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var unwritable = new TableClientOptions { Retry = { MaxRetries = 0 } };
        unwritable.AddPolicy(new ServerBusy(), HttpPipelinePosition.PerCall);
        var followUp = new ConversationFollowUp(
            new ConversationIndex(new TableServiceClient(TestStorage.ConnectionString, unwritable)),
            Microsoft.Extensions.Options.Options.Create(new ConversationOptions { FallbackDelay = TimeSpan.FromHours(1) }),
            TimeProvider.System,
            NullLogger<ConversationFollowUp>.Instance);
        var link = new ConversationLink("conv_" + Guid.NewGuid().ToString("N"), "batch-" + Guid.NewGuid().ToString("N"), 3, 1);

        await followUp.StartAsync(app.Durable.Client, link, CancellationToken.None);

        var fallback = await app.Durable.Client.GetInstanceAsync(ConversationFallbackOrchestrator.InstanceIdFor(link.ConversationId), getInputsAndOutputs: true);
        Assert.NotNull(fallback);
        Assert.Equal(link, fallback.ReadInputAs<ConversationWatch>()!.Link);
    }

    /// <summary>Storage refusing every request, as in an outage longer than the SDK's retries.</summary>
    private sealed class ServerBusy : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new RequestFailedException(503, "Storage is busy.", "ServerBusy", null);

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new RequestFailedException(503, "Storage is busy.", "ServerBusy", null);
    }
}
