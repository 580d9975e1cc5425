#!/usr/bin/env bash
# Offline evaluation of the model on the g1 clicks (protocols A and B of ../shared/quality.md).
# Run from anywhere; paths are relative to the repository root. Examples:
#   model/evaluate.sh                                  # reference hours, writes bench/results/model-eval.json
#   model/evaluate.sh ../shared/data/globo-g1 --hours=all --out=none
#   model/evaluate.sh --protocols=A --baselines=none --hp weight_popularity=0.5 --out=none
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ ! -f model/target/classpath.txt || model/pom.xml -nt model/target/classpath.txt ]]; then
  mvn -B -ntp -q -pl model -am dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
fi
mvn -B -ntp -q -pl model -am compile >&2
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:--Xmx3g} -XX:+UseParallelGC \
  -cp "model/target/classes:$(cat model/target/classpath.txt)" \
  io.newsrec.model.eval.EvaluateMain "$@"
