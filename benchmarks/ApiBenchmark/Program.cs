using BatchFunctions.Benchmarks;

// Request latency of the API over real HTTP with concurrent clients. Needs Azurite: run it with
// scripts/benchmark.sh (which starts one), or set BATCH_TEST_STORAGE to a storage connection string.
var options = BenchmarkOptions.FromArgs(args);
return await ApiBenchmark.RunAsync(options);
