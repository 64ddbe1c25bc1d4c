using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>
/// Recipients of every batch in table storage (partition = batch), so any recipient is one request away
/// and a batch of any size never passes through an orchestration's history.
/// </summary>
/// <remarks>
/// Recipients are stored in blocks: one entity holds up to <see cref="BlockRecipients"/> consecutive
/// recipients as UTF-8 JSON arrays in binary properties (J0, J1, ..., each at most 64 KiB and holding
/// whole recipients), and its row key is the index of its last recipient, so "the first block whose row
/// key is at least i" is the block holding recipient i. Storage costs per entity and per request far more
/// than per byte (Azurite, which runs every local campaign and test, most of all), and a block turns a
/// hundred entities into one. Binary rather than string properties because Azurite takes about twenty
/// times longer over a string property than over the same bytes as binary (1,000 blocks: 11-15 s as
/// strings, 0.5 s as binary, measured Dec 2026). Blocks written as one string property per recipient
/// (R0, R1, ...) and entities written before blocks (one recipient each, its index as row key) still read.
/// </remarks>
public sealed class RecipientStore(TableServiceClient tables)
{
    /// <summary>Table storage's limit on entities in one transaction.</summary>
    private const int TransactionEntities = 100;

    /// <summary>Below the 4 MiB request limit even when every character takes three bytes in UTF-8.</summary>
    private const int TransactionCharacters = 1_000_000;

    private const int ParallelTransactions = 8;

    /// <summary>At most 252 properties to an entity; a hundred keeps the names short and a block cheap to read.</summary>
    private const int BlockRecipients = 100;

    /// <summary>
    /// 256 KiB of the 1 MiB entity limit: a point read downloads the whole block, so a list of long prompts
    /// gets smaller blocks rather than costing every dial a megabyte.
    /// </summary>
    private const int BlockCharacters = 128 * 1024;

    /// <summary>Table storage's limit on one string property: 64 KiB of UTF-16.</summary>
    private const int PropertyCharacters = 32 * 1024;

    /// <summary>Table storage's limit on one binary property.</summary>
    private const int PartBytes = 64 * 1024;

    private const string FirstIndexProperty = "First";
    private const string PartPrefix = "J";

    private readonly TableClient table = tables.GetTableClient(StorageNames.RecipientsTable);
    private readonly CreateOnce created = new(() => tables.GetTableClient(StorageNames.RecipientsTable).CreateIfNotExistsAsync());

