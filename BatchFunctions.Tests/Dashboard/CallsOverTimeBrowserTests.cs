using BatchFunctions.Tests.Infrastructure;
using Xunit.Abstractions;
using static BatchFunctions.Tests.Dashboard.DashboardPages;

namespace BatchFunctions.Tests.Dashboard;

/// <summary>The batch page's calls-over-time chart in Chromium: drawn, and its table holding the counts the call records give.</summary>
[Collection(DashboardCollection.Name)]
public sealed class CallsOverTimeBrowserTests(DashboardApp dashboard, ITestOutputHelper output)
{
    [Fact]
    public async Task BatchPage_FinishedBatch_ChartDrawnAndItsTableCountsEachMinutesCalls()
    {
        var batchId = await dashboard.FinishedBatchAsync();
        var expected = DashboardEndpointTests.ExpectedTimeline(await dashboard.App.ExportRowsAsync(batchId));
        var page = await dashboard.NewPageAsync();
        var errors = page.CollectErrors();

        await page.SignInAsync(dashboard, $"#/batches/{batchId}");

        var chart = page.Locator("#chart-timeline");
        await Expect(chart.Locator("figcaption")).ToHaveTextAsync("Calls dialed, answered and ended, per minute");
        await Expect(chart.Locator("svg polyline.chart-line")).ToHaveCountAsync(3);
        await Expect(chart.Locator("svg circle.chart-point")).ToHaveCountAsync(3 * PlottedMinutes(expected));
        var rows = chart.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (start, dialed, answered, ended) = expected[i];
            await Expect(rows.Nth(i).Locator("time")).ToHaveAttributeAsync("datetime", DateTimeOffset.FromUnixTimeSeconds(start).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            await Expect(rows.Nth(i).Locator("td")).ToHaveTextAsync([$"{dialed}", $"{answered}", $"{ended}"]);
        }

        await Expect(chart.Locator("table tfoot tr")).ToHaveTextAsync("Total535");
        await Expect(page.Locator("#timeline-note")).ToHaveTextAsync("Dialed 5, answered 3, ended 5 (each recipient's latest attempt).");
        await page.AssertWellFormedAsync();
        await chart.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(output, "calls-over-time", fullPage: true);
        Assert.Empty(errors);
    }

    /// <summary>The chart draws every minute from the first to the last, the empty ones as zeros.</summary>
    private static int PlottedMinutes(List<(long StartUnix, int Dialed, int Answered, int Ended)> minutes) =>
        (int)((minutes[^1].StartUnix - minutes[0].StartUnix) / 60) + 1;
}
