using System.Text.Json;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Hosting;

/// <summary>Durable Task settings the host takes from host.json and the test host must share, or the tests prove another engine.</summary>
public sealed class DurableSettingsTests
{
    [Fact]
    public void HostJson_EntityMessagesNotReordered_AsTheTestHostRunsThem()
    {
        var durable = HostJsonDurableTask();

        // With reordering on, a late message from a batch orchestration's earlier execution parked all
        // its later progress reports and lease requests at the entity for the 30-minute window.
        Assert.True(durable.TryGetProperty("entityMessageReorderWindowInMinutes", out var window), "host.json sets no entityMessageReorderWindowInMinutes");
        Assert.Equal(0, window.GetInt32());
        Assert.Equal(0, DurableTestHost.EntityMessageReorderWindowInMinutes);
    }

    [Fact]
    public void HostJson_QueuesPolledAtLeastEverySecond()
    {
        var storage = HostJsonDurableTask().GetProperty("storageProvider");

        // The provider's default is 30 s: a queue that went quiet (a small batch between call ends) is then
        // polled every 30 s, and a freed slot waits that long for its next dial.
        Assert.True(storage.TryGetProperty("maxQueuePollingInterval", out var interval), "host.json sets no maxQueuePollingInterval");
        var polling = TimeSpan.Parse(interval.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(polling, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));
        Assert.True(DurableTestHost.MaxQueuePollingInterval <= polling);
    }

    [Fact]
    public void HostJson_PartitionsAndMessageBuffer_AsTheTestHostRunsThem()
    {
        var storage = HostJsonDurableTask().GetProperty("storageProvider");

        // One control queue instead of the host's four serializes every batch, call and conversation
        // message through one dequeue loop; the engine's own buffer default (64) is a quarter of the host's.
        Assert.Equal(DurableTestHost.PartitionCount, storage.GetProperty("partitionCount").GetInt32());
        Assert.True(storage.TryGetProperty("controlQueueBufferThreshold", out var threshold), "host.json sets no controlQueueBufferThreshold");
        Assert.Equal(DurableTestHost.ControlQueueBufferThreshold, threshold.GetInt32());
    }

    /// <summary>host.json's extensions.durableTask section.</summary>
    private static JsonElement HostJsonDurableTask()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")));
        return hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask").Clone();
    }
}
