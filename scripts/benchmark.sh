#!/usr/bin/env bash
# API load benchmark (not part of the test suite): starts Azurite unless BATCH_TEST_STORAGE names one,
# then runs benchmarks/ApiBenchmark in Release. Arguments pass through, e.g. --clients 50 --recipients 10000.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ ! -d node_modules/azurite || ! -d node_modules/@elevenlabs/elevenlabs-js ]]; then
  npm ci --no-audit --no-fund
fi

if [[ -z "${BATCH_TEST_STORAGE:-}" ]]; then
  trap 'scripts/azurite.sh stop' EXIT
  eval "$(scripts/azurite.sh start | sed 's/^/export /')"
  export BATCH_TEST_STORAGE="$AZURITE_CONNECTION_STRING"
fi

DOTNET_PROCESSOR_COUNT="${DOTNET_PROCESSOR_COUNT:-64}" dotnet run -c Release --project benchmarks/ApiBenchmark -- "$@"
