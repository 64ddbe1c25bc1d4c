using System.Text.RegularExpressions;
using BatchFunctions.Tests.Api;
using BatchFunctions.Tests.Infrastructure;
using Xunit.Abstractions;
using static BatchFunctions.Tests.Dashboard.DashboardPages;

namespace BatchFunctions.Tests.Dashboard;

/// <summary>The detail page says in words why a batch and its recipients wait, and for how long.</summary>
[Collection(DashboardCollection.Name)]
public sealed class WaitingBrowserTests(DashboardApp dashboard, ITestOutputHelper output)
{
    [Fact]
    public async Task DetailPage_CallingWindowClosed_SaysWhenItOpensInTheRecipientsZone()
    {
        var (window, opening) = WaitingTests.ClosedWindowIn(WaitingTests.LosAngeles, DateTimeOffset.UtcNow);
        var batchId = await dashboard.App.LaunchAsync(BatchDriver.Numbers(3, first: 1300), new Dictionary<string, string> { ["calling_window"] = window });
        await WaitingTests.WaitForWaitingAsync(dashboard.App, batchId);
        var page = await dashboard.NewPageAsync();
        var errors = page.CollectErrors();

        await page.SignInAsync(dashboard, $"#/batches/{batchId}");

        var expected = new Regex($@"^Waiting for {opening} in America/Los_Angeles, in \d+ h \d+ min\.$");
        var waiting = page.Locator("#batch-waiting");
        await Expect(waiting).ToBeVisibleAsync();
        await Expect(waiting).ToHaveTextAsync(expected);
        var rows = page.Locator("#recipients-table tbody tr[data-waiting=calling_window]");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.First.Locator("small.waiting")).ToHaveTextAsync(new Regex($@"^Waiting for {opening} in America/Los_Angeles, in \d+ h \d+ min$"));
        await Expect(page.Locator("#card-eta dd")).ToHaveTextAsync(new Regex("^Not before "));
        await page.AssertWellFormedAsync();
        await page.ScreenshotAsync(output, "9-detail-waiting-for-window", fullPage: true);

        // The countdown follows the browser's clock on the page's own refresh, without a reload.
        var before = await waiting.TextContentAsync();
        await page.EvaluateAsync("() => { const real = Date.now; Date.now = () => real() + 3_600_000; }");
        await Expect(waiting).Not.ToHaveTextAsync(before!, new() { Timeout = 10_000 });
        await Expect(waiting).ToHaveTextAsync(new Regex($@"^Waiting for {opening} in America/Los_Angeles, in "));
        Assert.Empty(errors);
    }
}
