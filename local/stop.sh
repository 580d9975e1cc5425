#!/usr/bin/env bash
# Stops what local/run.sh started (the pids in local/run/), services first so that kinesis-local
# has no open connections left and stops at once, writing its data.
set -uo pipefail
run="$(cd "$(dirname "$0")" && pwd)/run"

for name in ingest-service retry-worker elasticmq kinesis-local; do
  pidfile=$run/$name.pid
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$name (pid $pid) did not stop in 30 s: killing it" >&2
      kill -KILL "$pid"
    fi
    echo "stopped $name"
  fi
  rm -f "$pidfile"
done
