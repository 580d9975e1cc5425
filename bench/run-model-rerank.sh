#!/usr/bin/env bash
# Regenerates bench/results/model-rerank.json: JMH figures of the model's time per request with and
# without the learned re-ranker, and of the re-ranker's parts (its features, its trees), on a
# synthetic g1-like day (no data needed). About 6 minutes on 2 cores.
# Extra arguments go to the runner, e.g. --rounds 5 --iterations 10 --out /tmp/rerank.json.
set -euo pipefail
cd "$(dirname "$0")/.."
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain -- model 2>/dev/null)" ]; then commit="$commit+uncommitted"; fi
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# one reactor run: see model/evaluate.sh (each module writes its own target/model-rerank.classpath)
mvn -B -ntp -q -pl model -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/model-rerank.classpath
# A private copy of the classes: other builds may rewrite model/target while the benchmark runs.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r model/target/classes "$work/classes"
cp -r model/target/test-classes "$work/test-classes"
"$JAVA_HOME/bin/java" -Xmx3g -cp "$work/test-classes:$work/classes:$(cat model/target/model-rerank.classpath)" \
  io.newsrec.model.bench.RerankBench --out bench/results/model-rerank.json --commit "$commit" "$@"
