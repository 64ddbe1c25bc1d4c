using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>
/// Makes dialing idempotent. Activities run at least once, so the intent to dial an attempt is
/// recorded (insert-if-absent) before the provider is called, and the outcome after. A rerun that
/// finds the intent without an outcome knows an earlier run may have placed the call.
/// </summary>
public sealed class DialIntentStore(TableServiceClient tables)
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.DialIntentsTable);
    private readonly Lazy<Task> created = new(() => tables.GetTableClient(StorageNames.DialIntentsTable).CreateIfNotExistsAsync());

    public async Task<DialIntent> BeginAsync(string batchId, int recipientIndex, int attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await created.Value;
        var entity = new TableEntity(batchId, RowKey(recipientIndex, attempt)) { ["CreatedAt"] = now };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return new DialIntent(now, WasAlreadyRecorded: false, Result: null);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            var existing = (await table.GetEntityAsync<TableEntity>(batchId, RowKey(recipientIndex, attempt), cancellationToken: cancellationToken)).Value;
            return new DialIntent(existing.GetDateTimeOffset("CreatedAt") ?? now, WasAlreadyRecorded: true, ReadResult(existing));
        }
    }

    public async Task RecordAsync(string batchId, int recipientIndex, int attempt, DialResult result, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(batchId, RowKey(recipientIndex, attempt))
        {
            ["Outcome"] = result.Outcome.ToString(),
            ["CallSid"] = result.CallSid,
            ["FailureReason"] = result.FailureReason?.ToString(),
            ["FailureDetail"] = result.FailureDetail,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>For when the provider answered that it did not create a call: the next run may dial afresh.</summary>
    public async Task ForgetAsync(string batchId, int recipientIndex, int attempt, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(batchId, RowKey(recipientIndex, attempt), ETag.All, cancellationToken);

    /// <summary>Removes every dial record of the batch (when the batch is deleted).</summary>
    public async Task DeleteBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        await created.Value;
        await TablePartition.DeleteAsync(table, batchId, cancellationToken);
    }

    private static DialResult? ReadResult(TableEntity entity) =>
        Enum.TryParse<DialOutcome>(entity.GetString("Outcome"), out var outcome)
            ? new DialResult(
                outcome,
                entity.GetString("CallSid"),
                Enum.TryParse<FailureReason>(entity.GetString("FailureReason"), out var reason) ? reason : null,
                entity.GetString("FailureDetail"))
            : null;

    private static string RowKey(int recipientIndex, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{recipientIndex:D7}-{attempt:D3}");
}
