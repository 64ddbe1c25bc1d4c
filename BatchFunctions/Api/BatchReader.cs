using System.Globalization;
using System.Runtime.CompilerServices;
using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace BatchFunctions.Api;

/// <summary>
/// Reads batches for the API. The batch index decides whether a batch exists (a deleted batch vanishes
/// at once, a just-submitted one is there before its entity is written); the batch entity supplies the
/// counters. Recipients are joined with their call records and conversation results block by block: a
/// block is 1000 consecutive indexes, which are exactly the call entities whose keys share a prefix, so
/// each block is three independent range queries (recipients, entity store, results), several blocks are read at once, and memory
/// stays bounded by the blocks in flight whatever the size of the batch.
/// </summary>
public sealed class BatchReader(BatchIndex index, RecipientStore recipients, AttemptStore attempts, ConversationResultStore conversations) : IDisposable
{
    public const int BlockSize = 1000;
    private const int BlocksInFlight = 4;
    private const int EntityReadAttempts = 3;

    /// <summary>
    /// Entity reads in flight at once, across all requests: a page of the list reads up to 100 batch
    /// entities and a large batch several blocks; unbounded, 50 clients put thousands of reads on the
    /// storage account at once and the slowest wait for the storage client's timeout.
    /// </summary>
    private const int EntityReadsInFlight = 32;

    private readonly SemaphoreSlim entityReads = new(EntityReadsInFlight);

    /// <summary>A singleton: the container disposes it with the app.</summary>
    public void Dispose() => entityReads.Dispose();

    public async Task<BatchSnapshot?> GetAsync(DurableTaskClient durable, string batchId, CancellationToken cancellationToken)
    {
        var entity = ReadBatchEntityAsync(durable, batchId, cancellationToken);
        var definition = await index.FindAsync(batchId, cancellationToken);
        var state = await entity;
        return definition is null ? null : Snapshot(definition, state);
    }

    /// <summary>
    /// The batch as its entity records it, with the index's definition while the entity has none: the entity is
    /// created by a signal after the index is written, and an operator's command may reach it first, so what
    /// that command recorded is kept.
    /// </summary>
    private static BatchSnapshot Snapshot(BatchDefinition indexed, BatchState? state)
    {
        var current = (state ?? new BatchState()) with { Definition = state?.Definition ?? indexed };
        return new BatchSnapshot(current.Definition!, current);
    }

    /// <summary>A page of the workspace's batches, newest first, each with its counters (read at once).</summary>
    public async Task<WorkspaceBatchCallsResponse> PageAsync(
        DurableTaskClient durable, string? agentId, string? after, int limit, CancellationToken cancellationToken)
    {
        var entries = await index.PageAsync(agentId, after, limit + 1, cancellationToken);
        var page = entries.Take(limit).ToList();
        var batches = await Task.WhenAll(page.Select(async entry =>
        {
            var state = await ReadBatchEntityAsync(durable, entry.Definition.BatchId, cancellationToken);
            return Snapshot(entry.Definition, state).Summary;
        }));
        var hasMore = entries.Count > limit;
        return new WorkspaceBatchCallsResponse(batches, hasMore ? page[^1].Cursor : null, hasMore);
    }

    /// <summary>The batch's recipients in index order, each with its call record.</summary>
    /// <param name="limit">Only the first this many; null for all.</param>
    public IAsyncEnumerable<RecipientOutcome> RecipientsAsync(
        DurableTaskClient durable, string batchId, int totalRecipients, int? limit, CancellationToken cancellationToken) =>
        RecipientRangeAsync(durable, batchId, 0, Math.Min(totalRecipients, limit ?? int.MaxValue), cancellationToken);

