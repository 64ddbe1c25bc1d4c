using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>
/// Every attempt of a batch, in one table partition per batch, so that the steps that must not be
/// separated are one atomic transaction. Two kinds of rows:
/// <list type="bullet">
/// <item>the attempt row "a{recipient}-{attempt}": its state (queued, claimed, done), its dial outcome,
/// and the call id a callback reported. Its key is the attempt, so queueing or claiming the same
/// attempt twice is the same row: re-runs and concurrent retries are idempotent by construction;</item>
/// <item>the due row "q{due ticks}-{recipient}-{attempt}" of a queued attempt: keys sort by due time,
/// so the due attempts are a prefix of the "q" range however many wait (retries, closed windows).</item>
/// </list>
/// A claim turns a queued (or new) attempt row into "claimed" with a conditional write (ETag) and
/// deletes its due row in the same transaction: exactly one run can win it, and a claimed attempt can
/// never be taken from the queue again. Rows carry the batch's run number (0, then +1 per operator
/// retry): rows a finished run left behind are ignored by the next.
/// </summary>
public sealed class AttemptStore(TableServiceClient tables)
{
    private const string AttemptPrefix = "a";
    private const string DuePrefix = "q";

    private readonly TableClient table = tables.GetTableClient(StorageNames.AttemptsTable);
    private readonly CreateOnce created = new(() => tables.GetTableClient(StorageNames.AttemptsTable).CreateIfNotExistsAsync());

