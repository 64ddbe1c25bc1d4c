using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>
/// Recipients of every batch, one table row each (partition = batch, row = index), so any recipient
/// is one point read away and a batch of any size never passes through an orchestration's history.
/// </summary>
public sealed class RecipientStore(TableServiceClient tables)
{
    private const int TransactionSize = 100;
    private const int ParallelTransactions = 8;

    private readonly TableClient table = tables.GetTableClient(StorageNames.RecipientsTable);
    private readonly Lazy<Task> created = new(() => tables.GetTableClient(StorageNames.RecipientsTable).CreateIfNotExistsAsync());

    /// <summary>Idempotent: saving the same batch again rewrites the same rows.</summary>
    /// <param name="recipients">Streamed in chunks, so a spooled list of any size never sits in memory whole.</param>
    public async Task SaveAsync(string batchId, IEnumerable<Recipient> recipients, CancellationToken cancellationToken)
    {
        await created.Value;
        var transactions = recipients.Chunk(TransactionSize).Select(chunk =>
            chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(batchId, r))).ToList());
        await Parallel.ForEachAsync(
            transactions,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = cancellationToken },
            async (actions, ct) => await table.SubmitTransactionAsync(actions, ct));
    }

    public async Task<Recipient?> GetAsync(string batchId, int index, CancellationToken cancellationToken)
    {
        await created.Value;
        var response = await table.GetEntityIfExistsAsync<TableEntity>(batchId, RowKey(index), cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>The batch's recipients in index order, streamed page by page.</summary>
    public async IAsyncEnumerable<Recipient> ListAsync(string batchId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await created.Value;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    /// <summary>The recipients with index from <paramref name="from"/> up to (not including) <paramref name="to"/>, in index order.</summary>
    public async Task<IReadOnlyList<Recipient>> ListRangeAsync(string batchId, int from, int to, CancellationToken cancellationToken)
    {
        await created.Value;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId} and RowKey ge {RowKey(from)} and RowKey lt {RowKey(to)}");
        var range = new List<Recipient>(Math.Max(0, to - from));
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            range.Add(FromEntity(entity));
        }

        return range;
    }

    /// <summary>Removes every recipient of the batch (when the batch is deleted).</summary>
    public async Task DeleteAsync(string batchId, CancellationToken cancellationToken)
    {
        await created.Value;
        await TablePartition.DeleteAsync(table, batchId, cancellationToken);
    }

    private static string RowKey(int index) => index.ToString("D7", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(string batchId, Recipient recipient) => new(batchId, RowKey(recipient.Index))
    {
        ["RowNumber"] = recipient.RowNumber,
        ["PhoneNumber"] = recipient.PhoneNumber,
        ["ClientData"] = JsonSerializer.Serialize(recipient.ClientData),
        ["RecipientId"] = recipient.Id,
        ["TimeZones"] = string.Join(',', recipient.TimeZones),
    };

    private static Recipient FromEntity(TableEntity entity) => new(
        int.Parse(entity.RowKey, CultureInfo.InvariantCulture),
        entity.GetInt32("RowNumber") ?? 0,
        entity.GetString("PhoneNumber"),
        JsonSerializer.Deserialize<ConversationInitiationClientData>(entity.GetString("ClientData"))
            ?? throw new RequestFailedException($"Recipient {entity.RowKey} of batch {entity.PartitionKey} has no client data."),
        entity.GetString("RecipientId"))
    {
        TimeZones = entity.GetString("TimeZones") is { Length: > 0 } zones ? zones.Split(',') : [],
    };
}
