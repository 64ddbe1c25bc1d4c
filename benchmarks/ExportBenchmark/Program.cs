using BatchFunctions.Benchmarks;

// Memory of the CSV export of a batch whose recipients all have conversation results, at several sizes, over
// real HTTP. Needs Azurite: run it with scripts/benchmark.sh export (which starts one).
var sizes = args.Length > 0 ? args[0].Split(',').Select(int.Parse).ToArray() : [10_000, 100_000];
return await ExportBenchmark.RunAsync(sizes);
