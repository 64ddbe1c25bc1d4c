using System.Text.Json;
using BatchFunctions.Functions.Ingestion;
using BatchFunctions.Hosting;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Storage;
using BatchFunctions.Tests.EndToEnd;
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
        Assert.Contains("Did you mean 'Phone'? Rename it to phone_number, or set phone_column to 'Phone'.", reason, StringComparison.Ordinal);
        Assert.Equal(content, await Uploads.ReadTextAsync(StorageNames.RejectedContainer, $"{uploadId}/{blob.Name}"));
        Assert.Null(await Uploads.ReadTextAsync(StorageNames.UploadsContainer, blob.Name));
    }

    [Fact]
    public async Task Ingest_ElevenLabsUnreachableAfterReading_OutcomeWrittenSayingNoOneWasCalled()
    {
        var (blob, uploadId) = await Uploads.DropAsync("phone_number,name\n+14155551000,Ann\n");
        var durable = new Mock<DurableTaskClient>(MockBehavior.Loose, "never-used");

        await Ingestion().IngestAsync(blob, durable.Object, CancellationToken.None);

        var outcome = JsonDocument.Parse((await Uploads.ReadTextAsync(StorageNames.RejectedContainer, $"{uploadId}/{UploadArchive.OutcomeBlobName}"))!).RootElement;
        Assert.Equal("rejected", outcome.GetProperty("status").GetString());
        Assert.Contains("could not be processed", outcome.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("no one was called", outcome.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Null(await Uploads.ReadTextAsync(StorageNames.UploadsContainer, blob.Name));
        durable.Verify(d => d.ScheduleNewOrchestrationInstanceAsync(It.IsAny<Microsoft.DurableTask.TaskName>(), It.IsAny<object?>(), It.IsAny<Microsoft.DurableTask.StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Ingest_PhoneColumnMetadataNamingNoColumn_RejectedNamingTheSetting()
    {
        var (blob, uploadId) = await Uploads.DropAsync("Mobile,Name\n+14155551000,Ann\n", metadata: new Dictionary<string, string> { ["phone_column"] = "Cell" });
        var durable = new Mock<DurableTaskClient>(MockBehavior.Strict, "never-used");

        await Ingestion().IngestAsync(blob, durable.Object, CancellationToken.None);

        var outcome = JsonDocument.Parse((await Uploads.ReadTextAsync(StorageNames.RejectedContainer, $"{uploadId}/{UploadArchive.OutcomeBlobName}"))!).RootElement;
        Assert.StartsWith("The phone_column setting names 'Cell', but the file has no such column.", outcome.GetProperty("reason").GetString(), StringComparison.Ordinal);
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

    [Fact]
    public async Task Ingest_AgentWithPhoneNumberVariable_RejectedAskingToRenameIt()
    {
        var (blob, uploadId) = await Uploads.DropAsync("phone_number,name\n+14155551000,Ann\n");
        var durable = new Mock<DurableTaskClient>(MockBehavior.Strict, "never-used");
        var agent = """
            { "name": "Renewals", "conversation_config": { "agent": { "dynamic_variables": { "dynamic_variable_placeholders": { "phone_number": "" } } } } }
            """;

        await Ingestion(new FakeElevenLabs(agent)).IngestAsync(blob, durable.Object, CancellationToken.None);

        var outcome = JsonDocument.Parse((await Uploads.ReadTextAsync(StorageNames.RejectedContainer, $"{uploadId}/{UploadArchive.OutcomeBlobName}"))!).RootElement;
        Assert.Equal("rejected", outcome.GetProperty("status").GetString());
        Assert.StartsWith("Agent 'Renewals' has a dynamic variable named phone_number", outcome.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("Rename the variable in the agent", outcome.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_XlsxWithSheetMetadata_BatchCallsEveryoneWithTypedVariablesAndReportsTheBadRow()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var workbook = await Workbooks.WriteAsync(Workbooks.SheetJs, "xlsx",
            new Sheet("Notes", [["nothing to call here"]]),
            new Sheet("Calls",
            [
                ["phone_number", "name", "balance", "vip", "timezone"],
                [14155551000d, "Ann", 12.5, true, "america/new_york"],
                [Workbooks.Text("+1 (415) 555-1001"), "Bob", 3d, false, null],
                [Workbooks.Text("1.55512E+10"), "Cy", 1d, true, null],
            ]));
        var (blob, batchId) = await Uploads.DropAsync(workbook, $"{Guid.NewGuid():N}.xlsx", new Dictionary<string, string> { ["sheet"] = "Calls" });

        await ActivatorUtilities.CreateInstance<RecipientFileDropped>(app.Services).IngestAsync(blob, app.Durable.Client, CancellationToken.None);
        await app.WaitForStatusAsync(batchId, "completed", TimeSpan.FromSeconds(60));

        var outcome = JsonDocument.Parse((await Uploads.ReadTextAsync(StorageNames.ProcessedContainer, $"{batchId}/{UploadArchive.OutcomeBlobName}"))!).RootElement;
        Assert.Equal(("accepted", 2, 1), (outcome.GetProperty("status").GetString(), outcome.GetProperty("recipients_accepted").GetInt32(), outcome.GetProperty("rows_rejected").GetInt32()));
        Assert.Equal(("xlsx", "Calls"), (outcome.GetProperty("detected").GetProperty("format").GetString(), outcome.GetProperty("detected").GetProperty("sheet").GetString()));
        Assert.Contains("4,phone_number,1.55512E+10,", await Uploads.ReadTextAsync(StorageNames.ProcessedContainer, $"{batchId}/{UploadArchive.RowErrorsBlobName}"), StringComparison.Ordinal);
        var archived = await Uploads.Blobs.GetBlobContainerClient(StorageNames.ProcessedContainer).GetBlobClient($"{batchId}/{blob.Name}").DownloadContentAsync();
        Assert.Equal(workbook, archived.Value.Content.ToArray());
        var ann = app.Simulator.Conversations.Single(c => c.ToNumber == "+14155551000").ConversationInitiationClientData!.Value.GetProperty("dynamic_variables");
        Assert.Equal("""{"name":"Ann","balance":12.5,"vip":true,"timezone":"America/New_York"}""", JsonSerializer.Serialize(ann));
        Assert.Contains(app.Simulator.Conversations, c => c.ToNumber == "+14155551001");
    }

    /// <summary>The function as the host builds it, without telephony: rejection happens before any call out.</summary>
    private static RecipientFileDropped Ingestion(HttpMessageHandler? elevenLabs = null)
    {
        var nowhere = new Uri("http://127.0.0.1:9/");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AppUnderTest.Settings(nowhere, nowhere)).Build();
        var services = new ServiceCollection().AddLogging().AddBatchCalling(configuration);
        if (elevenLabs is not null)
        {
            services.AddHttpClient<ElevenLabsClient>().ConfigurePrimaryHttpMessageHandler(() => elevenLabs);
        }

        return ActivatorUtilities.CreateInstance<RecipientFileDropped>(services.BuildServiceProvider());
    }
}
