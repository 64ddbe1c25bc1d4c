using System.Diagnostics;
using Azure.Data.Tables;
using BatchFunctions.Functions.Ingestion;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using IngestionBenchmark;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBenchmark;

/// <summary>
/// A recipient file from the moment it is in the uploads container to the moment the telephony simulator
/// receives the batch's first call, split at the points the app leaves a trace: the recipient blocks'
/// storage timestamps, the orchestration's creation time and the simulator's call log.
/// </summary>
/// <param name="Upload">Writing the file into the uploads container (before the clock starts).</param>
/// <param name="FirstBlockStored">Upload finished to the first recipient block written: reading, validating and checking the agent and phone number.</param>
/// <param name="ListStored">Upload finished to the last recipient block written.</param>
/// <param name="OrchestrationCreated">Upload finished to the batch's orchestration being created.</param>
/// <param name="FirstDial">Upload finished to the first call reaching the simulator.</param>
internal sealed record DropToFirstDial(
    int Rows,
    TimeSpan Upload,
    TimeSpan FirstBlockStored,
    TimeSpan ListStored,
    TimeSpan OrchestrationCreated,
    TimeSpan FirstDial)
{
    /// <summary>Issue 14's baseline: a 100k-row CSV read, validated and stored on Azurite in Nov 2026.</summary>
    public const double November2026Seconds = 52;

    public static async Task<DropToFirstDial> MeasureAsync(int rows)
    {
        var file = Path.Combine(Path.GetTempPath(), $"drop-benchmark-{Guid.NewGuid():N}.csv");
        RecipientListGenerator.WriteCsv(file, rows);
        try
        {
            return await MeasureAsync(rows, await File.ReadAllBytesAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<DropToFirstDial> MeasureAsync(int rows, byte[] csv)
    {
        // The default calling window of the app under test is the whole day, so the first recipient is dialable at once.
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var uploading = Stopwatch.StartNew();
        var (blob, batchId) = await Uploads.DropAsync(csv, $"{Guid.NewGuid():N}.csv", new Dictionary<string, string> { ["call_name"] = "drop to first dial" });
        var uploaded = DateTimeOffset.UtcNow;
        var upload = uploading.Elapsed;

        // What the Functions host does when the trigger fires. Here it fires at once; under `func start` the
        // blob scan, or in Azure the Event Grid delivery, comes on top (not measured).
        // Every split below is read afterwards from timestamps, so awaiting the whole function (which archives the
        // file after starting the batch) before the first call does not change them.
        await ActivatorUtilities.CreateInstance<RecipientFileDropped>(app.Services).IngestAsync(blob, app.Durable.Client, CancellationToken.None);
        var orchestration = await app.Durable.Client.GetInstanceAsync(batchId)
            ?? throw new InvalidOperationException($"The file was not accepted as batch {batchId}; its outcome.json in the rejected container says why.");
        await app.WaitForCallsAsync(1, TimeSpan.FromMinutes(5));
        await app.Control().CancelAsync(app.Durable.Client, batchId, hangUpLiveCalls: true, CancellationToken.None);

        var blocks = await BlockTimestampsAsync(batchId);
        var firstDial = app.Simulator.Calls.Min(c => c.CreatedAt);
        return new DropToFirstDial(rows, upload, blocks.Min() - uploaded, blocks.Max() - uploaded, orchestration.CreatedAt - uploaded, firstDial - uploaded);
    }

    /// <summary>When Azurite wrote each of the batch's recipient blocks (its own clock, on this machine).</summary>
    private static async Task<List<DateTimeOffset>> BlockTimestampsAsync(string batchId)
    {
        var table = new TableServiceClient(TestStorage.ConnectionString).GetTableClient(StorageNames.RecipientsTable);
        var timestamps = new List<DateTimeOffset>();
        await foreach (var block in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {batchId}"), select: [nameof(TableEntity.Timestamp)]))
        {
            timestamps.Add(block.Timestamp!.Value);
        }

        return timestamps;
    }
}
