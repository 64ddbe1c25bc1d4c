using System.Globalization;
using System.Text.Json;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Api;

/// <summary>A batch whose calling window is closed says so: the batch, its recipients and the recipients page.</summary>
public sealed class WaitingTests(ApiApp api) : IClassFixture<ApiApp>
{
    public const string LosAngeles = "America/Los_Angeles";

    [Fact]
    public async Task GetBatch_CallingWindowClosedInRecipientsZone_SaysCallingWindowZoneOpeningAndWhen()
    {
        var (window, opening) = ClosedWindowIn(LosAngeles, DateTimeOffset.UtcNow);
        var batchId = await api.App.LaunchAsync(BatchDriver.Numbers(3, first: 1200), new Dictionary<string, string> { ["calling_window"] = window });

        var batch = await WaitForWaitingAsync(api.App, batchId);

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal("in_progress", batch.GetProperty("status").GetString());
        AssertWaitsForWindow(batch, opening, now);
        Assert.All(batch.GetProperty("recipients").EnumerateArray(), r => AssertWaitsForWindow(r, opening, now));
        Assert.Empty(api.App.Simulator.Calls);

        using var page = JsonDocument.Parse(await api.Http.GetStringAsync($"api/batch-calling/{batchId}/recipients?limit=10"));
        Assert.Equal(3, page.RootElement.GetProperty("recipients").GetArrayLength());
        Assert.All(page.RootElement.GetProperty("recipients").EnumerateArray(), r => AssertWaitsForWindow(r, opening, now));

        using var summary = JsonDocument.Parse(await api.Http.GetStringAsync($"api/batch-calling/{batchId}/summary"));
        AssertWaitsForWindow(summary.RootElement.GetProperty("batch"), opening, now);
    }

    /// <summary>A one-hour window starting two or more hours after now in <paramref name="zone"/>, as "HH:00-HH:00", and its opening.</summary>
    public static (string Window, string Opening) ClosedWindowIn(string zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone));
        var start = (local.Hour + 2) % 24;
        start = start == 23 ? 1 : start;
        var opening = string.Create(CultureInfo.InvariantCulture, $"{start:D2}:00");
        return (string.Create(CultureInfo.InvariantCulture, $"{opening}-{start + 1:D2}:00"), opening);
    }

    /// <summary>Reads the batch until the engine has said why it waits (it takes a first look at the window after launch).</summary>
    public static async Task<JsonElement> WaitForWaitingAsync(AppUnderTest app, string batchId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var batch = await app.GetBatchAsync(batchId);
            if (batch.GetProperty("waiting_reason").ValueKind == JsonValueKind.String
                && batch.GetProperty("recipients").EnumerateArray().All(r => r.GetProperty("waiting_reason").ValueKind == JsonValueKind.String))
            {
                return batch;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Batch {batchId} did not say why it waits: {batch}");
            await Task.Delay(250);
        }
    }

    private static void AssertWaitsForWindow(JsonElement subject, string opening, long now)
    {
        Assert.Equal("calling_window", subject.GetProperty("waiting_reason").GetString());
        Assert.Equal(LosAngeles, subject.GetProperty("waiting_time_zone").GetString());
        Assert.Equal(opening, subject.GetProperty("waiting_local_opening").GetString());
        var next = subject.GetProperty("next_attempt_at_unix").GetInt64();
        Assert.InRange(next - now, 3600, 4 * 3600);
    }
}
