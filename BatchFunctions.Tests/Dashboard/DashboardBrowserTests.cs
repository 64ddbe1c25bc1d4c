using System.Text;
using System.Text.RegularExpressions;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static BatchFunctions.Tests.Dashboard.DashboardPages;

namespace BatchFunctions.Tests.Dashboard;

/// <summary>The dashboard in Chromium against the app and the simulator, as an operator uses it.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardBrowserTests(DashboardApp dashboard, ITestOutputHelper output)
{
    [Fact]
    public async Task Journey_SignInUploadWithBadRowSubmitWatchFilterExport()
    {
        var page = await dashboard.NewPageAsync();
        var errors = page.CollectErrors();

        // Sign in: a wrong key is refused next to the field, the right one opens the list.
        await page.GotoAsync(new Uri(dashboard.App.BaseUrl, "dashboard").AbsoluteUri);
        Assert.EndsWith("/dashboard/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.GetByLabel("API key").FillAsync("not-the-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#api-key-error")).ToContainTextAsync("not accepted");
        await page.ScreenshotAsync(output, "1-sign-in-refused");
        await page.GetByLabel("API key").FillAsync(AppUnderTest.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Batches" })).ToBeVisibleAsync();
        await page.AssertWellFormedAsync();

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
        await page.AssertWellFormedAsync();
        await page.ScreenshotAsync(output, "2-create-file-checked", fullPage: true);

        var template = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV template" }).ClickAsync());
        Assert.StartsWith("phone_number", (await File.ReadAllTextAsync(await template.PathAsync())).TrimStart('\uFEFF'), StringComparison.Ordinal);

        // A test call to one number, followed to its end on the same page.
        await page.GetByLabel("Phone number for the test call").FillAsync("+14155550909");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place test call" }).ClickAsync();
        await Expect(page.Locator("#test-call-status")).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        Assert.Contains(dashboard.App.Simulator.Calls, c => c.To == "+14155550909");

        // Submit, then watch the detail page reach completed by itself: a marker on window survives only without a reload.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit batch" }).ClickAsync();
        await page.WaitForURLAsync(DetailUrl());
        var batchId = DetailUrl().Match(page.Url).Groups["id"].Value;
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Browser journey" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(output, "3-detail-running", fullPage: true);
        await Expect(page.Locator("#card-status dd")).ToHaveTextAsync("Completed", new() { Timeout = 90_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Expect(page.Locator("#card-finished dd")).ToHaveTextAsync("5");
        await Expect(page.Locator("#card-completed dd")).ToHaveTextAsync("3");
        await Expect(page.Locator("#card-failed dd")).ToHaveTextAsync("2");
        await Expect(page.Locator("#batch-progress")).ToContainTextAsync("100%");
        await Expect(page.Locator("#recipients-table tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("#recipients-table tbody tr[data-status=completed]")).ToHaveCountAsync(3);
        await page.AssertWellFormedAsync();
        await page.ScreenshotAsync(output, "4-detail-completed", fullPage: true);

        // Filter the failed recipients.
        await page.GetByLabel("Show").SelectOptionAsync("failed");
        var failedRows = page.Locator("#recipients-table tbody tr");
        await Expect(page.Locator("#recipients-range")).ToHaveTextAsync("Recipients 1–2 of 2");
        await Expect(failedRows).ToHaveCountAsync(2);
        await Expect(failedRows.Nth(0)).ToContainTextAsync(DashboardApp.BusyPrefix + "3");
        await Expect(failedRows.Nth(0)).ToContainTextAsync("Busy");
        await Expect(failedRows.Nth(1)).ToContainTextAsync(DashboardApp.BusyPrefix + "4");
        await page.ScreenshotAsync(output, "5-detail-failed-only", fullPage: true);

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
        await page.AssertWellFormedAsync();
        await page.ScreenshotAsync(output, "6-batches");
        await page.GetByLabel("Status").SelectOptionAsync("failed");
        await Expect(page.Locator("#batches-table tbody")).ToHaveTextAsync("No batch matches these filters.");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task CreateForm_FileChosenBeforeTheDefaultsArrive_CheckedOnceTheyFillAgentAndNumber()
    {
        // The form fills the agent and phone number from the deployment's defaults when they arrive; a file
        // chosen before then could not be checked yet (under load, the way an operator quick with a file meets it).
        var page = await dashboard.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(dashboard);
        var fileChosen = new TaskCompletionSource();
        await page.RouteAsync("**/api/batch-calling/defaults*", async route =>
        {
            await fileChosen.Task;
            await route.ContinueAsync();
        });
        await page.EvaluateAsync("() => { location.hash = '#/batches/new'; }");
        await page.GetByLabel("Recipient file").SetInputFilesAsync(new FilePayload
        {
            Name = "early.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("phone_number\n+14155550871\n+14155550872\n"),
        });
        await Expect(page.GetByText("Enter the agent and phone number to check the file.")).ToBeVisibleAsync();
        fileChosen.SetResult();

        await Expect(page.Locator("#agent-id")).ToHaveValueAsync(dashboard.AgentId);
        await Expect(page.Locator("#valid-count")).ToHaveTextAsync("2 recipients will be called.");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task CreateForm_KeyboardOnly_ReachesEveryControlSchedulesSubmitsThenCancelAsksFirst()
    {
        var page = await dashboard.NewPageAsync();
        var errors = page.CollectErrors();

        // Listening turns on Chromium's file-chooser interception, a message of its own: done at the moment of the
        // key press it raced the press under load, and the chooser opened unseen.
        page.FileChooser += (_, _) => { };
        await page.SignInAsync(dashboard, "#/batches/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New batch" })).ToBeFocusedAsync();
        await Expect(page.Locator("#agent-id")).ToHaveValueAsync(dashboard.AgentId);
        await page.AssertWellFormedAsync();

        // Tab through the form, typing into the fields on the way, until the submit button.
        var visited = new List<string>();
        var actions = new Dictionary<string, Func<Task>>
        {
            ["call-name"] = () => page.Keyboard.TypeAsync("Keyboard batch"),
            ["recipient-file"] = async () =>
            {
                var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
                await chooser.SetFilesAsync(new FilePayload { Name = "keys.csv", MimeType = "text/csv", Buffer = "phone_number\n+14155550851\n+14155550852\n"u8.ToArray() });
                await Expect(page.Locator("#valid-count")).ToHaveTextAsync("2 recipients will be called.");
            },
            ["when-now"] = () => page.Keyboard.PressAsync("ArrowRight"),
            ["schedule-timezone"] = async () =>
            {
                await page.Keyboard.PressAsync("Control+A");
                await page.Keyboard.TypeAsync("America/New_York");
            },
            ["window-start"] = () => page.Keyboard.TypeAsync("0900A"),
            ["window-end"] = () => page.Keyboard.TypeAsync("0530P"),
            ["retry-attempts"] = async () =>
            {
                await page.Keyboard.PressAsync("Control+A");
                await page.Keyboard.TypeAsync("3");
            },
        };
        for (var i = 0; i < 80 && !visited.Contains("submit-batch"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var id = await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
            if (!visited.Contains(id))
            {
                visited.Add(id);
                if (actions.TryGetValue(id, out var act))
                {
                    // An action may move focus itself (arrow keys in a radio group).
                    await act();
                    visited.Add(await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
                }
            }
        }

        var controls = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#create-form :is(input, select, button)')].filter((c) => c.checkVisibility() && c.id).map((c) => c.id)");
        Assert.Empty(controls.Except(visited));
        Assert.True(visited.IndexOf("call-name") < visited.IndexOf("recipient-file") && visited.IndexOf("recipient-file") < visited.IndexOf("when-later"), string.Join(" ", visited));
        var date = await page.Locator("#schedule-date").InputValueAsync();
        await page.ScreenshotAsync(output, "7-create-keyboard", fullPage: true);

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(DetailUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Keyboard batch" })).ToBeVisibleAsync();
        await Expect(page.Locator("#card-eta dt")).ToHaveTextAsync("Starts");

        // Cancel asks first: Escape keeps the batch, confirming cancels it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel batch" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Cancel this batch?" });
        await Expect(dialog).ToContainTextAsync("Recipients not yet called (2)");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Go back" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("#card-status dd")).ToHaveTextAsync("Pending");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel batch" }).ClickAsync();
        await page.ScreenshotAsync(output, "8-detail-cancel-confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel batch" }).ClickAsync();
        await Expect(page.Locator("#card-status dd")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator("#card-cancelled dd")).ToHaveTextAsync("2", new() { Timeout = 30_000 });

        var batchId = DetailUrl().Match(page.Url).Groups["id"].Value;
        var plan = (await dashboard.App.Services.GetRequiredService<BatchIndex>().FindAsync(batchId, CancellationToken.None))?.Plan;
        Assert.NotNull(plan);
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(17, 30)), (plan.Window.Start, plan.Window.End));
        Assert.Equal(3, plan.Retries.MaxAttempts);
        Assert.Equal([RetryableOutcome.Busy, RetryableOutcome.NoAnswer], plan.Retries.Delays.Keys.Order());
        Assert.Equal("America/New_York", plan.DefaultTimeZone);
        var batch = await dashboard.App.GetBatchAsync(batchId);
        var nineInNewYork = DateTime.ParseExact($"{date}T09:00", "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var expected = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(nineInNewYork, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
        Assert.Equal(("cancelled", expected.ToUnixTimeSeconds()), (batch.GetProperty("status").GetString(), batch.GetProperty("scheduled_time_unix").GetInt64()));
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

    [GeneratedRegex(@"#/batches/(?<id>btcal_\w+)$")]
    private static partial Regex DetailUrl();
}
