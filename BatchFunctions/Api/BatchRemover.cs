using BatchFunctions.Functions.Entities;
using BatchFunctions.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Api;

/// <summary>
/// Deletes a batch and everything recorded about it: its index rows first (so the API stops showing it
/// at once), then its orchestration (terminated if it still runs, then purged), its batch and call
/// entities (each told to forget its state), its Recipients and Attempts rows, its conversation results and its budget slots. Every step
/// tolerates a previous, interrupted delete. Calls already live are not hung up: their last callbacks
/// may still arrive, and find nothing the API shows.
/// </summary>
public sealed partial class BatchRemover(BatchIndex index, RecipientStore recipients, AttemptStore attempts, ConversationResultStore conversations, ILogger<BatchRemover> logger)
{
    private static readonly TimeSpan TerminationTimeout = TimeSpan.FromSeconds(30);
    private const int ParallelSignals = 16;
    private const int PurgeAttempts = 5;
    private static readonly TimeSpan PurgeSettleTime = TimeSpan.FromMilliseconds(300);

    /// <returns>False when there is no such batch.</returns>
    /// <exception cref="TimeoutException">The orchestration did not stop in time; nothing but the index rows was removed.</exception>
    public async Task<bool> RemoveAsync(DurableTaskClient durable, string batchId, CancellationToken cancellationToken)
    {
        var definition = await index.FindAsync(batchId, cancellationToken);
        var instance = await durable.GetInstanceAsync(batchId, cancellationToken);
        var entity = await durable.Entities.GetEntityAsync(BatchEntity.IdFor(batchId), includeState: false, cancellation: cancellationToken);
        var found = definition is not null || instance is not null || entity is not null;
        if (found)
        {
            await index.RemoveAsync(batchId, cancellationToken);
            if (instance is not null)
            {
                await StopAndPurgeAsync(durable, instance, cancellationToken);
            }

            await durable.Entities.SignalEntityAsync(BatchEntity.IdFor(batchId), nameof(BatchEntity.Delete), cancellation: cancellationToken);
        }

        // The rest runs even for a batch no longer found: a delete interrupted after the batch record went
        // (a storage fault) is finished by the next one, which answers 404 but leaves nothing behind.
        var calls = durable.Entities.GetAllEntitiesAsync(
            new EntityQuery { InstanceIdStartsWith = CallEntity.QueryPrefixFor(batchId), IncludeState = false, PageSize = 1000 });
        await Parallel.ForEachAsync(
            calls,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelSignals, CancellationToken = cancellationToken },
            async (call, ct) => await durable.Entities.SignalEntityAsync(call.Id, nameof(CallEntity.Delete), cancellation: ct));
        await recipients.DeleteAsync(batchId, cancellationToken);
        await attempts.DeleteBatchAsync(batchId, cancellationToken);
        await conversations.DeleteAsync(batchId, cancellationToken);

        // Its slots go back at once rather than when its lease expires.
        await durable.Entities.SignalEntityAsync(WorkspaceBudgetEntity.Workspace, nameof(WorkspaceBudgetEntity.Release), LeaseRelease.Deleted(batchId), cancellation: cancellationToken);
        if (found)
        {
            LogDeleted(batchId);
        }

        return found;
    }

    private static async Task StopAndPurgeAsync(DurableTaskClient durable, OrchestrationMetadata instance, CancellationToken cancellationToken)
    {
        if (!instance.IsCompleted)
        {
            await durable.TerminateInstanceAsync(instance.InstanceId, new TerminateInstanceOptions { Output = "The batch was deleted." }, cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TerminationTimeout);
            try
            {
                await durable.WaitForInstanceCompletionAsync(instance.InstanceId, cancellation: timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The batch's orchestration did not stop within {TerminationTimeout.TotalSeconds} s.");
            }
        }

        // A work item that was already running when the termination arrived can write the instance's
        // record back after the purge (seen with several dials in flight), so purge until it stays gone.
        for (var attempt = 1; ; attempt++)
        {
            await durable.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken);
            await Task.Delay(PurgeSettleTime, cancellationToken);
            if (await durable.GetInstanceAsync(instance.InstanceId, cancellationToken) is null || attempt == PurgeAttempts)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted batch {BatchId}")]
    private partial void LogDeleted(string batchId);
}
