#!/usr/bin/env bash
# Runs the app locally with no cloud account: Azurite, the telephony simulator (rehearsal: nobody is
# called) and the Functions host (func start). Ctrl+C stops all three.
# On first run it writes BatchFunctions/local.settings.json from local.settings.sample.json, filled in
# for the simulator; edit that file to use real Twilio/ElevenLabs credentials instead.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
simulator_port="${SIMULATOR_PORT:-5080}"
settings="BatchFunctions/local.settings.json"

if [[ ! -f "$settings" ]]; then
  SIMULATOR_URL="http://127.0.0.1:$simulator_port" node -e '
    const fs = require("fs"), crypto = require("crypto");
    const sample = JSON.parse(fs.readFileSync("local.settings.sample.json", "utf8"));
    const sim = JSON.parse(fs.readFileSync("TelephonySimulator/simulator.json", "utf8")).Simulator;
    Object.assign(sample.Values, {
      Twilio__AccountSid: sim.TwilioAccounts[0].AccountSid,
      Twilio__AuthToken: sim.TwilioAccounts[0].AuthToken,
      Twilio__ApiBaseUrl: process.env.SIMULATOR_URL,
      ElevenLabs__ApiKey: sim.ElevenLabsApiKey,
      ElevenLabs__BaseUrl: process.env.SIMULATOR_URL,
      Conversations__WebhookSecret: sim.PostCallWebhookSecret,
      Callbacks__PublicBaseUrl: "http://localhost:" + sample.Host.LocalHttpPort,
      Api__Keys__0: "local-" + crypto.randomBytes(16).toString("hex"),
      Batch__DefaultAgentId: sim.Agents[0].AgentId,
      Batch__DefaultPhoneNumberId: sim.PhoneNumbers[0].PhoneNumberId,
    });
    fs.writeFileSync(process.argv[1], JSON.stringify(sample, null, 2) + "\n");
  ' "$settings"
  echo "Wrote $settings (pointing at Azurite and the telephony simulator)."
fi

if ! command -v func >/dev/null 2>&1; then
  cat >&2 <<'MSG'
Azure Functions Core Tools (func) is not installed, so the Functions host cannot start.
Install version 4, then run this command again:
  npm install -g azure-functions-core-tools@4
  (or see https://learn.microsoft.com/azure/azure-functions/functions-run-local#install-the-azure-functions-core-tools)
MSG
  exit 1
fi

[[ -d node_modules/azurite ]] || npm ci --no-audit --no-fund

simulator_pid=""
cleanup() {
  [[ -n "$simulator_pid" ]] && kill "$simulator_pid" 2>/dev/null || true
  scripts/azurite.sh stop
}
trap cleanup EXIT

eval "$(AZURITE_DEFAULT_PORTS=1 scripts/azurite.sh start | sed 's/^/export /')"

dotnet build TelephonySimulator -v quiet -nologo
dotnet run --project TelephonySimulator --no-build -- --urls "http://127.0.0.1:$simulator_port" &
simulator_pid=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$simulator_port") 2>/dev/null && break
  sleep 0.2
done

cat <<INFO

Storage (Azurite):  $AZURITE_CONNECTION_STRING
Simulator:          http://127.0.0.1:$simulator_port  (dial log: /simulator/calls)
API key:            see Api__Keys__0 in $settings

INFO

# The host takes storage from the environment (it wins over local.settings.json), so Azurite may
# run on whichever ports were free.
cd BatchFunctions
AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" func start
