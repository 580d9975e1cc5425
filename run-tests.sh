#!/usr/bin/env bash
# Runs every module's tests (unit, integration against the local AWS-compatible servers,
# contract and fault tests). Needs the local servers installed once: local/setup.sh.
set -euo pipefail
cd "$(dirname "$0")"
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
exec mvn -B -ntp verify "$@"
