using System.Globalization;
using Azure;
using Azure.Data.Tables;
using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>
/// Recipient attempts that must wait: retries after their delay, and recipients whose calling window
/// is closed. One table partition per batch; row keys sort by the time an entry becomes due, so the
/// due entries are a prefix of the partition however many wait. This keeps waiting recipients out of
/// the orchestration's state, whose size must not grow with the list.
/// </summary>
public sealed class DialQueue(TableServiceClient tables)
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.DialQueueTable);
    private readonly Lazy<Task> created = new(() => tables.GetTableClient(StorageNames.DialQueueTable).CreateIfNotExistsAsync());

    /// <summary>Idempotent: the same attempt due at the same time is one entry.</summary>
    public async Task EnqueueAsync(string batchId, IReadOnlyCollection<QueuedAttempt> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await created.Value;
        foreach (var chunk in entries.Chunk(100))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(batchId, Key(e.DueAt, e.RecipientIndex, e.Attempt))
                {
                    ["RecipientIndex"] = e.RecipientIndex,
                    ["Attempt"] = e.Attempt,
                    ["DueAt"] = e.DueAt,
                    ["PreviousStatus"] = e.PreviousStatus?.ToString(),
                })),
                cancellationToken);
        }
    }

    /// <summary>Entries due at <paramref name="now"/>, oldest first, skipping those already handed out.</summary>
    public async Task<IReadOnlyList<DialTicket>> TakeDueAsync(string batchId, DateTimeOffset now, IReadOnlySet<string> handedOut, int max, CancellationToken cancellationToken)
    {
        await created.Value;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId} and RowKey lt {DueBound(now)}");
        var due = new List<DialTicket>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Max(max + handedOut.Count, 10), cancellationToken: cancellationToken))
        {
            if (due.Count >= max)
            {
                break;
            }

            if (!handedOut.Contains(entity.RowKey))
            {
                due.Add(new DialTicket(entity.GetInt32("RecipientIndex")!.Value, entity.GetInt32("Attempt")!.Value, entity.RowKey,
                    Enum.TryParse<RecipientStatus>(entity.GetString("PreviousStatus"), out var previous) ? previous : null));
            }
        }

        return due;
    }

    /// <summary>When the earliest waiting entry not handed out becomes due, or null if nothing else waits.</summary>
    public async Task<DateTimeOffset?> EarliestDueAsync(string batchId, IReadOnlySet<string> handedOut, CancellationToken cancellationToken)
    {
        await created.Value;
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == batchId, maxPerPage: handedOut.Count + 1, select: ["RowKey", "DueAt"], cancellationToken: cancellationToken))
        {
            if (!handedOut.Contains(entity.RowKey))
            {
                return entity.GetDateTimeOffset("DueAt");
            }
        }

        return null;
    }

    /// <summary>Idempotent: removing an entry that is already gone is not an error.</summary>
    public async Task RemoveAsync(string batchId, string queueKey, CancellationToken cancellationToken)
    {
        await created.Value;
        try
        {
            await table.DeleteEntityAsync(batchId, queueKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Removes everything still waiting, e.g. when the batch is cancelled.</summary>
    public async Task ClearAsync(string batchId, CancellationToken cancellationToken)
    {
        await created.Value;
        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == batchId, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }

        foreach (var chunk in keys.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(batchId, k))), cancellationToken);
        }
    }

    private static string Key(DateTimeOffset dueAt, int recipientIndex, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{dueAt.UtcTicks:D19}-{recipientIndex:D7}-{attempt:D3}");

    /// <summary>Every key of an entry due at or before <paramref name="now"/> sorts below this.</summary>
    private static string DueBound(DateTimeOffset now) => string.Create(CultureInfo.InvariantCulture, $"{now.UtcTicks:D19}.");
}
