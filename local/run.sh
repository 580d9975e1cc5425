#!/usr/bin/env bash
# The local collection path, no AWS account and no Docker: kinesis-local, ElasticMQ, ingest-service
# and retry-worker on this machine, then a few sample pageviews sent and read back.
#
#   local/run.sh     build, start everything (logs and pids in local/run/), send sample events
#   local/stop.sh    stop everything
#
# Ports (env): KINESIS_PORT 4568, SQS_PORT 9324, INGEST_PORT 8080, WORKER_PORT 8081.
# SKIP_BUILD=1 reuses the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
run=$root/local/run
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
KINESIS_PORT=${KINESIS_PORT:-4568}
SQS_PORT=${SQS_PORT:-9324}
INGEST_PORT=${INGEST_PORT:-8080}
WORKER_PORT=${WORKER_PORT:-8081}
mkdir -p "$run"

for name in kinesis-local elasticmq retry-worker ingest-service; do
  if [ -f "$run/$name.pid" ] && kill -0 "$(cat "$run/$name.pid")" 2>/dev/null; then
    echo "$name is already running (pid $(cat "$run/$name.pid")): local/stop.sh first" >&2
    exit 1
  fi
done

for port in "$KINESIS_PORT" $((KINESIS_PORT - 1)) "$SQS_PORT" "$INGEST_PORT" "$WORKER_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is taken by another process: free it, or choose others (KINESIS_PORT, SQS_PORT, INGEST_PORT, WORKER_PORT)" >&2
    exit 1
  fi
done

[ -f local/node_modules/kinesis-local/main.js ] || local/setup.sh

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== building ingest-service, retry-worker, test-support (tests skipped: ./run-tests.sh runs them)"
  # forceCreation: otherwise an unchanged service keeps its old fat jar, with old libraries inside.
  # The classpath in the same reactor run as the build: test-support's own dependency (events) is
  # then this build's jar; alone, Maven looks for it in ~/.m2, where nothing here is installed.
  mvn -B -ntp -q -DskipTests -Dmaven.jar.forceCreation=true -pl ingest-service,retry-worker,test-support -am \
    package dependency:build-classpath -Dmdep.outputFile=target/module.classpath
  cp test-support/target/module.classpath "$run/test-support.classpath"
  mvn -B -ntp -q -f local/elasticmq/pom.xml dependency:build-classpath -Dmdep.outputFile="$run/elasticmq.classpath"
fi

# Starts "$@" in the background as <name>, output to local/run/<name>.log, pid in local/run/<name>.pid.
start() {
  local name=$1; shift
  nohup "$@" >"$run/$name.log" 2>&1 &
  echo $! >"$run/$name.pid"
}

# Waits until <url> answers (with "ok": answers 2xx), or fails showing the end of <name>'s log.
await() {
  local name=$1 url=$2 flags=(-s -o /dev/null)
  [ "${3:-any}" = ok ] && flags+=(-f)
  for _ in $(seq 480); do # 2 minutes
    if curl "${flags[@]}" "$url"; then
      echo "   $name is up"
      return 0
    fi
    kill -0 "$(cat "$run/$name.pid")" 2>/dev/null || break
    sleep 0.25
  done
  echo "$name did not come up; the end of local/run/$name.log:" >&2
  tail -n 30 "$run/$name.log" >&2
  exit 1
}

echo "== kinesis-local on :$KINESIS_PORT (data kept in local/run/kinesis-data across graceful stops)"
(cd "$run" && KINESIS_MOCK_PLAIN_PORT=$KINESIS_PORT KINESIS_MOCK_TLS_PORT=$((KINESIS_PORT - 1)) \
  KINESIS_MOCK_CERT_PATH="$root/local/node_modules/kinesis-local/server.json" \
  SHOULD_PERSIST_DATA=true PERSIST_PATH="$run/kinesis-data" PERSIST_INTERVAL=1s LOG_LEVEL=WARN \
  start kinesis-local node "$root/local/node_modules/kinesis-local/main.js")
await kinesis-local "http://localhost:$KINESIS_PORT/"

echo "== ElasticMQ on :$SQS_PORT"
NEWSREC_SQS_PORT=$SQS_PORT start elasticmq \
  java -Dconfig.file="$root/local/elasticmq/elasticmq.conf" -cp "$(cat "$run/elasticmq.classpath")" org.elasticmq.server.Main
await elasticmq "http://localhost:$SQS_PORT/?Action=ListQueues"

export NEWSREC_MODE=local
export NEWSREC_AWS_KINESIS_ENDPOINT=http://localhost:$KINESIS_PORT
export NEWSREC_AWS_SQS_ENDPOINT=http://localhost:$SQS_PORT

ingest_jar=ingest-service/target/ingest-service-0.1.0-SNAPSHOT.jar
echo "== ingest-service on :$INGEST_PORT"
PORT=$INGEST_PORT start ingest-service java -jar "$ingest_jar"
await ingest-service "http://localhost:$INGEST_PORT/actuator/health/readiness" ok

# Started after ingest-service: both create the streams and queues in local mode, and the
# worker's redrive settings (maxReceiveCount, visibility timeout) are the ones it backs off by.
echo "== retry-worker on :$WORKER_PORT"
PORT=$WORKER_PORT start retry-worker java -jar retry-worker/target/retry-worker-0.1.0-SNAPSHOT.jar
await retry-worker "http://localhost:$WORKER_PORT/actuator/health/readiness" ok

cat <<MSG
== running (logs and pids in local/run/)
   POST http://localhost:$INGEST_PORT/pageview
   metrics: http://localhost:$INGEST_PORT/actuator/prometheus, http://localhost:$WORKER_PORT/actuator/prometheus
   stop:    local/stop.sh
MSG
echo "== sample pageviews"
INGEST_PORT=$INGEST_PORT KINESIS_PORT=$KINESIS_PORT local/send-sample-events.sh
