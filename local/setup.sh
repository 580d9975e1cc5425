#!/usr/bin/env bash
# Installs the local AWS-compatible servers that the tests and local/run.sh use:
# kinesis-local (kinesis-mock, npm, pinned in package-lock.json) into local/node_modules.
# ElasticMQ needs no set-up: tests embed it, and run.sh fetches its jar through Maven.
set -euo pipefail
cd "$(dirname "$0")"

command -v node >/dev/null || { echo "node is missing: apt-get install nodejs npm" >&2; exit 1; }
npm ci --no-audit --no-fund --loglevel=error
test -f node_modules/kinesis-local/main.js
echo "kinesis-local $(node -p 'require("./node_modules/kinesis-local/package.json").version') installed in $(pwd)/node_modules"
