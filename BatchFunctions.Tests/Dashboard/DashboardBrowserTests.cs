using System.Text;
using System.Text.RegularExpressions;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BatchFunctions.Tests.Dashboard;

/// <summary>The dashboard in Chromium against the app and the simulator, as an operator uses it.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardBrowserTests(DashboardApp dashboard, ITestOutputHelper output)
{
    [Fact]
    public async Task Journey_SignInUploadWithBadRowSubmitWatchFilterExport()
    {
        var page = await dashboard.NewPageAsync();
        var errors = CollectErrors(page);

        // Sign in: a wrong key is refused next to the field, the right one opens the list.
        await page.GotoAsync(new Uri(dashboard.App.BaseUrl, "dashboard").AbsoluteUri);
        Assert.EndsWith("/dashboard/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.GetByLabel("API key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#api-key-error")).ToContainTextAsync("not accepted");
        await ScreenshotAsync(page, "1-sign-in-refused");
        await page.GetByLabel("API key").FillAsync(AppUnderTest.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Batches" })).ToBeVisibleAsync();
        await AssertPageWellFormedAsync(page);

        // Create: an unknown agent is named next to its field; the file's bad row is reported before submitting.
        await page.GetByRole(AriaRole.Link, new() { Name = "New batch" }).First.ClickAsync();
        await Expect(page.GetByLabel("Agent", new() { Exact = true })).ToHaveValueAsync(dashboard.AgentId);
        await Expect(page.GetByLabel("Phone number", new() { Exact = true })).ToHaveValueAsync(AppUnderTest.PhoneNumberId);
        await Expect(page.Locator("#phone-number-id-info")).ToContainTextAsync(AppUnderTest.FromNumber);
        await page.GetByLabel("Agent", new() { Exact = true }).FillAsync("agent_nobody");
        await page.GetByLabel("Agent", new() { Exact = true }).BlurAsync();
        await Expect(page.Locator("#agent-id-error")).ToContainTextAsync("no agent 'agent_nobody'");
        await page.GetByLabel("Agent", new() { Exact = true }).FillAsync(dashboard.AgentId);
        await page.GetByLabel("Agent", new() { Exact = true }).BlurAsync();
        await Expect(page.Locator("#agent-id-error")).ToBeEmptyAsync();
        await Expect(page.Locator("#agent-id-info")).ToContainTextAsync("Dashboard agent");

        await page.GetByLabel("Batch name").FillAsync("Browser journey");
        var csv = new StringBuilder("phone_number,name,first_message\n");
        csv.Append("+14155550801,Ann,Hello Ann\n");
        csv.Append("not a number,Bob,\n");
        csv.Append(DashboardApp.BusyPrefix + "3,Cy,\n");
        csv.Append("+14155550802,Di,\n");
        csv.Append(DashboardApp.BusyPrefix + "4,Ed,\n");
        csv.Append("+14155550803,Flo,\n");
        await page.GetByLabel("Recipient file").SetInputFilesAsync(new FilePayload { Name = "journey.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        var report = page.Locator("#file-report");
        await Expect(report.Locator("#valid-count")).ToHaveTextAsync("5 recipients will be called.");
        await Expect(report.Locator("#override-columns")).ToHaveTextAsync("first_message");
        var rowError = report.Locator("table.row-errors tbody tr");
        await Expect(rowError).ToHaveCountAsync(1);
        await Expect(rowError.Locator("td").First).ToHaveTextAsync("3");
        await Expect(rowError).ToContainTextAsync("not a number");
        await AssertPageWellFormedAsync(page);
        await ScreenshotAsync(page, "2-create-file-checked", fullPage: true);

        // Submit, then watch the detail page reach completed by itself: a marker on window survives only without a reload.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit batch" }).ClickAsync();
        await page.WaitForURLAsync(DetailUrl());
        var batchId = DetailUrl().Match(page.Url).Groups["id"].Value;
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Browser journey" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "3-detail-running", fullPage: true);
        await Expect(page.Locator("#card-status dd")).ToHaveTextAsync("Completed", new() { Timeout = 90_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Expect(page.Locator("#card-finished dd")).ToHaveTextAsync("5");
        await Expect(page.Locator("#card-completed dd")).ToHaveTextAsync("3");
        await Expect(page.Locator("#card-failed dd")).ToHaveTextAsync("2");
        await Expect(page.Locator("#batch-progress")).ToContainTextAsync("100%");
        await Expect(page.Locator("#recipients-table tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("#recipients-table tbody tr[data-status=completed]")).ToHaveCountAsync(3);
        await AssertPageWellFormedAsync(page);
        await ScreenshotAsync(page, "4-detail-completed", fullPage: true);

        // Filter the failed recipients.
        await page.GetByLabel("Show").SelectOptionAsync("failed");
        var failedRows = page.Locator("#recipients-table tbody tr");
        await Expect(page.Locator("#recipients-range")).ToHaveTextAsync("Recipients 1–2 of 2");
        await Expect(failedRows).ToHaveCountAsync(2);
        await Expect(failedRows.Nth(0)).ToContainTextAsync(DashboardApp.BusyPrefix + "3");
        await Expect(failedRows.Nth(0)).ToContainTextAsync("Busy");
        await Expect(failedRows.Nth(1)).ToContainTextAsync(DashboardApp.BusyPrefix + "4");
        await ScreenshotAsync(page, "5-detail-failed-only", fullPage: true);

        // Export: the downloaded CSV has every recipient with its outcome.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var rows = ReadCsv(await download.PathAsync());
        Assert.Matches(@"^btcal_\w+.*\.csv$", download.SuggestedFilename);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["phone_number", "name", "first_message"], rows[0].Keys.Take(3));
        var byNumber = rows.ToDictionary(r => r["phone_number"].TrimStart('\''));
        Assert.Equal(("completed", "Hello Ann"), (byNumber["+14155550801"]["status"], byNumber["+14155550801"]["first_message"]));
        Assert.Equal(("failed", "busy"), (byNumber[DashboardApp.BusyPrefix + "3"]["status"], byNumber[DashboardApp.BusyPrefix + "3"]["failure_reason"]));
        Assert.DoesNotContain("+14155550000", byNumber.Keys);

        // Back on the list, the batch shows as completed with a full progress bar.
        await page.GetByRole(AriaRole.Link, new() { Name = "All batches" }).ClickAsync();
        var row = page.Locator($"#batches-table tr[data-batch-id='{batchId}']");
        await Expect(row).ToContainTextAsync("Completed");
        await Expect(row).ToContainTextAsync("100%");
        await page.GetByLabel("Agent id").FillAsync(dashboard.AgentId);
        await page.GetByLabel("Status").SelectOptionAsync("completed");
        await Expect(page).ToHaveURLAsync(new Regex($"agent={dashboard.AgentId}&status=completed$"));
        await Expect(row).ToBeVisibleAsync();
        Assert.All(await page.Locator("#batches-table tbody tr").AllInnerTextsAsync(), text => Assert.Contains(dashboard.AgentId, text, StringComparison.Ordinal));
        await AssertPageWellFormedAsync(page);
        await ScreenshotAsync(page, "6-batches");
        await page.GetByLabel("Status").SelectOptionAsync("failed");
        await Expect(page.Locator("#batches-table tbody")).ToHaveTextAsync("No batch matches these filters.");

        Assert.Empty(errors);
    }

    /// <summary>Each row of a CSV file as column name to value, read as a spreadsheet would (quotes, BOM).</summary>
    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(path) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (parser.ReadFields() is { } fields)
        {
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// <summary>
    /// Uncaught script errors and console errors, a CSP violation included; not the browser's note of each
    /// 4xx answer, which the tests cause on purpose (a wrong key, an unknown agent).
    /// </summary>
    private static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    /// <summary>Every visible input, select and textarea has a label (or ARIA name) with text, and no JavaScript value leaked into the text.</summary>
    private static async Task AssertPageWellFormedAsync(IPage page)
    {
        Assert.DoesNotMatch(@"\b(null|undefined|NaN|\[object Object\])\b", await page.Locator("body").InnerTextAsync());
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea')]
              .filter((c) => c.type !== 'hidden' && c.checkVisibility())
              .filter((c) => ![...(c.labels ?? [])].some((l) => l.textContent.trim())
                && !(c.getAttribute('aria-label') ?? '').trim()
                && !(c.getAttribute('aria-labelledby') ?? '').split(' ').some((id) => document.getElementById(id)?.textContent.trim()))
              .map((c) => c.id || c.name || c.outerHTML)
            """);
        Assert.Empty(unlabelled);
    }

    private async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var path = Path.Combine(DashboardApp.ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine($"Screenshot: {path}");
    }

    [GeneratedRegex(@"#/batches/(?<id>btcal_\w+)$")]
    private static partial Regex DetailUrl();
}
