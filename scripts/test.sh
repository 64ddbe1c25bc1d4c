#!/usr/bin/env bash
# Runs every test in the repository: the app (on Azurite and the Durable Task engine), the telephony
# simulator and the Bicep templates. Starts Azurite unless BATCH_TEST_STORAGE already names one.
# Needs node: Azurite and the spreadsheet writers that make the XLS/XLSX test fixtures are npm packages.
# Needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH) for the dashboard's browser tests; .ci/run installs it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ ! -d node_modules/azurite || ! -d node_modules/xlsx || ! -d node_modules/exceljs || ! -d node_modules/twilio || ! -d node_modules/@elevenlabs/elevenlabs-js ]]; then
  npm ci --no-audit --no-fund
fi

if [[ -z "${BATCH_TEST_STORAGE:-}" ]]; then
  trap 'scripts/azurite.sh stop' EXIT
  eval "$(scripts/azurite.sh start | sed 's/^/export /')"
  export BATCH_TEST_STORAGE="$AZURITE_CONNECTION_STRING"
fi

# detailed: a passing test's own output (measurements, where screenshots went) is printed too.
dotnet test BatchCalling.slnx --logger "console;verbosity=detailed" "$@"
