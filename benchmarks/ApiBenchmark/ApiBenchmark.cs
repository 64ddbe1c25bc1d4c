using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace BatchFunctions.Benchmarks;

/// <summary>
/// Seeds a workspace (many small batches and one large one, whose recipients all have call records),
/// then measures listing and getting the large batch with many clients at once and prints p50/p99.
/// Seeding writes storage and entities directly, as a launched batch would have them, so no calls are dialed.
/// </summary>
public static class ApiBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        Console.WriteLine($"Machine: {Environment.GetEnvironmentVariable("BENCHMARK_CORES") ?? "?"} cores, .NET {Environment.Version}; {options}");
        var agentId = "agent_bench_" + Guid.NewGuid().ToString("N")[..6];
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.Agents.Add(new TelephonySimulator.SimulatedAgent { AgentId = agentId, Name = "Benchmark agent" });
        await using var app = await AppUnderTest.StartAsync(simulator);

        var clock = Stopwatch.StartNew();
        var largeId = await SeedAsync(app, agentId, options);
        Console.WriteLine($"Seeded {options.Batches} batches and one of {options.Recipients} recipients ({options.Called} with call records) in {clock.Elapsed.TotalSeconds:F0} s");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = app.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("xi-api-key", AppUnderTest.ApiKey);

        var list = $"v1/convai/batch-calling/workspace?agent_id={agentId}";
        var get = $"v1/convai/batch-calling/{largeId}";
        await MeasureAsync(http, "list batches (limit=100)", list, 1, 20, 100);
        await MeasureAsync(http, $"get a {options.Recipients}-recipient batch", get, 1, 10, options.Recipients);
        await MeasureAsync(http, "list batches (limit=100)", list, options.Clients, options.Requests, 100);
        await MeasureAsync(http, $"get a {options.Recipients}-recipient batch", get, options.Clients, Math.Max(options.Clients, options.Requests / 5), options.Recipients);
        return 0;
    }

    private static async Task<string> SeedAsync(AppUnderTest app, string agentId, BenchmarkOptions options)
    {
        var index = app.Services.GetRequiredService<BatchIndex>();
        var durable = app.Durable.Client;
        var start = DateTimeOffset.UtcNow.AddDays(-1);

        BatchDefinition Definition(string id, int total, int i) => new(
            id, $"Benchmark {i}", agentId, "Benchmark agent", AppUnderTest.PhoneNumberId, AppUnderTest.FromNumber, PhoneProvider.Twilio,
            total, 5, null, start.AddSeconds(i), "benchmark");

        await Parallel.ForEachAsync(Enumerable.Range(0, options.Batches), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var definition = Definition($"btcal_bench{i:D19}", 1, i);
            await index.AddAsync(definition, ct);
            await durable.Entities.SignalEntityAsync(BatchEntity.IdFor(definition.BatchId), nameof(BatchEntity.Create), definition, cancellation: ct);
        });

        var large = Definition("btcal_" + Guid.NewGuid().ToString("N")[..24], options.Recipients, options.Batches);
        await SeededBatch.WriteAsync(app, large, Enumerable.Range(0, options.Called), start.AddMinutes(1));

        // The signals are queued; wait until the engine has written every call entity.
        var deadline = DateTime.UtcNow.AddMinutes(30);
        var query = new EntityQuery { InstanceIdStartsWith = CallEntity.QueryPrefixFor(large.BatchId), IncludeState = false, PageSize = 1000 };
        for (var written = 0; written < options.Called;)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {written} of {options.Called} call entities were written within 30 minutes.");
            }

            await Task.Delay(10_000);
            written = 0;
            await foreach (var _ in durable.Entities.GetAllEntitiesAsync(query))
            {
                written++;
            }

            Console.WriteLine($"  {written} of {options.Called} call entities written");
        }

        return large.BatchId;
    }

    private static async Task MeasureAsync(HttpClient http, string name, string path, int clients, int requests, int expectedItems)
    {
        // One warm-up request, checked for the right content.
        using (var warmUp = await http.GetAsync(path))
        {
            warmUp.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await warmUp.Content.ReadAsStreamAsync());
            var items = document.RootElement.TryGetProperty("recipients", out var r) ? r.GetArrayLength() : document.RootElement.GetProperty("batch_calls").GetArrayLength();
            if (items != expectedItems)
            {
                throw new InvalidOperationException($"{name}: expected {expectedItems} items, got {items}.");
            }
        }

        var latencies = new double[requests];
        var next = -1;
        long bytes = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                var buffer = new byte[81920];
                int read;
                long length = 0;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    length += read;
                }

                latencies[i] = watch.Elapsed.TotalMilliseconds;
                Interlocked.Add(ref bytes, length);
            }
        }));
        total.Stop();
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {requests} requests, {clients} clients: p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, "
            + $"max {latencies[^1]:F0} ms, {requests / total.Elapsed.TotalSeconds:F1} req/s, {bytes / requests / 1024} KiB per response"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
