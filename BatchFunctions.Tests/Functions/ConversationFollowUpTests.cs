using Azure;
using Azure.Core;
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
    [Theory]
    [InlineData("busy")]
    [InlineData("timeout")]
    public async Task Start_ConversationIndexUnwritable_FallbackFetchStillScheduled(string fault)
    {
        // The webhook finds its recipient through the conversation index; when that write fails, the fallback
        // fetch (which carries its own link) is the only way the call's results arrive, so it must still start.
        // Nor may the failure escape: the answer request waits on this, and would hang up on the person who answered.
        // A timeout is an OperationCanceledException although nobody cancelled the request.
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var unwritable = new TableClientOptions { Retry = { MaxRetries = 0 } };
        Exception failure = fault == "busy"
            ? new RequestFailedException(503, "Storage is busy.", "ServerBusy", null)
            : new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout.");
        unwritable.AddPolicy(new FailingStorage { Failure = _ => failure }, HttpPipelinePosition.PerCall);
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
}