    /// <summary>
    /// Queues new attempts. An attempt already known is left alone (queued, claimed or done), unless an
    /// earlier run queued it and never dialed it: then this run takes it over.
    /// </summary>
    public async Task EnqueueAsync(string batchId, int run, IReadOnlyCollection<QueuedAttempt> entries, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (entry, ct) =>
            await QueueAsync(batchId, run, entry, existing => ReadState(existing) == AttemptState.Queued && ReadRun(existing) < run, ct));
    }

    /// <summary>Moves a queued attempt to a new due time (its window closed before it was dialed); queues it if it is not queued yet.</summary>
    /// <returns>False when the attempt is already claimed or done: some run is dialing or has dialed it.</returns>
    public async Task<bool> RescheduleAsync(string batchId, int run, QueuedAttempt entry, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        return await QueueAsync(batchId, run, entry, existing => ReadState(existing) is AttemptState.Queued or AttemptState.Released, cancellationToken);
    }

    /// <summary>Queued attempts of this run due at <paramref name="now"/>, oldest first, skipping those already handed out.</summary>
    public async Task<IReadOnlyList<DialTicket>> TakeDueAsync(string batchId, int run, DateTimeOffset now, IReadOnlySet<AttemptId> handedOut, int max, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId} and RowKey gt {DuePrefix} and RowKey lt {DueBound(now)}");
        var due = new List<DialTicket>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Max(max + handedOut.Count, 10), cancellationToken: cancellationToken))
        {
            if (due.Count >= max)
            {
                break;
            }

            var ticket = new DialTicket(row.GetInt32("RecipientIndex")!.Value, row.GetInt32("Attempt")!.Value, FromQueue: true, ReadPreviousStatus(row));
            if (ReadRun(row) == run && !handedOut.Contains(ticket.Id))
            {
                due.Add(ticket);
            }
        }

        return due;
    }

    /// <summary>The earliest queued attempt of this run not handed out: when it is due and why it waits; null when nothing waits.</summary>
    public async Task<Waiting?> EarliestDueAsync(string batchId, int run, IReadOnlySet<AttemptId> handedOut, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId} and RowKey gt {DuePrefix}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: handedOut.Count + 10, cancellationToken: cancellationToken))
        {
            var id = new AttemptId(row.GetInt32("RecipientIndex")!.Value, row.GetInt32("Attempt")!.Value);
            if (ReadRun(row) == run && !handedOut.Contains(id))
            {
                return ReadWaiting(row) ?? new Waiting(WaitingReason.RetryDelay, row.GetDateTimeOffset("DueAt"));
            }
        }

        return null;
    }

    /// <summary>
    /// Claims the attempt for this run to dial: at most one claim ever succeeds (until released), and a
    /// queued attempt leaves the queue in the same transaction. A try below the attempt's fence (see
    /// <see cref="WithdrawAsync"/>) never wins.
    /// </summary>
    /// <param name="queued">
    /// The attempt came from the dial queue, so its row exists. When false (a first attempt taken from the
    /// list), the claim is tried as an insert straight away: one storage round trip for almost every dial.
    /// </param>
    public async Task<AttemptClaim> ClaimAsync(string batchId, int run, AttemptId id, int tryNumber, bool queued, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var row = new TableEntity(batchId, AttemptKey(id))
        {
            ["State"] = nameof(AttemptState.Claimed), ["Run"] = run, ["ClaimedAt"] = now,
            ["RecipientIndex"] = id.RecipientIndex, ["Attempt"] = id.Attempt,
        };
        if (!queued && tryNumber == 0 && await TrySubmitAsync([Add(row)], cancellationToken))
        {
            return AttemptClaim.Granted;
        }

        while (true)
        {
            var existing = await FindAsync(batchId, id, cancellationToken);
            if (existing is null)
            {
                if (await TrySubmitAsync([Add(row)], cancellationToken))
                {
                    return AttemptClaim.Granted;
                }

                continue;
            }

            var state = ReadState(existing);
            if (state is AttemptState.Claimed or AttemptState.Done || tryNumber < ReadFence(existing))
            {
                return new AttemptClaim(false, Read(id, existing));
            }

            var claimed = Copy(existing);
            claimed["State"] = nameof(AttemptState.Claimed);
            claimed["ClaimedAt"] = now;
            claimed["DueKey"] = null;
            claimed["Waiting"] = null;
            List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, claimed, existing.ETag)];
            if (existing.GetString("DueKey") is { Length: > 0 } dueKey)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(batchId, dueKey), ETag.All));
            }

            if (await TrySubmitAsync(actions, cancellationToken))
            {
                return AttemptClaim.Granted;
            }
        }
    }

    /// <summary>Records the dial's outcome on the claimed attempt.</summary>
    public async Task RecordAsync(string batchId, AttemptId id, DialResult result, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var row = new TableEntity(batchId, AttemptKey(id))
        {
            ["State"] = nameof(AttemptState.Done),
            ["Outcome"] = result.Outcome.ToString(),
            ["CallSid"] = result.CallSid,
            ["ConversationId"] = result.ConversationId,
            ["FailureReason"] = result.FailureReason?.ToString(),
            ["FailureDetail"] = result.FailureDetail,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The provider said it created no call: the attempt may be claimed and dialed again.</summary>
    public async Task ReleaseAsync(string batchId, AttemptId id, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        await table.UpsertEntityAsync(new TableEntity(batchId, AttemptKey(id)) { ["State"] = nameof(AttemptState.Released) }, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>
    /// Settles that the attempt was never dialed, for a look-up whose dial outcome was unknown: unless a
    /// run has claimed it meanwhile, it is taken off the queue and fenced so that only try
    /// <paramref name="tryNumber"/> + 1 or later may claim it. A run of an earlier try that arrives late
    /// (redelivered, or retried by the engine after the orchestrator gave up on it) can then never dial.
    /// </summary>
    /// <returns>The try that may dial it now; null when a run holds the claim or has dialed it.</returns>
    public async Task<int?> WithdrawAsync(string batchId, AttemptId id, int tryNumber, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        while (true)
        {
            var existing = await FindAsync(batchId, id, cancellationToken);
            if (existing is not null && ReadState(existing) is AttemptState.Claimed or AttemptState.Done)
            {
                return null;
            }

            var fence = Math.Max(tryNumber + 1, existing is null ? 0 : ReadFence(existing));
            var withdrawn = new TableEntity(batchId, AttemptKey(id))
            {
                ["State"] = nameof(AttemptState.Released), ["Fence"] = fence,
                ["RecipientIndex"] = id.RecipientIndex, ["Attempt"] = id.Attempt,
                ["Run"] = existing is null ? 0 : ReadRun(existing),
            };
            List<TableTransactionAction> actions = existing is null
                ? [Add(withdrawn)]
                : [new(TableTransactionActionType.UpdateReplace, withdrawn, existing.ETag)];
            if (existing?.GetString("DueKey") is { Length: > 0 } dueKey)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(batchId, dueKey), ETag.All));
            }

            if (await TrySubmitAsync(actions, cancellationToken))
            {
                return fence;
            }
        }
    }

    /// <summary>Notes the call id a status callback carried for the attempt (the call exists, whatever became of the dial's answer).</summary>
    public async Task RecordCallbackAsync(string batchId, AttemptId id, string callSid, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        try
        {
            await table.UpdateEntityAsync(new TableEntity(batchId, AttemptKey(id)) { ["CallbackCallSid"] = callSid }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // No such attempt of ours (a deleted batch, or a forged id that passed no signature check anyway).
        }
    }

    public async Task<AttemptRecord?> GetAsync(string batchId, AttemptId id, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        return await FindAsync(batchId, id, cancellationToken) is { } row ? Read(id, row) : null;
    }

    /// <summary>Attempts of recipients <paramref name="from"/> to <paramref name="to"/> (exclusive), for the API's recipient pages.</summary>
    public async Task<IReadOnlyList<AttemptRecord>> ListAsync(string batchId, int from, int to, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId} and RowKey ge {AttemptPrefix + new AttemptId(from, 0)} and RowKey lt {AttemptPrefix + new AttemptId(to, 0)}");
        var records = new List<AttemptRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(Read(new AttemptId(row.GetInt32("RecipientIndex")!.Value, row.GetInt32("Attempt")!.Value), row));
        }

        return records;
    }

    /// <summary>Removes every row of the batch (when the batch is deleted).</summary>
    public async Task DeleteBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        await created.EnsureAsync();
        await TablePartition.DeleteAsync(table, batchId, cancellationToken);
    }

    /// <summary>Queues the attempt if it is new, or moves it when <paramref name="mayMove"/> says its row may be rewritten.</summary>
    /// <returns>Whether the attempt is now queued as <paramref name="entry"/> says.</returns>
    private async Task<bool> QueueAsync(string batchId, int run, QueuedAttempt entry, Func<TableEntity, bool> mayMove, CancellationToken cancellationToken)
    {
        var id = new AttemptId(entry.RecipientIndex, entry.Attempt);
        while (true)
        {
            var existing = await FindAsync(batchId, id, cancellationToken);
            if (existing is not null && !mayMove(existing))
            {
                return false;
            }

            var written = existing is null
                ? await TrySubmitAsync([Add(AttemptRow(batchId, run, entry)), Add(DueRow(batchId, run, entry))], cancellationToken)
                : await TryMoveAsync(batchId, run, existing, entry, cancellationToken);
            if (written)
            {
                return true;
            }
        }
    }

    private async Task<bool> TryMoveAsync(string batchId, int run, TableEntity existing, QueuedAttempt entry, CancellationToken cancellationToken)
    {
        var moved = AttemptRow(batchId, run, entry);
        moved["Fence"] = ReadFence(existing);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, moved, existing.ETag)];
        if (existing.GetString("DueKey") is { Length: > 0 } oldKey && oldKey != moved.GetString("DueKey"))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(batchId, oldKey), ETag.All));
        }

        actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, DueRow(batchId, run, entry)));
        return await TrySubmitAsync(actions, cancellationToken);
    }

    /// <returns>False when another writer got there first (conflict, changed ETag, row gone): read again and decide again.</returns>
    private async Task<bool> TrySubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task<TableEntity?> FindAsync(string batchId, AttemptId id, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(batchId, AttemptKey(id), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static TableTransactionAction Add(TableEntity row) => new(TableTransactionActionType.Add, row);

    private static TableEntity AttemptRow(string batchId, int run, QueuedAttempt entry)
    {
        var row = new TableEntity(batchId, AttemptKey(new AttemptId(entry.RecipientIndex, entry.Attempt)))
        {
            ["State"] = nameof(AttemptState.Queued),
            ["DueKey"] = DueKey(entry),
        };
        WriteCommon(row, run, entry);
        return row;
    }

    private static TableEntity DueRow(string batchId, int run, QueuedAttempt entry)
    {
        var row = new TableEntity(batchId, DueKey(entry));
        WriteCommon(row, run, entry);
        return row;
    }

    private static void WriteCommon(TableEntity row, int run, QueuedAttempt entry)
    {
        row["RecipientIndex"] = entry.RecipientIndex;
        row["Attempt"] = entry.Attempt;
        row["Run"] = run;
        row["DueAt"] = entry.DueAt;
        row["PreviousStatus"] = entry.PreviousStatus?.ToString();
        row["Waiting"] = entry.Waiting?.Reason.ToString();
        row["WaitingZone"] = entry.Waiting?.TimeZone;
        row["WaitingOpening"] = entry.Waiting?.LocalOpening;
    }

    private static TableEntity Copy(TableEntity row)
    {
        var copy = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (key, value) in row)
        {
            if (key is not ("odata.etag" or "PartitionKey" or "RowKey" or "Timestamp"))
            {
                copy[key] = value;
            }
        }

        return copy;
    }

    private static AttemptRecord Read(AttemptId id, TableEntity row) => new(
        id,
        ReadState(row),
        ReadRun(row),
        row.GetDateTimeOffset("ClaimedAt"),
        Enum.TryParse<DialOutcome>(row.GetString("Outcome"), out var outcome)
            ? new DialResult(
                outcome,
                row.GetString("CallSid"),
                Enum.TryParse<FailureReason>(row.GetString("FailureReason"), out var reason) ? reason : null,
                row.GetString("FailureDetail"),
                ConversationId: row.GetString("ConversationId"))
            : null,
        row.GetString("CallbackCallSid"),
        ReadState(row) == AttemptState.Queued ? ReadWaiting(row) : null);

    private static Waiting? ReadWaiting(TableEntity row) =>
        Enum.TryParse<WaitingReason>(row.GetString("Waiting"), out var reason)
            ? new Waiting(reason, row.GetDateTimeOffset("DueAt"), row.GetString("WaitingZone"), row.GetString("WaitingOpening"))
            : null;

    private static AttemptState ReadState(TableEntity row) => Enum.TryParse<AttemptState>(row.GetString("State"), out var state) ? state : AttemptState.Queued;

    private static int ReadRun(TableEntity row) => row.GetInt32("Run") ?? 0;

    private static int ReadFence(TableEntity row) => row.GetInt32("Fence") ?? 0;

    private static RecipientStatus? ReadPreviousStatus(TableEntity row) =>
        Enum.TryParse<RecipientStatus>(row.GetString("PreviousStatus"), out var previous) ? previous : null;

    private static string AttemptKey(AttemptId id) => AttemptPrefix + id;

    private static string DueKey(QueuedAttempt entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{DuePrefix}{entry.DueAt.UtcTicks:D19}-{new AttemptId(entry.RecipientIndex, entry.Attempt)}");

    /// <summary>Every due key of an entry due at or before <paramref name="now"/> sorts below this.</summary>
    private static string DueBound(DateTimeOffset now) => string.Create(CultureInfo.InvariantCulture, $"{DuePrefix}{now.UtcTicks:D19}.");
}
