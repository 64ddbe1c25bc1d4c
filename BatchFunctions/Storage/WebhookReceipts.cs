using Azure;
using Azure.Data.Tables;

namespace BatchFunctions.Storage;

/// <summary>
/// Signatures of the webhooks already accepted. A signature covers the timestamp and the body, so the same one
/// seen twice is a replay (a captured request sent again), refused even inside the timestamp tolerance. A genuine
/// redelivery is signed afresh and passes; it is then matched idempotently.
/// </summary>
public sealed class WebhookReceipts(TableServiceClient tables)
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.WebhookReceiptsTable);
    private readonly CreateOnce created = new(() => tables.GetTableClient(StorageNames.WebhookReceiptsTable).CreateIfNotExistsAsync());

    /// <returns>False when this signature was accepted before.</returns>
    public async Task<bool> TryAcceptAsync(string signature, DateTimeOffset signedAt, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        try
        {
            await table.AddEntityAsync(new TableEntity(signature, "") { ["SignedAt"] = signedAt }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Forgets a signature whose webhook could not be processed, so ElevenLabs' retry of the same request is not taken for a replay.</summary>
    public async Task ForgetAsync(string signature, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        await table.DeleteEntityAsync(signature, "", cancellationToken: cancellationToken);
    }
}
