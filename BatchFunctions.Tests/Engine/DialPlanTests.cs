using System.Globalization;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TelephonySimulator;

namespace BatchFunctions.Tests.Engine;

/// <summary>When and how often recipients are called: retry rules, calling windows, the do-not-call list.</summary>
public sealed class DialPlanTests
{
    [Fact]
    public async Task AutomaticRetries_BusyRetriedUpToMaxAttemptsNoAnswerNotRetried()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.NumberRules =
        [
            new NumberRule { Pattern = "+14155551000", Outcome = SimulatedOutcome.Busy },
            new NumberRule { Pattern = "+14155551001", Outcome = SimulatedOutcome.NoAnswer },
        ];
        await using var app = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?> { ["Rehearsal:TimeAcceleration"] = "600" });

        var batchId = await app.LaunchAsync(BatchDriver.Numbers(3), new Dictionary<string, string>
        {
            ["retry_max_attempts"] = "3",
            ["retry_on"] = "busy:10",
        });
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        var calls = app.Simulator.Calls.GroupBy(c => c.To).ToDictionary(g => g.Key, g => g.OrderBy(c => c.CreatedAt).ToList());
        Assert.Equal(3, calls["+14155551000"].Count);
        Assert.Single(calls["+14155551001"]);
        Assert.Single(calls["+14155551002"]);
        var busy = calls["+14155551000"];
        for (var i = 1; i < busy.Count; i++)
        {
            // 10 campaign minutes at 600x is one real second.
            Assert.True(busy[i].CreatedAt - busy[i - 1].EndedAt >= TimeSpan.FromSeconds(0.9), $"Attempt {i + 1} came {busy[i].CreatedAt - busy[i - 1].EndedAt} after the previous one ended.");
        }

        var recipients = batch.RecipientsByNumber();
        Assert.Equal((3, "failed", "busy"), (recipients["+14155551000"].GetProperty("attempts").GetInt32(), recipients["+14155551000"].GetProperty("status").GetString(), recipients["+14155551000"].GetProperty("failure_reason").GetString()));
        Assert.Equal(1, recipients["+14155551001"].GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task CallingWindow_RecipientsInTwoZones_EachCalledOnlyInsideTheirLocalWindow()
    {
        // Campaign time starts at 07:59 in New York and runs 600x: New York's 08:00-09:00 window opens
        // after 0.1 s of real time, Los Angeles' three campaign hours (18 real seconds) later.
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var start = new DateTimeOffset(2026, 12, 1, 7, 59, 0, newYork.GetUtcOffset(new DateTime(2026, 12, 1, 7, 59, 0)));
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions(), new Dictionary<string, string?>
        {
            ["Rehearsal:TimeAcceleration"] = "600",
            ["Rehearsal:ClockStart"] = start.ToString("O", CultureInfo.InvariantCulture),

            // The whole hour is open (at 600x the default 5-minute margin would cut it to 5.5 real seconds).
            ["Dispatch:WindowClosingMargin"] = "00:00:00",
        });
        var clock = app.Services.GetRequiredService<ICampaignClock>();
        var numbers = BatchDriver.Numbers(4, prefix: "+1212555").Concat(BatchDriver.Numbers(4)).ToList();

        var batchId = await app.LaunchAsync(numbers, new Dictionary<string, string> { ["calling_window"] = "08:00-09:00" });
        await app.WaitForStatusAsync(batchId, "completed", TimeSpan.FromSeconds(120));

        var window = CallingWindow.Parse("08:00-09:00", null);
        var realNow = DateTimeOffset.UtcNow;
        var campaignNow = clock.Now;
        foreach (var call in app.Simulator.Calls)
        {
            var campaignAt = campaignNow - (realNow - call.CreatedAt) * 600;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(call.To.StartsWith("+1212", StringComparison.Ordinal) ? "America/New_York" : "America/Los_Angeles");
            // One campaign minute of tolerance: 0.1 s of real time between the window check and Twilio's clock.
            Assert.True(window.IsOpen(campaignAt, [zone]) || window.IsOpen(campaignAt.AddMinutes(-1), [zone]),
                $"{call.To} was called at {TimeZoneInfo.ConvertTime(campaignAt, zone):HH:mm:ss} local time, outside 08:00-09:00.");
        }

        Assert.Equal(numbers.Order(), app.Simulator.Calls.Select(c => c.To).Order());
        Assert.True(app.Simulator.Calls.Where(c => c.To.StartsWith("+1212", StringComparison.Ordinal)).Max(c => c.CreatedAt)
            < app.Simulator.Calls.Where(c => c.To.StartsWith("+1415", StringComparison.Ordinal)).Min(c => c.CreatedAt));
    }

    [Fact]
    public async Task DoNotCallList_ListedNumbersNeverDialedAndMarkedFailed()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var list = Uploads.Blobs.GetBlobContainerClient("lists");
        await list.CreateIfNotExistsAsync();
        var name = $"dnc-{Guid.NewGuid():N}.txt";
        await list.GetBlobClient(name).UploadAsync(BinaryData.FromString("(415) 555-1001\n+1 415 555 1003\n"));

        var batchId = await app.LaunchAsync(BatchDriver.Numbers(4), new Dictionary<string, string> { ["do_not_call"] = $"lists/{name}" });
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        Assert.Equal(["+14155551000", "+14155551002"], app.Simulator.Calls.Select(c => c.To).Order());
        var recipients = batch.RecipientsByNumber();
        Assert.All(["+14155551001", "+14155551003"], (string n) =>
            Assert.Equal(("failed", "do_not_call"), (recipients[n].GetProperty("status").GetString(), recipients[n].GetProperty("failure_reason").GetString())));
    }

    [Fact]
    public async Task DoNotCallList_Missing_BatchRejectedNamingTheList()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());

        var batchId = await app.LaunchAsync(BatchDriver.Numbers(2), new Dictionary<string, string> { ["do_not_call"] = "lists/nope.txt" });

        var outcome = await Uploads.ReadTextAsync(StorageNames.RejectedContainer, $"{batchId}/{UploadArchive.OutcomeBlobName}");
        Assert.Contains("do-not-call list 'lists/nope.txt' does not exist", outcome, StringComparison.Ordinal);
        Assert.Empty(app.Simulator.Calls);
    }
}
