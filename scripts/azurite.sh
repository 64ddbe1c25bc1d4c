#!/usr/bin/env bash
# Starts or stops Azurite (the Azure Storage emulator) on loopback, on free ports.
#   scripts/azurite.sh start   -> prints the connection string; state in .run/azurite.{pid,env}
#   scripts/azurite.sh stop    -> stops it by PID and returns once it has exited (KILL after 10 s)
# Free ports rather than 10000-10002: another process on the machine may hold the defaults. With
# AZURITE_DEFAULT_PORTS=1 the defaults are used when all three are free, so that tools which assume
# "UseDevelopmentStorage=true" (az storage, Storage Explorer) reach it too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$root/.run"
pid_file="$state/azurite.pid"
env_file="$state/azurite.env"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_ports() {
  if [[ "${AZURITE_DEFAULT_PORTS:-}" == 1 ]] && port_free 10000 && port_free 10001 && port_free 10002; then
    echo "10000 10001 10002"
    return
  fi
  node -e '
    const net = require("net");
    const take = () => new Promise(r => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => r(s)); });
    Promise.all([take(), take(), take()]).then(servers => {
      console.log(servers.map(s => s.address().port).join(" "));
      servers.forEach(s => s.close());
    });'
}

start() {
  if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    cat "$env_file"
    return
  fi
  local azurite="$root/node_modules/azurite/dist/src/azurite.js"
  if [[ ! -f "$azurite" ]]; then
    echo "Azurite is not installed: run 'npm ci' in $root first." >&2
    exit 1
  fi
  mkdir -p "$state/azurite-data"
  read -r blob queue table < <(free_ports)
  # --skipApiVersionCheck: Azure.Storage.Blobs 12.30 sends a service version Azurite 3.37 would refuse.
  node "$azurite" --silent --skipApiVersionCheck --loose --location "$state/azurite-data" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"$state/azurite.log" 2>&1 &
  echo $! >"$pid_file"
  local account="devstoreaccount1"
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  cat >"$env_file" <<CONN
AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/$account;QueueEndpoint=http://127.0.0.1:$queue/$account;TableEndpoint=http://127.0.0.1:$table/$account;"
CONN
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$blob") 2>/dev/null; then
      cat "$env_file"
      return
    fi
    sleep 0.1
  done
  echo "Azurite did not start; see $state/azurite.log" >&2
  stop
  exit 1
}

stop() {
  if [[ -f "$pid_file" ]]; then
    local pid
    pid="$(cat "$pid_file")"
    kill "$pid" 2>/dev/null || true
    # Wait for the exit, so a caller that starts another Azurite or deletes the data folder next
    # does not race this one. It is not our child, so poll; a hung one is killed after 10 s.
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
    fi
    rm -f "$pid_file" "$env_file"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
