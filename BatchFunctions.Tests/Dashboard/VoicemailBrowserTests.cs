using BatchFunctions.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static BatchFunctions.Tests.Dashboard.DashboardPages;

namespace BatchFunctions.Tests.Dashboard;

/// <summary>The voicemail message set in the create form, refused when too long, left on the machine, and shown on the batch page.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class VoicemailBrowserTests(DashboardApp dashboard, ITestOutputHelper output)
{
    [Fact]
    public async Task CreateForm_VoicemailMessage_TooLongRefusedAtTheFieldThenLeftOnTheMachineAndShownAsMessageLeft()
    {
        const string message = "Hello from the dashboard test. Please call us back. Goodbye.";
        var machine = DashboardApp.MachinePrefix + "1";
        var page = await dashboard.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(dashboard, "#/batches/new");

        await page.GetByLabel("Batch name").FillAsync("Voicemail batch");
        await page.GetByLabel("Recipient file").SetInputFilesAsync(new FilePayload
        {
            Name = "voicemail.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"phone_number,name\n+14155550861,Ann\n{machine},Bob\n"),
        });
        await Expect(page.Locator("#valid-count")).ToHaveTextAsync("2 recipients will be called.");
        await page.Locator("#more-options > summary").ClickAsync();
        var field = page.GetByLabel("Voicemail message");
        await field.FillAsync(new string('a', 1001));
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit batch" }).ClickAsync();
        await Expect(page.Locator("#voicemail-message-error")).ToHaveTextAsync("The voicemail message is 1001 characters long; the limit is 1000.");
        await Expect(field).ToBeFocusedAsync();
        await page.AssertWellFormedAsync();
        await page.ScreenshotAsync(output, "voicemail-1-too-long", fullPage: true);

        await field.FillAsync(message);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit batch" }).ClickAsync();
        await page.WaitForURLAsync(DetailUrl());
        await Expect(page.Locator("#card-status dd")).ToHaveTextAsync("Completed", new() { Timeout = 90_000 });
        var row = page.Locator("#recipients-table tbody tr", new() { HasText = machine });
        await Expect(row).ToContainTextAsync("Voicemail");
        await Expect(row).ToContainTextAsync("Message left");
        await Expect(page.Locator("#card-voicemail dd")).ToHaveTextAsync("1");
        Assert.Equal([message], dashboard.App.Simulator.Calls.Single(c => c.To == machine).Said);
        Assert.Empty(dashboard.App.Simulator.Calls.Single(c => c.To == "+14155550861").Said);
        await page.AssertWellFormedAsync();
        await page.ScreenshotAsync(output, "voicemail-2-message-left", fullPage: true);
        Assert.Empty(errors);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"#/batches/(?<id>btcal_\w+)$")]
    private static partial System.Text.RegularExpressions.Regex DetailUrl();
}