    /// <summary>Idempotent: saving the same recipients again writes the same blocks over themselves.</summary>
    /// <param name="recipients">In index order, from 0; streamed, so a spooled list of any size never sits in memory whole.</param>
    public async Task SaveAsync(string batchId, IEnumerable<Recipient> recipients, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        await Parallel.ForEachAsync(
            Transactions(Blocks(batchId, recipients)),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = cancellationToken },
            async (actions, ct) => await table.SubmitTransactionAsync(actions, ct));
    }

    public async Task<Recipient?> GetAsync(string batchId, int index, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId} and RowKey ge {RowKey(index)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return Read(entity).FirstOrDefault(r => r.Index == index);
        }

        return null;
    }

    /// <summary>The batch's recipients in index order, streamed page by page.</summary>
    public async IAsyncEnumerable<Recipient> ListAsync(string batchId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 100, cancellationToken: cancellationToken))
        {
            foreach (var recipient in Read(entity))
            {
                yield return recipient;
            }
        }
    }

    /// <summary>The recipients with index from <paramref name="from"/> up to (not including) <paramref name="to"/>, in index order.</summary>
    public async Task<IReadOnlyList<Recipient>> ListRangeAsync(string batchId, int from, int to, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var range = new List<Recipient>(Math.Max(0, to - from));
        if (to <= from)
        {
            return range;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId} and RowKey ge {RowKey(from)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 100, cancellationToken: cancellationToken))
        {
            var block = Read(entity);
            range.AddRange(block.Where(r => r.Index >= from && r.Index < to));
            if (block.Count == 0 || block[^1].Index >= to - 1)
            {
                break;
            }
        }

        return range;
    }

    /// <summary>Removes every recipient of the batch (when the batch is deleted).</summary>
    public async Task DeleteAsync(string batchId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        await TablePartition.DeleteAsync(table, batchId, cancellationToken);
    }

    private static string RowKey(int index) => index.ToString("D7", CultureInfo.InvariantCulture);

    private static IEnumerable<(TableEntity Entity, int Characters)> Blocks(string batchId, IEnumerable<Recipient> recipients)
    {
        var block = new List<byte[]>(BlockRecipients);
        var first = 0;
        var last = -1;
        var bytes = 0;
        foreach (var recipient in recipients)
        {
            // Blocks are found by their last index, so they must not overlap: recipients come in index order.
            if (recipient.Index <= last)
            {
                throw new ArgumentException($"Recipients are stored in index order; recipient {recipient.Index} came after {last}.", nameof(recipients));
            }

            // The default encoder escapes every non-ASCII character, so a UTF-8 byte is a character here.
            var json = JsonSerializer.SerializeToUtf8Bytes(recipient);
            if (json.Length > PropertyCharacters)
            {
                // The list's checks turn such a row into a row error first (StoredRecipientSize); this is the last line.
                throw new ArgumentException(
                    $"Recipient {recipient.Index} (row {recipient.RowNumber}) takes {json.Length * sizeof(char) / 1024} KiB, over table storage's 64 KiB limit on one property.",
                    nameof(recipients));
            }

            if (block.Count == BlockRecipients || (block.Count > 0 && bytes + json.Length > BlockCharacters))
            {
                yield return (Block(batchId, first, last, block), bytes);
                block.Clear();
                bytes = 0;
            }

            first = block.Count == 0 ? recipient.Index : first;
            last = recipient.Index;
            block.Add(json);
            bytes += json.Length;
        }

        if (block.Count > 0)
        {
            yield return (Block(batchId, first, last, block), bytes);
        }
    }

    private static TableEntity Block(string batchId, int first, int last, List<byte[]> recipients)
    {
        var entity = new TableEntity(batchId, RowKey(last)) { [FirstIndexProperty] = first };
        var part = new MemoryStream();
        var parts = 0;
        foreach (var json in recipients)
        {
            if (part.Length > 0 && part.Length + json.Length + 2 > PartBytes)
            {
                Close();
            }

            part.WriteByte(part.Length == 0 ? (byte)'[' : (byte)',');
            part.Write(json);
        }

        Close();
        return entity;

        void Close()
        {
            part.WriteByte((byte)']');
            entity[PartPrefix + parts++.ToString(CultureInfo.InvariantCulture)] = part.ToArray();
            part.SetLength(0);
        }
    }

    private static IEnumerable<List<TableTransactionAction>> Transactions(IEnumerable<(TableEntity Entity, int Characters)> blocks)
    {
        var actions = new List<TableTransactionAction>();
        var characters = 0;
        foreach (var (entity, size) in blocks)
        {
            if (actions.Count == TransactionEntities || (actions.Count > 0 && characters + size > TransactionCharacters))
            {
                yield return actions;
                actions = [];
                characters = 0;
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            characters += size;
        }

        if (actions.Count > 0)
        {
            yield return actions;
        }
    }

    private static List<Recipient> Read(TableEntity entity)
    {
        if (entity.GetInt32(FirstIndexProperty) is not { } first)
        {
            return [FromSingleRecipientEntity(entity)];
        }

        var block = new List<Recipient>();
        for (var i = 0; entity.GetBinary(PartPrefix + i.ToString(CultureInfo.InvariantCulture)) is { } part; i++)
        {
            block.AddRange(JsonSerializer.Deserialize<List<Recipient>>(part)
                ?? throw new RequestFailedException($"Part {i} of the block of recipients from {first} of batch {entity.PartitionKey} is empty."));
        }

        if (block.Count > 0)
        {
            return block;
        }

        // A block written with one string property per recipient (R0, R1, ...), before binary parts.
        for (var i = 0; entity.GetString("R" + i.ToString(CultureInfo.InvariantCulture)) is { } json; i++)
        {
            block.Add(JsonSerializer.Deserialize<Recipient>(json)
                ?? throw new RequestFailedException($"Recipient {first + i} of batch {entity.PartitionKey} is empty."));
        }

        return block;
    }

    /// <summary>The layout before blocks: one entity per recipient.</summary>
    private static Recipient FromSingleRecipientEntity(TableEntity entity) => new(
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
