using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>
/// Every batch, newest first, so the API can page through a workspace's batches without reading
/// every batch entity (an entity query returns them in id order, not by age). Two rows per batch:
/// one in partition "time" keyed by inverted creation ticks (a range query reads a page, newest
/// first), one in partition "id" keyed by batch id (a point read finds a batch whose entity has not
/// been created yet, and tells a delete which time row to remove). Both carry the definition.
/// </summary>
public sealed class BatchIndex(TableServiceClient tables)
{
    public const string TimePartition = "time";
    public const string IdPartition = "id";

    private readonly TableClient table = tables.GetTableClient(StorageNames.BatchIndexTable);
    private readonly CreateOnce created = new(() => tables.GetTableClient(StorageNames.BatchIndexTable).CreateIfNotExistsAsync());

    /// <summary>Idempotent for the same definition (same batch id and creation time).</summary>
    public async Task AddAsync(BatchDefinition definition, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var definitionJson = JsonSerializer.Serialize(definition);
        var timeKey = TimeKey(definition.CreatedAt, definition.BatchId);
        await table.UpsertEntityAsync(
            new TableEntity(IdPartition, definition.BatchId) { ["TimeKey"] = timeKey, ["Definition"] = definitionJson },
            TableUpdateMode.Replace,
            cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(TimePartition, timeKey) { ["BatchId"] = definition.BatchId, ["AgentId"] = definition.AgentId, ["Definition"] = definitionJson },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<BatchDefinition?> FindAsync(string batchId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(IdPartition, batchId, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>Up to <paramref name="count"/> batches created before the cursor (or the newest), newest first.</summary>
    /// <param name="after">The <see cref="BatchIndexEntry.Cursor"/> of the last batch of the previous page.</param>
    public async Task<IReadOnlyList<BatchIndexEntry>> PageAsync(string? agentId, string? after, int count, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TimePartition}");
        if (after is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }

        if (agentId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"AgentId eq {agentId}");
        }

        var page = new List<BatchIndexEntry>(count);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(count, 1000), cancellationToken: cancellationToken))
        {
            page.Add(new BatchIndexEntry(row.RowKey, Read(row)));
            if (page.Count == count)
            {
                break;
            }
        }

        return page;
    }

    public async Task RemoveAsync(string batchId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(IdPartition, batchId, cancellationToken: cancellationToken);
        if (row.HasValue && row.Value!.GetString("TimeKey") is { } timeKey)
        {
            await table.DeleteEntityAsync(TimePartition, timeKey, ETag.All, cancellationToken);
        }

        await table.DeleteEntityAsync(IdPartition, batchId, ETag.All, cancellationToken);
    }

    /// <summary>Sorts newest first: the row key of a later batch is smaller.</summary>
    public static string TimeKey(DateTimeOffset createdAt, string batchId) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks:D19}_{batchId}");

    /// <summary>Whether a cursor from a client has the shape of a time key (it need not name an existing batch).</summary>
    public static bool IsCursor(string value) =>
        value.Length > 20 && value[19] == '_' && value.AsSpan(0, 19).IndexOfAnyExceptInRange('0', '9') < 0;

    private static BatchDefinition Read(TableEntity row) =>
        JsonSerializer.Deserialize<BatchDefinition>(row.GetString("Definition"))
            ?? throw new RequestFailedException($"Batch index row {row.PartitionKey}/{row.RowKey} has no definition.");
}
