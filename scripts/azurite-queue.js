// Azurite's queue service for the benchmarks: in memory, with its garbage collector's sweep pushed past the
// end of any run. In memory, the sweep (every 60 s) removes each dead message extent with a scan of all of
// them and never yields, and the service stopped answering for 23-47 s a minute (its debug log, Dec 2026).
// On disk Azurite appends messages one at a time and syncs each, and a put took 1.7 s (p50) under a
// campaign's load while a get took 41 ms (a signed probe, Dec 2026). Without the sweep, dead extents stay in
// memory until the service stops: a few hundred MB for the longest benchmark.
// Usage: node scripts/azurite-queue.js [the arguments of Azurite's queue/main.js]
const path = require("path");
const azurite = path.join(__dirname, "..", "node_modules", "azurite", "dist", "src", "queue");
require(path.join(azurite, "utils", "constants")).DEFAULT_GC_INTERVAL_MS = 24 * 60 * 60 * 1000;
require(path.join(azurite, "main.js"));
