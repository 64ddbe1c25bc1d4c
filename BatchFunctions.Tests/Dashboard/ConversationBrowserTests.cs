using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static BatchFunctions.Tests.Dashboard.DashboardPages;

namespace BatchFunctions.Tests.Dashboard;

/// <summary>What the calls achieved, in Chromium: the batch page's charts with their tables, and one conversation opened from it.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ConversationBrowserTests(DashboardApp dashboard, ITestOutputHelper output)
{
    [Fact]
    public async Task BatchPage_ResultsArrived_ChartsWithTablesAndConversationOpensWithTranscriptEvaluationDataAndRecording()
    {
        var batchId = await dashboard.FinishedBatchAsync();
        var store = dashboard.App.Services.GetRequiredService<ConversationResultStore>();
        await Eventually.ValueAsync(async () => (await store.ListRangeAsync(batchId, 0, 10, CancellationToken.None)).Count == 3 ? "all three" : null, TimeSpan.FromSeconds(60));
        var page = await dashboard.NewPageAsync();
        var errors = page.CollectErrors();

        await page.SignInAsync(dashboard, $"#/batches/{batchId}");
        var outcomes = page.Locator("#chart-outcomes");
        await Expect(outcomes.Locator("figcaption")).ToContainTextAsync("Call successful");
        await Expect(outcomes.Locator("tbody tr")).ToHaveTextAsync(["Successful2", "Unsuccessful1", "Unknown0"]);
        await Expect(outcomes.Locator("svg rect.chart-bar.success")).ToHaveCountAsync(1);
        var plan = page.Locator("figure", new() { Has = page.GetByText("Collected: plan") });
        await Expect(plan.Locator("tbody tr")).ToHaveTextAsync(["gold2", "silver1"]);
        await Expect(page.Locator("figure", new() { Has = page.GetByText("Criterion: interested") }).Locator("tbody tr").First).ToHaveTextAsync("Successful2");
        await Expect(page.Locator("#recipients-table tbody tr")).ToHaveCountAsync(DashboardApp.FinishedBatchNumbers.Count);
        await page.AssertWellFormedAsync();
        await page.ScreenshotAsync(output, "conversations-1-batch-results", fullPage: true);

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the conversation with +14155550701" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Conversation", Exact = true })).ToBeVisibleAsync();
        var script = DashboardApp.FinishedBatchScripts[0];
        await Expect(page.Locator("#conversation-summary")).ToHaveTextAsync(script.Summary);
        await Expect(page.Locator("#conversation-verdict")).ToContainTextAsync("Successful");
        await Expect(page.Locator("#transcript li")).ToHaveCountAsync(script.Transcript.Count);
        await Expect(page.Locator("#transcript li").Nth(1)).ToContainTextAsync("Recipient0:04Yes, gold please.");
        await Expect(page.Locator("#evaluation-table tbody tr")).ToHaveTextAsync(["interestedSuccessfulAgreed to upgrade."]);
        await Expect(page.Locator("#data-table tbody tr")).ToHaveTextAsync(["plangold"]);
        await Expect(page.Locator("audio#recording")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        await page.AssertWellFormedAsync();
        await page.ScreenshotAsync(output, "conversations-2-conversation", fullPage: true);

        await page.GetByRole(AriaRole.Link, new() { Name = "← Back to the batch" }).ClickAsync();
        await Expect(page.Locator("#chart-outcomes")).ToBeVisibleAsync();
        Assert.Empty(errors);
    }
}
