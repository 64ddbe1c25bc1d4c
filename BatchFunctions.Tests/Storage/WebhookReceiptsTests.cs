using Azure.Data.Tables;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Storage;

/// <summary>Replay receipts on Azurite: a signature is accepted once, and old days' receipts do not pile up.</summary>
public sealed class WebhookReceiptsTests
{
    private readonly TableServiceClient tables = new(TestStorage.ConnectionString);

    [Fact]
    public async Task SameSignatureTwice_SecondIsAReplay_UntilTheFirstIsForgotten()
    {
        var receipts = new WebhookReceipts(tables);
        var signature = "v0=" + Guid.NewGuid().ToString("N");
        var signedAt = DateTimeOffset.UtcNow;

        Assert.True(await receipts.TryAcceptAsync(signature, signedAt, CancellationToken.None));
        Assert.False(await receipts.TryAcceptAsync(signature, signedAt, CancellationToken.None));

        await receipts.ForgetAsync(signature, signedAt, CancellationToken.None);
        Assert.True(await receipts.TryAcceptAsync(signature, signedAt, CancellationToken.None));
    }

    [Fact]
    public async Task FirstReceiptOfADay_DropsTheTablesOfTheDaysBeforeYesterday_AndKeepsYesterdays()
    {
        // Days relative to today, so the tables other tests are using right now are never the ones dropped.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var stale = new[] { today.AddDays(-3), today.AddDays(-2) }.Select(WebhookReceipts.TableNameFor).ToArray();
        var yesterday = WebhookReceipts.TableNameFor(today.AddDays(-1));
        foreach (var name in stale.Append(yesterday))
        {
            await tables.GetTableClient(name).CreateIfNotExistsAsync();
        }

        var receipts = new WebhookReceipts(tables);
        Assert.True(await receipts.TryAcceptAsync("v0=" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, CancellationToken.None));

        var left = await TablesAsync();
        Assert.DoesNotContain(stale[0], left);
        Assert.DoesNotContain(stale[1], left);
        Assert.Contains(yesterday, left);
        Assert.Contains(WebhookReceipts.TableNameFor(today), left);
    }

    private async Task<HashSet<string>> TablesAsync()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var table in tables.QueryAsync())
        {
            names.Add(table.Name);
        }

        return names;
    }
}
