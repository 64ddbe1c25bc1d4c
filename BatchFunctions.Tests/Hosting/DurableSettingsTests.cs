using System.Text.Json;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Hosting;

/// <summary>Durable Task settings the host takes from host.json and the test host must share, or the tests prove another engine.</summary>
public sealed class DurableSettingsTests
{
    [Fact]
    public void HostJson_EntityMessagesNotReordered_AsTheTestHostRunsThem()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")));
        var durable = hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask");

        // With reordering on, a late message from a batch orchestration's earlier execution parked all
        // its later progress reports and lease requests at the entity for the 30-minute window.
        Assert.True(durable.TryGetProperty("entityMessageReorderWindowInMinutes", out var window), "host.json sets no entityMessageReorderWindowInMinutes");
        Assert.Equal(0, window.GetInt32());
        Assert.Equal(0, DurableTestHost.EntityMessageReorderWindowInMinutes);
    }
}
