using Azure.Data.Tables;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.DurableTask.Client.Entities;

namespace BatchFunctions.Tests.Api;

public sealed class BatchDeletionTests(ApiApp api) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Delete_FinishedBatch_LeavesNoRecordBehind()
    {
        var batchId = await api.SubmitAsync("+14155552100", "+14155552101");
        await api.WaitForStatusAsync(batchId, "completed");

        using var response = await api.Http.DeleteAsync($"v1/convai/batch-calling/{batchId}");

        Assert.Equal(204, (int)response.StatusCode);
        await AssertStoredRecordsGoneAsync(batchId);
        var durable = api.App.Durable.Client;
        await Eventually.ValueAsync(async () => await durable.Entities.GetEntityAsync(BatchEntity.IdFor(batchId)) is null ? "gone" : null);
        await Eventually.ValueAsync(async () =>
            await CountAsync(durable.Entities.GetAllEntitiesAsync(new EntityQuery { InstanceIdStartsWith = CallEntity.QueryPrefixFor(batchId) })) > 0 ? null : "gone");
    }

    [Fact]
    public async Task Delete_RunningBatch_TerminatesAndPurgesItAndTheApiForgetsIt()
    {
        var batchId = await api.SubmitAsync([.. Enumerable.Range(0, 20).Select(i => $"+1415555{2000 + i}")]);
        var durable = api.App.Durable.Client;
        await Eventually.ValueAsync(async () => (await durable.Entities.GetEntityAsync<CallState>(CallEntity.IdFor(batchId, 0)))?.State);

        using var response = await api.Http.DeleteAsync($"v1/convai/batch-calling/{batchId}");

        Assert.Equal(204, (int)response.StatusCode);
        await AssertStoredRecordsGoneAsync(batchId);
        using var get = await api.Http.GetAsync($"v1/convai/batch-calling/{batchId}");
        Assert.Equal(404, (int)get.StatusCode);
        var calls = api.App.Simulator.Calls.Count(c => c.To.StartsWith("+141555520", StringComparison.Ordinal));
        await Task.Delay(1000);
        Assert.Equal(calls, api.App.Simulator.Calls.Count(c => c.To.StartsWith("+141555520", StringComparison.Ordinal)));
    }

    private async Task AssertStoredRecordsGoneAsync(string batchId)
    {
        var tables = new TableServiceClient(TestStorage.ConnectionString);
        Assert.Null(await api.App.Durable.Client.GetInstanceAsync(batchId));
        Assert.Equal(0, await CountAsync(tables.GetTableClient(StorageNames.RecipientsTable).QueryAsync<TableEntity>(e => e.PartitionKey == batchId)));
        Assert.Equal(0, await CountAsync(tables.GetTableClient(StorageNames.AttemptsTable).QueryAsync<TableEntity>(e => e.PartitionKey == batchId)));
        Assert.Null(await new BatchIndex(tables).FindAsync(batchId, CancellationToken.None));
    }

    private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items)
    {
        var count = 0;
        await foreach (var _ in items)
        {
            count++;
        }

        return count;
    }
}
