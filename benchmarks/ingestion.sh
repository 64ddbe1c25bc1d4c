#!/usr/bin/env bash
# Times recipient-list validation against a bare read of the same file (CSV and XLSX, 10k to 1M rows),
# with peak memory, and a 100k-row ingest into Azurite. Arguments go to the benchmark, e.g. --sizes 10000,100000.
# Starts Azurite unless BATCH_TEST_STORAGE already names one. Takes about ten minutes on two cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ ! -d node_modules/azurite ]]; then
  npm ci --no-audit --no-fund
fi

if [[ -z "${BATCH_TEST_STORAGE:-}" ]]; then
  trap 'scripts/azurite.sh stop' EXIT
  eval "$(scripts/azurite.sh start | sed 's/^/export /')"
  export BATCH_TEST_STORAGE="$AZURITE_CONNECTION_STRING"
fi

dotnet build -c Release benchmarks/IngestionBenchmark --nologo -v quiet
dotnet benchmarks/IngestionBenchmark/bin/Release/net10.0/IngestionBenchmark.dll "$@"
