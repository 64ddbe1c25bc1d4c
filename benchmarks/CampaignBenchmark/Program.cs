using System.Globalization;
using CampaignBenchmark;

// Campaign engine figures, measured on the real Durable Task engine (Azure Storage provider on
// Azurite) with the telephony simulator. Usage:
//   dotnet run -c Release --project benchmarks/CampaignBenchmark -- [utilisation|history|budget|cps|webhooks|drop|all] [sizes]
// BATCH_TEST_STORAGE must name an Azurite (scripts/benchmark.sh starts one).
var scenario = args.FirstOrDefault() ?? "all";
var sizes = args.Length > 1 ? args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : null;
Console.WriteLine($"machine: {Environment.ProcessorCount} logical processors, {Environment.OSVersion}, .NET {Environment.Version}");

if (scenario is "utilisation" or "all")
{
    foreach (var size in sizes ?? [1000, 10000])
    {
        var run = await CampaignRun.MeasureAsync(size, concurrency: 50, talkSeconds: (40, 160), acceleration: 5);
        Console.WriteLine($"utilisation  n={size,6} concurrency=50: utilisation {run.Utilisation:F3} ({run.UtilisationToLastDial:F3} up to the last dial), makespan {run.Makespan.TotalSeconds:F0} s, "
            + $"refill gap p50 {run.GapP50.TotalMilliseconds:F0} ms p99 {run.GapP99.TotalMilliseconds:F0} ms, peak live {run.PeakLive}/50, "
            + $"largest history {run.LargestHistory} events over {run.Generations} generations");
        Console.WriteLine($"             largest history by kind: {run.LargestHistoryKinds}");
        Console.WriteLine($"             {run.Delays}");
    }
}

if (scenario is "history" or "all")
{
    // A list this machine cannot finish in reasonable time is measured for its first 20 minutes: the
    // history of a generation does not depend on how much of the list is left.
    foreach (var size in sizes ?? [1000, 10000, 100000])
    {
        var run = await CampaignRun.MeasureAsync(size, concurrency: 200, talkSeconds: (1, 3), acceleration: 10, stopAfter: TimeSpan.FromMinutes(20));
        var extent = run.Complete ? "all dialed" : $"stopped after {run.Makespan.TotalMinutes:F0} min, {run.Dialed} dialed";
        Console.WriteLine($"history      n={size,6} concurrency=200 ({extent}): largest history {run.LargestHistory} events over {run.Generations} generations, "
            + $"{run.Dialed / run.Makespan.TotalSeconds:F1} calls/s, peak live {run.PeakLive}/200");
        Console.WriteLine($"             largest history by kind: {run.LargestHistoryKinds}");
        Console.WriteLine($"             {run.Delays}");
    }
}

if (scenario is "budget" or "all")
{
    var peak = await CampaignRun.TwoBatchesPeakAsync(recipientsEach: 300, targetEach: 40, workspaceLimit: 100);
    Console.WriteLine($"budget       two batches of 300, each target 40, workspace share 50: peak live together {peak} (limit 50)");
}

if (scenario is "cps" or "all")
{
    var (rate, busiestSecond) = await CampaignRun.DialRateAsync(recipients: 200, callsPerSecond: 5);
    Console.WriteLine($"cps          configured 5 CPS, concurrency 50: {rate:F2} dials/s sustained, busiest second {busiestSecond} dials");
}

if (scenario is "webhooks" or "all")
{
    var (perSecond, p50, p99) = await Webhooks.MeasureAsync(callbacks: 4000, clients: 50);
    Console.WriteLine($"webhooks     4000 signed status callbacks, 50 clients: {perSecond:F0} callbacks/s, latency p50 {p50:F1} ms p99 {p99:F1} ms");
}

if (scenario is "drop" or "all")
{
    foreach (var size in sizes ?? [100000])
    {
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        var run = await DropToFirstDial.MeasureAsync(size);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"drop         n={size,6} CSV (load average {load} before): uploaded in {run.Upload.TotalSeconds:F1} s, then after "
            + $"{run.FirstBlockStored.TotalSeconds:F1} s first block stored, {run.ListStored.TotalSeconds:F1} s list stored, "
            + $"{run.OrchestrationCreated.TotalSeconds:F1} s orchestration created, {run.FirstDial.TotalSeconds:F1} s first dial"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"             drop to first dial {run.FirstDial.TotalSeconds:F1} s: {DropToFirstDial.November2026Seconds / run.FirstDial.TotalSeconds:F1}x faster than Nov 2026's "
            + $"{DropToFirstDial.November2026Seconds:F0} s (drop to stored)"));
    }
}
