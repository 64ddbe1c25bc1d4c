using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>
/// Conversation results: each recipient's <see cref="ConversationSummary"/> in a row keyed exactly like its
/// recipient row (partition = batch, row = index), so a block of a report is one more range query beside the
/// recipients'; and each conversation's full body (transcript, analysis, metadata) as one blob,
/// {batch id}/{conversation id}.json, read only when someone opens that conversation.
/// </summary>
public sealed class ConversationResultStore(TableServiceClient tables, BlobServiceClient blobs)
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.ConversationResultsTable);
    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(StorageNames.ConversationsContainer);
    private readonly CreateOnce created = new(() => Task.WhenAll(
        tables.GetTableClient(StorageNames.ConversationResultsTable).CreateIfNotExistsAsync(),
        blobs.GetBlobContainerClient(StorageNames.ConversationsContainer).CreateIfNotExistsAsync()));

    /// <summary>
    /// Stores a conversation's results for its recipient. Idempotent (the same conversation again rewrites the same
    /// blob and row); results of an earlier attempt never replace a later attempt's.
    /// </summary>
    /// <returns>False when a later attempt's results were already there.</returns>
    public async Task<bool> SaveAsync(ConversationLink link, ConversationSummary summary, BinaryData conversation, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        await container.GetBlobClient(BlobName(link.BatchId, link.ConversationId))
            .UploadAsync(conversation, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(link.BatchId, RowKey(link.RecipientIndex), ["Attempt"], cancellationToken);
        if (existing.HasValue && (existing.Value!.GetInt32("Attempt") ?? 0) > link.Attempt)
        {
            return false;
        }

        await table.UpsertEntityAsync(ToEntity(link, summary), TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    /// <summary>
    /// Writes summaries without conversation blobs, 100 rows per transaction: how a large batch with results is seeded
    /// for the benchmarks and tests that read one, in seconds rather than a blob write per recipient.
    /// </summary>
    public async Task SaveSummariesAsync(string batchId, IEnumerable<KeyValuePair<int, ConversationSummary>> summaries, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var transactions = summaries.Chunk(100).Select(chunk => chunk.Select(s =>
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(new ConversationLink(s.Value.ConversationId, batchId, s.Key, s.Value.Attempt), s.Value))).ToList());
        await Parallel.ForEachAsync(
            transactions,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (actions, ct) => await table.SubmitTransactionAsync(actions, ct));
    }

    /// <summary>Whether this very conversation's results are stored (a webhook or an earlier fetch brought them).</summary>
    public async Task<bool> HasResultsAsync(ConversationLink link, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(link.BatchId, RowKey(link.RecipientIndex), ["ConversationId"], cancellationToken);
        return row.HasValue && row.Value!.GetString("ConversationId") == link.ConversationId;
    }

    public async Task<ConversationSummary?> GetAsync(string batchId, int index, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(batchId, RowKey(index), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>The summaries of recipients with index from <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    public async Task<Dictionary<int, ConversationSummary>> ListRangeAsync(string batchId, int from, int to, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId} and RowKey ge {RowKey(from)} and RowKey lt {RowKey(to)}");
        var range = new Dictionary<int, ConversationSummary>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            range[int.Parse(entity.RowKey, CultureInfo.InvariantCulture)] = FromEntity(entity);
        }

        return range;
    }

    /// <summary>Every summary of the batch, streamed page by page.</summary>
    public async IAsyncEnumerable<ConversationSummary> ListAsync(string batchId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    /// <returns>The conversation's full body as ElevenLabs sent it, or null when none is stored.</returns>
    public async Task<Stream?> OpenConversationAsync(string batchId, string conversationId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        try
        {
            var download = await container.GetBlobClient(BlobName(batchId, conversationId)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Removes the batch's summaries and conversation blobs (when the batch is deleted).</summary>
    public async Task DeleteAsync(string batchId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        await TablePartition.DeleteAsync(table, batchId, cancellationToken);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = batchId + "/" }, cancellationToken))
        {
            await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        }
    }

    private static string BlobName(string batchId, string conversationId) => $"{batchId}/{conversationId}.json";

    private static string RowKey(int index) => index.ToString("D7", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(ConversationLink link, ConversationSummary summary) => new(link.BatchId, RowKey(link.RecipientIndex))
    {
        ["ConversationId"] = summary.ConversationId,
        ["Attempt"] = link.Attempt,
        ["CallSuccessful"] = summary.CallSuccessful.ToString(),
        ["TranscriptSummary"] = summary.TranscriptSummary,
        ["DataCollection"] = JsonSerializer.Serialize(summary.DataCollection),
        ["Evaluation"] = JsonSerializer.Serialize(summary.Evaluation),
        ["DurationSecs"] = summary.DurationSecs,
        ["TerminationReason"] = summary.TerminationReason,
        ["HasAudio"] = summary.HasAudio,
        ["Source"] = summary.Source.ToString(),
        ["StoredAt"] = summary.StoredAt,
    };

    private static ConversationSummary FromEntity(TableEntity entity) => new(
        entity.GetString("ConversationId") ?? "",
        entity.GetInt32("Attempt") ?? 0,
        Enum.TryParse<CallSuccess>(entity.GetString("CallSuccessful"), out var success) ? success : CallSuccess.Unknown,
        entity.GetString("TranscriptSummary"),
        JsonSerializer.Deserialize<Dictionary<string, string?>>(entity.GetString("DataCollection") ?? "{}") ?? [],
        JsonSerializer.Deserialize<Dictionary<string, EvaluationResult>>(entity.GetString("Evaluation") ?? "{}") ?? [],
        entity.GetInt32("DurationSecs"),
        entity.GetString("TerminationReason"),
        entity.GetBoolean("HasAudio") ?? false,
        Enum.TryParse<ResultsSource>(entity.GetString("Source"), out var source) ? source : ResultsSource.Webhook,
        entity.GetDateTimeOffset("StoredAt") ?? DateTimeOffset.MinValue);
}
