using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BatchFunctions.Batches;
using BatchFunctions.Ingestion;
using BatchFunctions.Options;
using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BatchFunctions.Functions.Ingestion;

/// <summary>
/// A file dropped into the uploads container becomes a batch, or is refused with a reason. Either
/// way the original moves, untouched, to processed/ or rejected/ beside an outcome.json that says
/// what happened. The trigger fires at least once; the batch id is derived from the blob's name and
/// version, so a second firing finds the batch already launched.
/// </summary>
public sealed partial class RecipientFileDropped(
    BatchLauncher launcher,
    UploadArchive archive,
    IOptions<BatchDefaultsOptions> defaults,
    IOptions<IngestionOptions> limits,
    TimeProvider clock,
    ILogger<RecipientFileDropped> logger)
{
    /// <summary>Function name of the polling entry point; disable it where Event Grid delivers uploads.</summary>
    public const string PollingFunctionName = nameof(RecipientFileDropped) + "ByPolling";

    /// <summary>
    /// Production entry point: Flex Consumption runs blob triggers only from Event Grid
    /// (infra/app/upload-events.bicep subscribes it to uploads/).
    /// </summary>
    [Function(nameof(RecipientFileDropped))]
    public Task Run(
        [BlobTrigger(StorageNames.UploadsContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageNames.ConnectionName)] BlobClient upload,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => IngestAsync(upload, durable, cancellationToken);

    /// <summary>
    /// Local entry point: Azurite raises no Event Grid events, so `func start` polls the container.
    /// Each environment disables the entry point it does not use (AzureWebJobs.{name}.Disabled).
    /// </summary>
    [Function(PollingFunctionName)]
    public Task RunByPolling(
        [BlobTrigger(StorageNames.UploadsContainer + "/{name}", Connection = StorageNames.ConnectionName)] BlobClient upload,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) => IngestAsync(upload, durable, cancellationToken);

    public async Task IngestAsync(BlobClient upload, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        BlobProperties properties;
        try
        {
            properties = (await upload.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return; // An earlier firing already moved it.
        }

        var batchId = BatchIdFor(upload.Name, properties.ETag);
        ParsedRecipientList? list = null;
        try
        {
            UploadOutcome outcome;
            try
            {
                var (request, file) = BlobBatchSettings.Read(properties.Metadata, defaults.Value, upload.Name);
                list = await ReadAsync(upload, properties.ETag, file, cancellationToken);
                await launcher.LaunchAsync(durable, batchId, request, list, cancellationToken);
                outcome = Outcome(UploadStatus.Accepted, batchId, upload.Name, null, list);
                LogAccepted(upload.Name, batchId, list.Recipients.Count, list.RowsLeftOut);
            }
            catch (BatchRejectedException e)
            {
                outcome = Outcome(UploadStatus.Rejected, batchId, upload.Name, e.Message, list);
                LogRejected(upload.Name, e.Message);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A fault nobody can fix in the file (ElevenLabs or storage unreachable, a bug) still gets an outcome:
                // without one the file would sit in the drop zone until the trigger gave up, and nobody would know why.
                outcome = await durable.GetInstanceAsync(batchId, cancellationToken) is not null
                    ? Outcome(UploadStatus.Accepted, batchId, upload.Name, null, list)
                    : Outcome(UploadStatus.Rejected, batchId, upload.Name,
                        $"The file could not be processed ({e.Message}); no one was called. Drop the file again to retry; if it fails again, see the app's logs.", list);
                LogFailed(e, upload.Name, batchId);
            }

            await archive.ArchiveAsync(upload, properties.ETag, outcome, list?.RowErrors ?? [], cancellationToken);
        }
        finally
        {
            list?.Dispose();
        }
    }

    private async Task<ParsedRecipientList> ReadAsync(BlobClient upload, ETag version, RecipientFileSettings file, CancellationToken cancellationToken)
    {
        await using var content = await upload.OpenReadAsync(
            new BlobOpenReadOptions(allowModifications: false) { Conditions = new BlobRequestConditions { IfMatch = version } },
            cancellationToken);
        return RecipientFileReader.Read(content, file, limits.Value);
    }

    private UploadOutcome Outcome(UploadStatus status, string id, string file, string? reason, ParsedRecipientList? list) => new(
        status,
        id,
        file,
        reason,
        status == UploadStatus.Accepted ? list?.Recipients.Count ?? 0 : 0,
        list?.RowsLeftOut ?? 0,
        list?.RowErrors.Take(100).ToList() ?? [],
        list?.File,
        clock.GetUtcNow());

    /// <summary>Same blob version, same id: this is what makes a repeated trigger launch nothing new.</summary>
    internal static string BatchIdFor(string blobName, ETag version)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{StorageNames.UploadsContainer}/{blobName}|{version}"));
        return "btcal_" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted {BlobName} as batch {BatchId}: {RecipientCount} recipients, {RowErrorCount} rows left out")]
    private partial void LogAccepted(string blobName, string batchId, int recipientCount, int rowErrorCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {BlobName} (batch {BatchId}) failed; its outcome says so")]
    private partial void LogFailed(Exception exception, string blobName, string batchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {BlobName}: {Reason}")]
    private partial void LogRejected(string blobName, string reason);
}
