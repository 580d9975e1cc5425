#!/usr/bin/env bash
# Regenerates bench/results/ingest.json: the ingest-service's throughput and latency against a
# stub Kinesis, the kinesis-local emulator's own speed, and the large fault test (100,000 events,
# kinesalite killed with SIGKILL and restarted, ingest-service kill -9 and restarted). See
# bench/README.md.
#
# Usage: bench/run-ingest.sh [--rounds=5] [--duration-s=15] [--fault-events=100000]
#                            [--kinesis=kinesalite|kinesis-local] [--outage=kill|stop|proxy]
#                            [--fault=false] [--throughput=false] [--out=bench/results/ingest.json]
# Takes about 15-20 minutes on 2 cores (the throughput part about 13). Needs node (kinesis-local
# and kinesalite, installed by local/setup.sh) and Temurin 25.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

if [ ! -f local/node_modules/kinesis-local/main.js ] || [ ! -f local/node_modules/kinesalite/cli.js ]; then
  bash local/setup.sh
fi

# Packages the two service jars (started as processes) and bench's runnable jar.
mvn -B -ntp -q -pl bench -am package -DskipTests

# Private copies of the jars: other builds may rewrite */target while the benchmark runs (and the
# fault test restarts the ingest-service from its jar).
jars="$(mktemp -d)"
trap 'rm -rf "$jars"' EXIT
for module in ingest-service retry-worker bench; do
  mkdir -p "$jars/$module/target"
  cp "$(ls $module/target/$module-*.jar | grep -v -- '-plain.jar' | head -1)" "$jars/$module/target/"
done
echo "load before: $(cat /proc/loadavg)"
"$JAVA_HOME/bin/java" -Xmx1g -Dnewsrec.root="$PWD" -jar "$jars"/bench/target/bench-*.jar \
  --root="$PWD" --jars-root="$jars" --command="bench/run-ingest.sh $*" "$@"
echo "load after: $(cat /proc/loadavg)"
