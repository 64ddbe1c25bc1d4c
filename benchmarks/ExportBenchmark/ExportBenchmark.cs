using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BatchFunctions.Domain;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BatchFunctions.Benchmarks;

/// <summary>
/// Seeds one batch per size (recipients and a conversation summary for each, with three data fields and two
/// criteria), then downloads its export over HTTP while sampling the process's managed heap every 5 ms. The
/// figure is the peak heap during the export above the heap just before it (after a full collection): what the
/// export itself holds. Smaller sizes run first, so a larger one cannot inherit a heap the smaller grew.
/// </summary>
public static class ExportBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<int> sizes)
    {
        Console.WriteLine($"Machine: {Environment.GetEnvironmentVariable("BENCHMARK_CORES") ?? "?"} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        using var http = new HttpClient { BaseAddress = app.BaseUrl, Timeout = TimeSpan.FromMinutes(20) };
        http.DefaultRequestHeaders.Add("xi-api-key", AppUnderTest.ApiKey);

        var figures = new List<(int Size, double PeakMiB, double Seconds, long Bytes)>();
        foreach (var size in sizes.Order())
        {
            var clock = Stopwatch.StartNew();
            var batchId = await SeedAsync(app, size);
            Console.WriteLine($"Seeded {size} recipients with results in {clock.Elapsed.TotalSeconds:F0} s");

            // A first export warms the code paths; the measured one follows.
            await ExportAsync(http, batchId, size, sample: false);
            var (peak, seconds, bytes) = await ExportAsync(http, batchId, size, sample: true);
            figures.Add((size, peak, seconds, bytes));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"export of {size} recipients: {bytes / 1048576.0:F1} MiB of CSV in {seconds:F1} s ({size / seconds:F0} rows/s), peak managed heap above baseline {peak:F1} MiB"));
        }

        if (figures.Count > 1)
        {
            var ratio = figures[^1].PeakMiB / figures[0].PeakMiB;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak at {figures[^1].Size} / peak at {figures[0].Size}: {ratio:F2} (aim: at most 1.5)"));
        }

        return 0;
    }

    private static async Task<string> SeedAsync(AppUnderTest app, int size)
    {
        var batchId = "btcal_" + Guid.NewGuid().ToString("N")[..24];
        var definition = new BatchDefinition(
            batchId, $"Export {size}", AppUnderTest.AgentId, "Test agent", AppUnderTest.PhoneNumberId, AppUnderTest.FromNumber, PhoneProvider.Twilio,
            size, 5, null, DateTimeOffset.UtcNow.AddHours(-1), "benchmark");
        await SeededBatch.WriteAsync(app, definition, [], DateTimeOffset.UtcNow);
        string[] plans = ["gold", "silver", "bronze"];
        await app.Services.GetRequiredService<ConversationResultStore>().SaveSummariesAsync(
            batchId,
            Enumerable.Range(0, size).Select(i => new KeyValuePair<int, ConversationSummary>(i, new ConversationSummary(
                string.Create(CultureInfo.InvariantCulture, $"conv_{i:D32}"),
                1,
                i % 3 == 0 ? CallSuccess.Failure : CallSuccess.Success,
                string.Create(CultureInfo.InvariantCulture, $"Customer {i} talked about the {plans[i % 3]} plan and asked for a callback next week."),
                new Dictionary<string, string?> { ["plan"] = plans[i % 3], ["callback_day"] = "Friday", ["satisfaction"] = (i % 5).ToString(CultureInfo.InvariantCulture) },
                new Dictionary<string, EvaluationResult>
                {
                    ["interested"] = new(i % 2 == 0 ? CallSuccess.Success : CallSuccess.Failure, "Scripted."),
                    ["polite"] = new(CallSuccess.Success, "Scripted."),
                },
                60,
                "Call ended",
                false,
                ResultsSource.Webhook,
                DateTimeOffset.UtcNow))),
            CancellationToken.None);
        return batchId;
    }

    private static async Task<(double PeakMiB, double Seconds, long Bytes)> ExportAsync(HttpClient http, string batchId, int size, bool sample)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var sampler = sample
            ? Task.Run(async () =>
            {
                while (!done.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    await Task.Delay(5, CancellationToken.None);
                }
            })
            : Task.CompletedTask;

        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync($"v1/convai/batch-calling/{batchId}/export", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(body);
        var header = (await reader.ReadLineAsync())!.TrimStart('\uFEFF').Split(',');
        long bytes = 0;
        var rows = 0;
        string? first = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            first ??= line;
            bytes += line.Length + 1;
            rows++;
        }

        clock.Stop();
        await done.CancelAsync();
        await sampler;
        var columns = new[] { "call_successful", "transcript_summary", "data_collection.plan", "data_collection.callback_day", "data_collection.satisfaction", "evaluation.interested", "evaluation.polite" };
        if (rows != size || columns.Any(c => !header.Contains(c)) || first is null || !first.Contains("asked for a callback", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The export of {size} recipients has {rows} rows and header {string.Join(',', header)}; the results are missing.");
        }

        return ((peak - baseline) / 1048576.0, clock.Elapsed.TotalSeconds, bytes);
    }
}
