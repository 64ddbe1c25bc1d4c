using System.Globalization;
using System.Text.Json;
using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>
/// A batch written straight into storage and the engine, as a launched batch would have it, without
/// dialing anyone: how the dashboard test and the API benchmark get a large batch to read in seconds
/// rather than the hours its calls would take. The call records are signals, so they land a little later.
/// </summary>
public static class SeededBatch
{
    public static async Task WriteAsync(AppUnderTest app, BatchDefinition definition, IEnumerable<int> called, DateTimeOffset dialedAt)
    {
        var variables = new Dictionary<string, JsonElement>
        {
            ["name"] = JsonSerializer.SerializeToElement("Customer"),
            ["plan"] = JsonSerializer.SerializeToElement("gold"),
        };
        await app.Services.GetRequiredService<RecipientStore>().SaveAsync(
            definition.BatchId,
            [.. Enumerable.Range(0, definition.TotalRecipients).Select(i => new Recipient(
                i, i + 2, string.Create(CultureInfo.InvariantCulture, $"+1415{5_000_000 + i:D7}"), new ConversationInitiationClientData(variables)))],
            CancellationToken.None);
        await app.Services.GetRequiredService<BatchIndex>().AddAsync(definition, CancellationToken.None);

        var entities = app.Durable.Client.Entities;
        await entities.SignalEntityAsync(BatchEntity.IdFor(definition.BatchId), nameof(BatchEntity.Create), definition);
        await Parallel.ForEachAsync(called, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await entities.SignalEntityAsync(CallEntity.IdFor(definition.BatchId, i), nameof(CallEntity.RecordDial),
                new DialRecord(1, new DialResult(DialOutcome.Placed, $"CA{i:D32}"), dialedAt), cancellation: ct));
    }
}
