#!/usr/bin/env bash
# Offline evaluation of the model on the g1 clicks (protocols A and B of ../shared/quality.md).
# Run from anywhere; paths are relative to the repository root. Examples:
#   model/evaluate.sh                                  # reference hours, writes bench/results/model-eval.json
#   model/evaluate.sh ../shared/data/globo-g1 --hours=all --out=none
#   model/evaluate.sh --protocols=A --baselines=none --hp weight_popularity=0.5 --out=none
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# The classpath in the same reactor run as the compile: the model's test dependency test-support
# and its dependency events are then this build's; alone, Maven looks for them in ~/.m2, where
# nothing of this project is installed (a fresh machine has none).
mvn -B -ntp -q -pl model -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >&2
# Default heap: three quarters of the machine's memory. The reference hours hold both protocols'
# re-ranker examples at once and peak near 11 GB (bench/README.md "Model evaluation"), far beyond
# the fixed -Xmx3g this had before. JAVA_OPTS replaces it (the benchmark commands pin -Xmx10g so
# that their memory figures compare between runs).
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:--XX:MaxRAMPercentage=75} -XX:+UseParallelGC \
  -cp "model/target/classes:$(cat model/target/classpath.txt)" \
  io.newsrec.model.eval.EvaluateMain "$@"
