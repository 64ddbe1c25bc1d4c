using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Batches;

/// <summary>
/// Operators' commands to a batch: cancel, retry, pause, resume, change of concurrency. Each is raised
/// on the batch's orchestration (instance id = batch id) as a <see cref="BatchCommand"/> event.
/// </summary>
/// <remarks>
/// Placeholder bodies written with the HTTP API (issue 6) so its endpoints have something to call;
/// the orchestrator's owner replaces them (and makes retry real) without changing this shape.
/// </remarks>
public sealed partial class BatchControl(ILogger<BatchControl> logger)
{
    public const string CommandEvent = "BatchCommand";

    public Task<BatchControlResult> CancelAsync(DurableTaskClient durable, string batchId, bool hangUpLiveCalls, CancellationToken cancellationToken) =>
        SendAsync(durable, batchId, new BatchCommand(BatchCommandKind.Cancel, HangUpLiveCalls: hangUpLiveCalls), cancellationToken);

    public async Task<BatchControlResult> RetryAsync(DurableTaskClient durable, string batchId, CancellationToken cancellationToken)
    {
        var status = await StatusAsync(durable, batchId, cancellationToken);
        LogRetryAsked(batchId, status);
        return status switch
        {
            null => BatchControlResult.NotFound,
            BatchStatus.Pending or BatchStatus.InProgress => BatchControlResult.Conflict("The batch is still running; retry it once it has finished."),
            _ => BatchControlResult.Conflict("retry is not available yet"),
        };
    }

    public Task<BatchControlResult> PauseAsync(DurableTaskClient durable, string batchId, CancellationToken cancellationToken) =>
        SendAsync(durable, batchId, new BatchCommand(BatchCommandKind.Pause), cancellationToken);

    public Task<BatchControlResult> ResumeAsync(DurableTaskClient durable, string batchId, CancellationToken cancellationToken) =>
        SendAsync(durable, batchId, new BatchCommand(BatchCommandKind.Resume), cancellationToken);

    public Task<BatchControlResult> SetConcurrencyAsync(DurableTaskClient durable, string batchId, int concurrencyLimit, CancellationToken cancellationToken) =>
        SendAsync(durable, batchId, new BatchCommand(BatchCommandKind.SetConcurrency, ConcurrencyLimit: concurrencyLimit), cancellationToken);

    private async Task<BatchControlResult> SendAsync(DurableTaskClient durable, string batchId, BatchCommand command, CancellationToken cancellationToken)
    {
        switch (await StatusAsync(durable, batchId, cancellationToken))
        {
            case null:
                return BatchControlResult.NotFound;
            case BatchStatus.Completed or BatchStatus.Failed or BatchStatus.Cancelled:
                return BatchControlResult.Conflict("The batch has already ended.");
            default:
                await durable.RaiseEventAsync(batchId, CommandEvent, command, cancellationToken);
                LogCommand(batchId, command.Kind);
                return BatchControlResult.Accepted;
        }
    }

    /// <returns>The batch's status; pending for a batch whose entity is not written yet; null for no batch.</returns>
    private static async Task<BatchStatus?> StatusAsync(DurableTaskClient durable, string batchId, CancellationToken cancellationToken)
    {
        var batch = await durable.Entities.GetEntityAsync<BatchState>(BatchEntity.IdFor(batchId), cancellation: cancellationToken);
        if (batch?.State.Definition is not null)
        {
            return batch.State.Status;
        }

        return await durable.GetInstanceAsync(batchId, cancellationToken) is null ? null : BatchStatus.Pending;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: sent {Command}")]
    private partial void LogCommand(string batchId, BatchCommandKind command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: retry asked while {Status}")]
    private partial void LogRetryAsked(string batchId, BatchStatus? status);
}
