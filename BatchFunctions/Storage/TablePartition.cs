using Azure;
using Azure.Data.Tables;

namespace BatchFunctions.Storage;

/// <summary>Deletes every row of one partition, 100 rows per transaction (the service's limit).</summary>
internal static class TablePartition
{
    private const int TransactionSize = 100;
    private const int ParallelTransactions = 8;

    public static async Task DeleteAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        var keys = new List<string>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                keys.Add(row.RowKey);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return; // No table yet, so nothing to delete.
        }

        await Parallel.ForEachAsync(
            keys.Chunk(TransactionSize),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = cancellationToken },
            async (chunk, ct) => await table.SubmitTransactionAsync(
                chunk.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, key), ETag.All)), ct));
    }
}
