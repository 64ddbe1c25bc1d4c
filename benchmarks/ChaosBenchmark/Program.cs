using System.Globalization;
using BatchFunctions.Tests.Chaos;

// The chaos suite over many seeds, against the real engine (Durable Task on Azurite, Kestrel, the telephony
// simulator). Usage (scripts/benchmark.sh starts the Azurite that BATCH_TEST_STORAGE names):
//   scripts/benchmark.sh chaos --seeds N [--from S]   runs seeds S..S+N-1 (S defaults to 1)
//   scripts/benchmark.sh chaos --seed S               reproduces one run, printing its plan and timeline
//   scripts/benchmark.sh chaos --plans N [--from S]  prints the plans of seeds S..S+N-1 without running them
//   add --minutes M to stop starting new runs after M minutes, --bound S to allow S seconds (default 120)
//   for every batch to end once the faults stop (a heavily loaded machine may need more)
// Exits 1 when any run broke an invariant.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : "", StringComparer.Ordinal);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

var single = options.ContainsKey("seed");
var first = single ? Option("seed", 1) : Option("from", 1);
var count = single ? 1 : Option("seeds", 10);
var stopAfter = options.ContainsKey("minutes") ? TimeSpan.FromMinutes(Option("minutes", 0)) : (TimeSpan?)null;
Console.WriteLine($"machine: {Environment.ProcessorCount} logical processors, {Environment.OSVersion}, .NET {Environment.Version}");

var settings = new ChaosSettings { TerminalBound = TimeSpan.FromSeconds(Option("bound", 120)) };
if (options.ContainsKey("plans"))
{
    // Plans are drawn before anything runs, so choosing seeds that schedule a given fault needs no engine.
    for (var seed = first; seed < first + Option("plans", 10); seed++)
    {
        Console.WriteLine(ChaosPlan.Draw(new ChaosRandom(seed), settings).Describe());
    }

    return 0;
}

var reports = new List<ChaosReport>();
var clock = System.Diagnostics.Stopwatch.StartNew();
for (var seed = first; seed < first + count; seed++)
{
    if (clock.Elapsed > stopAfter)
    {
        Console.WriteLine($"stopping: {stopAfter.Value.TotalMinutes:F0} minutes are up");
        break;
    }

    var report = await ChaosRun.RunAsync(seed, settings, single ? Console.WriteLine : null);
    reports.Add(report);
    if (single)
    {
        report.Log.ToList().ForEach(Console.WriteLine);
    }

    Console.WriteLine($"seed {seed,4}: {report.Duration.TotalSeconds,5:F0} s, {report.Plan.Batches.Count} batch(es), "
        + $"{report.Faults.Values.Sum(),4} faults, {report.Violations.Count} violation(s)"
        + (report.Violations.Count > 0 ? ": " + string.Join("; ", report.Violations.Select(v => v.Invariant).Distinct()) : ""));
    Console.WriteLine($"           {string.Join(", ", report.Faults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}");
}

var violations = reports.SelectMany(r => r.Violations).ToList();
Console.WriteLine();
Console.WriteLine($"runs: {reports.Count} (seeds {first}..{first + reports.Count - 1}) in {clock.Elapsed.TotalMinutes:F1} min");
Console.WriteLine("faults injected by kind (runs with it):");
foreach (var kind in Enum.GetValues<ChaosFaultKind>())
{
    var total = reports.Sum(r => r.Faults.GetValueOrDefault(kind));
    Console.WriteLine($"  {kind,-28} {total,6} ({reports.Count(r => r.Faults.GetValueOrDefault(kind) > 0)})");
}

Console.WriteLine($"invariant violations: {violations.Count} in {reports.Count(r => r.Violations.Count > 0)} run(s)");
foreach (var group in violations.GroupBy(v => v.Invariant).OrderBy(g => g.Key))
{
    Console.WriteLine($"  {group.Key}: {group.Count()} (seeds {string.Join(' ', group.Select(v => v.Seed).Distinct())})");
}

foreach (var violation in violations)
{
    Console.WriteLine($"  {violation}");
}

return violations.Count == 0 ? 0 : 1;
