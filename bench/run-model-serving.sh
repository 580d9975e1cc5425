#!/usr/bin/env bash
# Regenerates bench/results/model-serving.json: online-update throughput over all g1 clicks,
# memory of the state they build (heap after GC, artifact size), and /invocations latency at
# fixed request rates (open loop, HdrHistogram) against `serve` in its own JVM.
# Needs ../shared/data/globo-g1 (read directly, never copied). Takes about 3 minutes on an idle
# 2-core machine, up to 10 on a loaded one.
# Extra arguments go to the benchmark, e.g. --rates 500,1000,2000 --seconds 60 --runs 5.
set -euo pipefail
cd "$(dirname "$0")/.."
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain -- model 2>/dev/null)" ]; then commit="$commit+uncommitted"; fi
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# one reactor run: see model/evaluate.sh (each module writes its own target/model-serving.classpath)
mvn -B -ntp -q -pl model -am package -DskipTests dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile=target/model-serving.classpath
# A private copy of the jar: other builds may rewrite model/target while the benchmark runs.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp model/target/model-*.jar "$work/model.jar"
"$JAVA_HOME/bin/java" -Xms4g -Xmx4g -cp "$work/model.jar:$(cat model/target/model-serving.classpath)" \
  io.newsrec.model.serve.bench.ServingBenchmark \
  --data ../shared/data/globo-g1 --out bench/results/model-serving.json --work "$work" --commit "$commit" "$@"
