using Azure;
using Azure.Data.Tables;
using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>
/// The conversations this app started, by conversation id, each with its recipient and attempt: how a post-call
/// webhook finds its recipient, and how it tells a conversation of ours from any other in the workspace.
/// </summary>
public sealed class ConversationIndex(TableServiceClient tables)
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.ConversationsTable);
    private readonly CreateOnce created = new(() => tables.GetTableClient(StorageNames.ConversationsTable).CreateIfNotExistsAsync());

    /// <summary>Idempotent: recording the same conversation again rewrites the same row.</summary>
    public async Task RecordAsync(ConversationLink link, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        await table.UpsertEntityAsync(
            new TableEntity(link.ConversationId, "")
            {
                ["BatchId"] = link.BatchId,
                ["RecipientIndex"] = link.RecipientIndex,
                ["Attempt"] = link.Attempt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <returns>The recipient the conversation belongs to, or null when we did not start it.</returns>
    public async Task<ConversationLink?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        try
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(conversationId, "", cancellationToken: cancellationToken);
            return found.HasValue
                ? new ConversationLink(conversationId, found.Value!.GetString("BatchId"), found.Value.GetInt32("RecipientIndex") ?? 0, found.Value.GetInt32("Attempt") ?? 0)
                : null;
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            // A key with characters tables refuse cannot be one of ours.
            return null;
        }
    }
}
