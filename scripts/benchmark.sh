#!/usr/bin/env bash
# Benchmarks (not part of the test suite):
#   scripts/benchmark.sh api [--clients 50 --recipients 10000 --batches 300 --requests 500]
#   scripts/benchmark.sh campaign [utilisation|history|budget|cps|webhooks|drop|all] [sizes, e.g. 1000,10000; drop: 100000]
#   scripts/benchmark.sh chaos --seeds N [--from S] [--minutes M] | --seed S   (exits 1 on an invariant violation)
#   scripts/benchmark.sh export [sizes, default 10000,100000]
# Starts an Azurite of its own and empty (the tests' Azurite keeps every run's rows on disk, and Azurite
# scans its tables, which would skew the figures), runs the benchmark in Release and stops Azurite by its
# PIDs. (benchmarks/ingestion.sh measures the recipient file reader.)
set -euo pipefail
case "${1:-}" in
  api) project=benchmarks/ApiBenchmark ;;
  campaign) project=benchmarks/CampaignBenchmark ;;
  chaos) project=benchmarks/ChaosBenchmark ;;
  export) project=benchmarks/ExportBenchmark ;;
  *) echo "usage: $0 api|campaign|chaos|export [arguments]" >&2; exit 2 ;;
esac
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ ! -d node_modules/azurite || ! -d node_modules/@elevenlabs/elevenlabs-js ]]; then
  npm ci --no-audit --no-fund
fi

read -r blob queue table < <(node -e '
  const net = require("net");
  const take = () => new Promise(r => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => r(s)); });
  Promise.all([take(), take(), take()]).then(servers => { console.log(servers.map(s => s.address().port).join(" ")); servers.forEach(s => s.close()); });')
# One process per service, so one service's pause does not stop the others. All three keep their data in
# memory; the queue and table services through scripts/azurite-queue.js and scripts/azurite-table.js, which
# say why.
pids=()
for service in blob queue table; do
  main="node_modules/azurite/dist/src/$service/main.js"
  [[ $service == queue ]] && main=scripts/azurite-queue.js
  [[ $service == table ]] && main=scripts/azurite-table.js
  node "$main" --silent --skipApiVersionCheck --loose --inMemoryPersistence \
    "--${service}Host" 127.0.0.1 "--${service}Port" "${!service}" >/dev/null 2>&1 &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true' EXIT
for port in "$blob" "$queue" "$table"; do
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
done

account="devstoreaccount1"
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export BATCH_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/$account;QueueEndpoint=http://127.0.0.1:$queue/$account;TableEndpoint=http://127.0.0.1:$table/$account;"

BENCHMARK_CORES="$(nproc)" DOTNET_PROCESSOR_COUNT="${DOTNET_PROCESSOR_COUNT:-64}" \
  dotnet run -c Release --project "$project" -- "$@"
