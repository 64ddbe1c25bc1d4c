using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using BatchFunctions.Domain;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Storage;

public sealed class RecipientStoreTests
{
    private readonly TableServiceClient tables = new(TestStorage.ConnectionString);
    private readonly string batchId = "btcal_" + Guid.NewGuid().ToString("N")[..24];

    [Fact]
    public async Task SaveAsync_ThousandsOfRecipients_EachReadBackOnceByIndexRangeAndList()
    {
        var store = new RecipientStore(tables);
        var recipients = Recipients(2_345, valueLength: 20);

        await store.SaveAsync(batchId, recipients, CancellationToken.None);
        await store.SaveAsync(batchId, recipients, CancellationToken.None);

        foreach (var index in new[] { 0, 99, 100, 1_234, 2_344 })
        {
            Assert.Equivalent(recipients[index], await store.GetAsync(batchId, index, CancellationToken.None));
        }

        Assert.Null(await store.GetAsync(batchId, 2_345, CancellationToken.None));
        Assert.Equal(Enumerable.Range(95, 110), (await store.ListRangeAsync(batchId, 95, 205, CancellationToken.None)).Select(r => r.Index));
        Assert.Equal(Enumerable.Range(2_300, 45), (await store.ListRangeAsync(batchId, 2_300, 2_400, CancellationToken.None)).Select(r => r.Index));
        var all = await ListAsync(store.ListAsync(batchId, CancellationToken.None));
        Assert.Equal(Enumerable.Range(0, 2_345), all.Select(r => r.Index));
        Assert.Equal(recipients.Select(r => r.PhoneNumber), all.Select(r => r.PhoneNumber));
        Assert.Equal(["America/Chicago", "America/Denver"], all[7].TimeZones);
    }

    [Fact]
    public async Task SaveAsync_RecipientsWithLongValues_StoredInSmallerBlocksAndReadBack()
    {
        var store = new RecipientStore(tables);
        var recipients = Recipients(40, valueLength: 25_000);

        await store.SaveAsync(batchId, recipients, CancellationToken.None);

        var entities = await ListAsync(tables.GetTableClient(StorageNames.RecipientsTable).QueryAsync<TableEntity>(e => e.PartitionKey == batchId));
        Assert.True(entities.Count >= 8, $"{entities.Count} blocks");
        Assert.Equivalent(recipients[37], await store.GetAsync(batchId, 37, CancellationToken.None));
        Assert.Equal(Enumerable.Range(3, 30), (await store.ListRangeAsync(batchId, 3, 33, CancellationToken.None)).Select(r => r.Index));
    }

    [Fact]
    public async Task GetAsync_RecipientStoredOnePerEntityAsBeforeBlocks_ReadBack()
    {
        var store = new RecipientStore(tables);
        await store.ListRangeAsync(batchId, 0, 1, CancellationToken.None); // creates the table
        var table = tables.GetTableClient(StorageNames.RecipientsTable);
        for (var i = 0; i < 3; i++)
        {
            await table.AddEntityAsync(new TableEntity(batchId, i.ToString("D7", CultureInfo.InvariantCulture))
            {
                ["RowNumber"] = i + 2,
                ["PhoneNumber"] = $"+1415555100{i}",
                ["ClientData"] = """{"dynamic_variables":{"name":"Ann"}}""",
                ["RecipientId"] = null,
                ["TimeZones"] = "America/Los_Angeles",
            });
        }

        var recipient = await store.GetAsync(batchId, 1, CancellationToken.None);

        Assert.Equal((1, 3, "+14155551001", "Ann"), (recipient!.Index, recipient.RowNumber, recipient.PhoneNumber, recipient.ClientData.DynamicVariables["name"].GetString()));
        Assert.Equal(["America/Los_Angeles"], recipient.TimeZones);
        Assert.Equal([1, 2], (await store.ListRangeAsync(batchId, 1, 5, CancellationToken.None)).Select(r => r.Index));
    }

    [Fact]
    public async Task GetAsync_BlockOfStringPropertiesAsBeforeBinaryParts_ReadBack()
    {
        var store = new RecipientStore(tables);
        await store.ListRangeAsync(batchId, 0, 1, CancellationToken.None); // creates the table
        var recipients = Recipients(5, valueLength: 10);
        var block = new TableEntity(batchId, "0000004") { ["First"] = 0 };
        for (var i = 0; i < recipients.Count; i++)
        {
            block["R" + i.ToString(CultureInfo.InvariantCulture)] = JsonSerializer.Serialize(recipients[i]);
        }

        await tables.GetTableClient(StorageNames.RecipientsTable).AddEntityAsync(block);

        Assert.Equivalent(recipients[3], await store.GetAsync(batchId, 3, CancellationToken.None));
        Assert.Equal([1, 2, 3, 4], (await store.ListRangeAsync(batchId, 1, 9, CancellationToken.None)).Select(r => r.Index));
    }

    [Fact]
    public async Task SaveAsync_Block_RecipientsKeptAsBinaryJsonParts()
    {
        var store = new RecipientStore(tables);

        await store.SaveAsync(batchId, Recipients(150, valueLength: 10), CancellationToken.None);

        var entities = await ListAsync(tables.GetTableClient(StorageNames.RecipientsTable).QueryAsync<TableEntity>(e => e.PartitionKey == batchId));
        Assert.Equal(["0000099", "0000149"], entities.Select(e => e.RowKey));
        Assert.All(entities, e => Assert.IsType<byte[]>(e["J0"]));
        Assert.DoesNotContain(entities, e => e.ContainsKey("R0"));
    }

    [Fact]
    public async Task DeleteAsync_SavedBatch_NoEntityLeft()
    {
        var store = new RecipientStore(tables);
        await store.SaveAsync(batchId, Recipients(250, valueLength: 10), CancellationToken.None);

        await store.DeleteAsync(batchId, CancellationToken.None);

        Assert.Empty(await ListAsync(tables.GetTableClient(StorageNames.RecipientsTable).QueryAsync<TableEntity>(e => e.PartitionKey == batchId)));
        Assert.Null(await store.GetAsync(batchId, 0, CancellationToken.None));
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static List<Recipient> Recipients(int count, int valueLength) =>
    [
        .. Enumerable.Range(0, count).Select(i => new Recipient(
            i,
            i + 2,
            $"+1415{200 + (i / 10_000):D3}{i % 10_000:D4}",
            new ConversationInitiationClientData(new Dictionary<string, JsonElement>
            {
                ["name"] = JsonSerializer.SerializeToElement($"Customer {i} " + new string('x', valueLength)),
                ["balance"] = JsonSerializer.SerializeToElement(i / 10.0),
            }),
            i % 2 == 0 ? $"id-{i}" : null)
        {
            TimeZones = i % 7 == 0 ? ["America/Chicago", "America/Denver"] : ["America/Los_Angeles"],
        }),
    ];
}