    /// <summary>The recipients with indexes from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), each with its call record.</summary>
    public async IAsyncEnumerable<RecipientOutcome> RecipientRangeAsync(
        DurableTaskClient durable, string batchId, int from, int to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task<RecipientOutcome[]>>();
        var next = Math.Max(from, 0);
        try
        {
            while (inFlight.Count > 0 || next < to)
            {
                while (next < to && inFlight.Count < BlocksInFlight)
                {
                    // A read never crosses a block boundary: a block's call entities are one prefix query.
                    var end = Math.Min(((next / BlockSize) + 1) * BlockSize, to);
                    inFlight.Enqueue(ReadBlockAsync(durable, batchId, next, end, stop.Token));
                    next = end;
                }

                foreach (var outcome in await inFlight.Dequeue())
                {
                    yield return outcome;
                }
            }
        }
        finally
        {
            // A reader that stops early (a client gone, a preview) leaves no queries running.
            await stop.CancelAsync();
            await Task.WhenAll(inFlight).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Every call record of the batch, a block of <see cref="BlockSize"/> indexes at a time (one prefix query each,
    /// retried as the recipient reads are), so a caller that counts as they pass holds one block at most.
    /// </summary>
    public async IAsyncEnumerable<CallState> CallsAsync(
        DurableTaskClient durable, string batchId, int totalRecipients, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var block = 0; block * BlockSize < totalRecipients; block++)
        {
            var number = block;
            foreach (var call in (await WithRetriesAsync(() => CallsInBlockAsync(durable, batchId, number, cancellationToken), cancellationToken)).Values)
            {
                yield return call;
            }
        }
    }

    private Task<BatchState?> ReadBatchEntityAsync(DurableTaskClient durable, string batchId, CancellationToken cancellationToken) =>
        WithRetriesAsync(async () => (await durable.Entities.GetEntityAsync<BatchState>(BatchEntity.IdFor(batchId), cancellation: cancellationToken))?.State, cancellationToken);

    /// <summary>
    /// Reads of an entity race with the entity's own writes: on the Azure Storage provider a large state
    /// lives in a blob that a write replaces, so a read between the row and the blob finds no blob. A
    /// busy batch's entity is written many times a second; reading again a moment later succeeds.
    /// </summary>
    private async Task<T> WithRetriesAsync<T>(Func<Task<T>> read, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await entityReads.WaitAsync(cancellationToken);
            try
            {
                return await read();
            }
            catch (Exception e) when (attempt < EntityReadAttempts && e is not OperationCanceledException)
            {
                // Wait outside the limiter below, so a retry does not hold a slot while it sleeps.
            }
            finally
            {
                entityReads.Release();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
        }
    }

    private async Task<RecipientOutcome[]> ReadBlockAsync(DurableTaskClient durable, string batchId, int from, int to, CancellationToken cancellationToken)
    {
        var calls = WithRetriesAsync(() => CallsInBlockAsync(durable, batchId, from / BlockSize, cancellationToken), cancellationToken);
        var queued = attempts.ListAsync(batchId, from, to, cancellationToken);
        var results = conversations.ListRangeAsync(batchId, from, to, cancellationToken);
        var block = await recipients.ListRangeAsync(batchId, from, to, cancellationToken);
        var callsByIndex = await calls;
        var resultsByIndex = await results;
        var waitingByIndex = (await queued).Where(a => a.Waiting is not null)
            .GroupBy(a => a.Id.RecipientIndex)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Id.Attempt)!.Waiting);
        return [.. block.Select(recipient => new RecipientOutcome(
            recipient, callsByIndex.GetValueOrDefault(recipient.Index), waitingByIndex.GetValueOrDefault(recipient.Index), resultsByIndex.GetValueOrDefault(recipient.Index)))];
    }

    private static async Task<Dictionary<int, CallState>> CallsInBlockAsync(DurableTaskClient durable, string batchId, int block, CancellationToken cancellationToken)
    {
        // Keys are "{batch}:{index:D7}", so the first four digits name a block of 1000 indexes.
        var prefix = CallEntity.QueryPrefixFor(batchId) + block.ToString("D4", CultureInfo.InvariantCulture);
        var query = new EntityQuery { InstanceIdStartsWith = prefix, IncludeState = true, PageSize = BlockSize };
        var calls = new Dictionary<int, CallState>();
        await foreach (var call in durable.Entities.GetAllEntitiesAsync<CallState>(query).WithCancellation(cancellationToken))
        {
            calls[call.State.RecipientIndex] = call.State;
        }

        return calls;
    }
}
