using System.Text.Json;
using BatchFunctions.Functions.Ingestion;
using BatchFunctions.Hosting;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace BatchFunctions.Tests.Functions;

public sealed class RecipientFileDroppedTests
{
    [Fact]
    public async Task Ingest_FileWithoutPhoneNumberColumn_RejectedNamingTheColumnAndOriginalKept()
    {
        const string content = "Phone,Name\n+14155551000,Ann\n+14155551001,Bob\n";
        var (blob, uploadId) = await Uploads.DropAsync(content);
        var durable = new Mock<DurableTaskClient>(MockBehavior.Strict, "never-used");

        await Ingestion().IngestAsync(blob, durable.Object, CancellationToken.None);

        var outcome = JsonDocument.Parse((await Uploads.ReadTextAsync(StorageNames.RejectedContainer, $"{uploadId}/{UploadArchive.OutcomeBlobName}"))!).RootElement;
        Assert.Equal("rejected", outcome.GetProperty("status").GetString());
        var reason = outcome.GetProperty("reason").GetString()!;
        Assert.Contains("no phone_number column", reason, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'Phone'? Rename it to phone_number.", reason, StringComparison.Ordinal);
        Assert.Equal(content, await Uploads.ReadTextAsync(StorageNames.RejectedContainer, $"{uploadId}/{blob.Name}"));
        Assert.Null(await Uploads.ReadTextAsync(StorageNames.UploadsContainer, blob.Name));
    }

    [Fact]
    public async Task Ingest_FileAlreadyMovedByEarlierFiring_DoesNothing()
    {
        var (blob, _) = await Uploads.DropAsync("phone_number\n+14155551000\n");
        await blob.DeleteAsync();
        var durable = new Mock<DurableTaskClient>(MockBehavior.Strict, "never-used");

        await Ingestion().IngestAsync(blob, durable.Object, CancellationToken.None);

        durable.VerifyNoOtherCalls();
    }

    /// <summary>The function as the host builds it, without telephony: rejection happens before any call out.</summary>
    private static RecipientFileDropped Ingestion()
    {
        var nowhere = new Uri("http://127.0.0.1:9/");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AppUnderTest.Settings(nowhere, nowhere)).Build();
        var services = new ServiceCollection().AddLogging().AddBatchCalling(configuration).BuildServiceProvider();
        return ActivatorUtilities.CreateInstance<RecipientFileDropped>(services);
    }
}
