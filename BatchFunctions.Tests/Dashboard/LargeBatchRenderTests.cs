using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BatchFunctions.Domain;
using BatchFunctions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BatchFunctions.Tests.Dashboard;

/// <summary>
/// The detail page of a 10,000-recipient batch in Chromium: how long until the summary and the first page of
/// the table show, and how long a change of page or filter takes. Printed, never asserted (speed on a shared
/// machine is reported, not tested); what is asserted is that the right rows show.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LargeBatchRenderTests(DashboardApp dashboard, ITestOutputHelper output)
{
    private const int Recipients = 10_000;
    private const int Called = 50;
    private const int Runs = 3;

    private const string FirstPageShown = """
        document.querySelectorAll('#recipients-table tbody tr').length === 50
          && document.querySelector('#card-total dd')?.textContent === '10,000'
          && document.getElementById('recipients-range')?.textContent === 'Recipients 1–50 of 10,000'
        """;

    [Fact]
    public async Task DetailPage_TenThousandRecipients_ShowsPagesAndFiltersAndReportsTimings()
    {
        var seeding = Stopwatch.StartNew();
        var batchId = await SeedAsync();
        output.WriteLine($"Seeded {Recipients:N0} recipients ({Called} with a call record) in {seeding.Elapsed.TotalSeconds:F1} s");

        var page = await dashboard.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(dashboard);
        var timings = new Dictionary<string, List<double>>();
        void Record(string what, double ms) => (timings.TryGetValue(what, out var list) ? list : timings[what] = []).Add(ms);

        for (var run = 0; run < Runs; run++)
        {
            await page.GotoAsync("about:blank");
            await page.GotoAsync($"{dashboard.DashboardUrl.AbsoluteUri}#/batches/{batchId}");
            var shown = await page.WaitForFunctionAsync($"() => ({FirstPageShown}) ? performance.now() : false", null, new() { Timeout = 60_000 });
            Record("open the page: summary and first 50 rows (from navigation start)", await shown.JsonValueAsync<double>());

            Record("next page", await MeasureAsync(page, "document.getElementById('recipients-next').click()", "Recipients 51–100 of 10,000"));
            Record("last page", await MeasureAsync(page, "document.getElementById('recipients-last').click()", "Recipients 9,951–10,000 of 10,000"));
            Record($"filter: calling now ({Called} of {Recipients:N0})", await MeasureAsync(page, Select("live"), $"Recipients 1–{Called} of {Called}"));
            Record("filter: all again", await MeasureAsync(page, Select(""), "Recipients 1–50 of 10,000"));
            if (run == 0)
            {
                await page.ScreenshotAsync(output, "9-detail-10k-recipients", fullPage: true);
            }
        }

        var first = await page.Locator("#recipients-table tbody tr").First.InnerTextAsync();
        Assert.Contains("+14155000000", first, StringComparison.Ordinal);
        Assert.Contains("plan: gold", first, StringComparison.Ordinal);
        await page.AssertWellFormedAsync();
        Assert.Empty(errors);

        output.WriteLine($"Detail page of a {Recipients:N0}-recipient batch in Chromium, app and Azurite on the same machine, {Runs} runs:");
        foreach (var (what, values) in timings)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: {string.Join(", ", values.Select(v => $"{v:F0}"))} ms (median {values.Order().ElementAt(values.Count / 2):F0} ms)"));
        }
    }

    private static string Select(string value) =>
        $"(() => {{ const s = document.getElementById('recipient-status'); s.value = '{value}'; s.dispatchEvent(new Event('change')); }})()";

    /// <summary>Milliseconds, measured in the page, from running <paramref name="action"/> to the range reading <paramref name="range"/>.</summary>
    private static async Task<double> MeasureAsync(Microsoft.Playwright.IPage page, string action, string range) =>
        await page.EvaluateAsync<double>($$"""
            async () => {
              const t0 = performance.now();
              {{action}};
              const deadline = t0 + 60000;
              while (document.getElementById('recipients-range').textContent !== {{JsonSerializer.Serialize(range)}}) {
                if (performance.now() > deadline) throw new Error('The range never read ' + {{JsonSerializer.Serialize(range)}});
                await new Promise((r) => requestAnimationFrame(r));
              }
              return performance.now() - t0;
            }
            """);

    /// <summary>
    /// Writes a launched batch's records straight into storage and the engine (recipients table, batch index,
    /// batch entity, and call entities for every 200th recipient), so no calls are dialed and seeding takes
    /// seconds; the page reads them exactly as it reads a running batch.
    /// </summary>
    private async Task<string> SeedAsync()
    {
        var app = dashboard.App;
        var definition = new BatchDefinition(
            "btcal_" + Guid.NewGuid().ToString("N")[..24], "Ten thousand", dashboard.AgentId, "Dashboard agent", AppUnderTest.PhoneNumberId,
            AppUnderTest.FromNumber, PhoneProvider.Twilio, Recipients, 5, null, DateTimeOffset.UtcNow, "test:seed");
        await SeededBatch.WriteAsync(app, definition, Enumerable.Range(0, Called).Select(i => i * (Recipients / Called)), DateTimeOffset.UtcNow);

        // Signals are queued: wait until the page would see every call record.
        await Eventually.ValueAsync(
            async () =>
            {
                using var response = await app.Http.GetAsync($"api/batch-calling/{definition.BatchId}/recipients?status=live&limit=1");
                return response.IsSuccessStatusCode && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32() == Called ? "" : null;
            },
            TimeSpan.FromSeconds(120));
        return definition.BatchId;
    }
}
