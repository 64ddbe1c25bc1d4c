using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace BatchFunctions.Storage;

/// <summary>
/// Signatures of the webhooks already accepted. A signature covers the timestamp and the body, so the same one
/// seen twice is a replay (a captured request sent again), refused even inside the timestamp tolerance. A genuine
/// redelivery is signed afresh and passes; it is then matched idempotently.
/// <para>
/// Receipts live in one table per UTC day of their signing time: a replay carries the timestamp it was signed
/// with, so it is looked up in the same day's table. A webhook is accepted only within the tolerance of now (30
/// minutes), so once a day's table is in use no webhook signed before the previous day can pass, and the tables
/// of those days are dropped whole (one call each, where pruning rows would read every one) the first time a
/// process uses a day's table. Receipts so never pile up, and no timer is needed.
/// </para>
/// </summary>
public sealed class WebhookReceipts(TableServiceClient tables)
{
    private const string DayFormat = "yyyyMMdd";

    private readonly ConcurrentDictionary<DateOnly, CreateOnce> days = new();

    /// <returns>False when this signature was accepted before.</returns>
    public async Task<bool> TryAcceptAsync(string signature, DateTimeOffset signedAt, CancellationToken cancellationToken)
    {
        var table = await TableForAsync(signedAt);
        try
        {
            await table.AddEntityAsync(new TableEntity(signature, "") { ["SignedAt"] = signedAt }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Forgets a signature whose webhook could not be processed, so ElevenLabs' retry of the same request is not taken for a replay.</summary>
    public async Task ForgetAsync(string signature, DateTimeOffset signedAt, CancellationToken cancellationToken)
    {
        var table = await TableForAsync(signedAt);
        await table.DeleteEntityAsync(signature, "", cancellationToken: cancellationToken);
    }

    /// <summary>The table of the receipts signed on <paramref name="day"/>.</summary>
    public static string TableNameFor(DateOnly day) => StorageNames.WebhookReceiptsTable + day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private async Task<TableClient> TableForAsync(DateTimeOffset signedAt)
    {
        var day = DateOnly.FromDateTime(signedAt.UtcDateTime);
        await days.GetOrAdd(day, d => new CreateOnce(() => CreateDroppingOlderAsync(d))).EnsureAsync();
        return tables.GetTableClient(TableNameFor(day));
    }

    private async Task CreateDroppingOlderAsync(DateOnly day)
    {
        await tables.GetTableClient(TableNameFor(day)).CreateIfNotExistsAsync();

        // A webhook is valid only within the tolerance of now, so if one was signed on this day, none signed before
        // the day before can still be: their tables hold nothing a replay could match.
        var oldestKept = day.AddDays(-1);
        var prefix = StorageNames.WebhookReceiptsTable;
        await foreach (var table in tables.QueryAsync($"TableName gt '{prefix}' and TableName lt '{prefix}~'"))
        {
            if (DateOnly.TryParseExact(table.Name.AsSpan(prefix.Length), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var tableDay)
                && tableDay < oldestKept)
            {
                try
                {
                    await tables.DeleteTableAsync(table.Name);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // Another process dropped it first.
                }
            }
        }
    }
}
