using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BatchFunctions.Api;
using BatchFunctions.Ingestion;

namespace BatchFunctions.Storage;

/// <summary>
/// Moves a dropped file out of the drop zone without ever losing it: the copy and the outcome are
/// written first, and the original is deleted last, only if it is still the version we read.
/// </summary>
public sealed class UploadArchive(BlobServiceClient blobs)
{
    public const string OutcomeBlobName = "outcome.json";
    public const string RowErrorsBlobName = "row-errors.csv";

    public async Task ArchiveAsync(BlobClient upload, ETag readVersion, UploadOutcome outcome, IReadOnlyList<RowError> rowErrors, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(
            outcome.Status == UploadStatus.Accepted ? StorageNames.ProcessedContainer : StorageNames.RejectedContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var folder = outcome.Id + "/";

        var properties = (await upload.GetPropertiesAsync(new BlobRequestConditions { IfMatch = readVersion }, cancellationToken)).Value;
        await using (var original = await upload.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { Conditions = new BlobRequestConditions { IfMatch = readVersion } }, cancellationToken))
        {
            await container.GetBlobClient(folder + upload.Name).UploadAsync(original, new BlobUploadOptions
            {
                Metadata = properties.Metadata,
                HttpHeaders = new BlobHttpHeaders { ContentType = properties.ContentType },
            }, cancellationToken);
        }

        await container.GetBlobClient(folder + OutcomeBlobName).UploadAsync(
            BinaryData.FromObjectAsJson(outcome, ApiJson.Options),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);

        if (rowErrors.Count > 0)
        {
            await container.GetBlobClient(folder + RowErrorsBlobName).UploadAsync(
                BinaryData.FromBytes(RowErrorReport.ToCsv(rowErrors)),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" } },
                cancellationToken);
        }

        await upload.DeleteIfExistsAsync(conditions: new BlobRequestConditions { IfMatch = readVersion }, cancellationToken: cancellationToken);
    }
}
