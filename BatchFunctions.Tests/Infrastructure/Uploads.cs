using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BatchFunctions.Functions.Ingestion;
using BatchFunctions.Storage;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>Drops files into the uploads container the way an operator's tool would.</summary>
public static class Uploads
{
    public static BlobServiceClient Blobs => new(TestStorage.ConnectionString);

    public static Task<(BlobClient Blob, string BatchId)> DropAsync(string content, string? name = null, IDictionary<string, string>? metadata = null) =>
        DropAsync(Encoding.UTF8.GetBytes(content), name ?? $"{Guid.NewGuid():N}.csv", metadata);

    public static async Task<(BlobClient Blob, string BatchId)> DropAsync(byte[] content, string name, IDictionary<string, string>? metadata = null)
    {
        var container = Blobs.GetBlobContainerClient(StorageNames.UploadsContainer);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient(name);
        var uploaded = await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions { Metadata = metadata });
        return (blob, RecipientFileDropped.BatchIdFor(blob.Name, uploaded.Value.ETag));
    }

    public static async Task<string?> ReadTextAsync(string container, string name)
    {
        var blob = Blobs.GetBlobContainerClient(container).GetBlobClient(name);
        return await blob.ExistsAsync() ? (await blob.DownloadContentAsync()).Value.Content.ToString() : null;
    }
}
