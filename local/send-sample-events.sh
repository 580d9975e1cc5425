#!/usr/bin/env bash
# Sends a few sample pageviews to the local ingest-service (one at a time, a batch, and a
# text/plain beacon), then reads the portals' streams back through the AWS SDK and shows them.
# Needs the stack of local/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
INGEST_PORT=${INGEST_PORT:-8080}
KINESIS_PORT=${KINESIS_PORT:-4568}
url=http://localhost:$INGEST_PORT/pageview
now=$(date -u +%FT%TZ)
ids=()

event() { # portal user n -> a new pageview as JSON; its eventId is the n-th of ids
  printf '{"eventId":"%s","portal":"%s","userId":"%s","sessionId":"s-%s","url":"https://%s.globo.com/noticia/%s.ghtml","articleId":"a%s","eventTime":"%s","timeOnPageMs":%d,"scrollDepthPct":%d,"linkClicks":%d}' \
    "${ids[$3]}" "$1" "$2" "$2" "$1" "$3" "$3" "$now" $((1000 * $3)) $((10 * $3 % 101)) $(($3 % 3))
}

post() { # content-type body
  curl -s -o /dev/null -w '%{http_code}' "$url" -H "Content-Type: $1" --data-binary "$2"
}

for n in 0 1 2 3 4 5 6 7; do ids+=("$(cat /proc/sys/kernel/random/uuid)"); done

echo "-- one event at a time (application/json)"
for n in 0 1 2; do echo "   g1 event $n: $(post application/json "$(event g1 reader-1 $n)")"; done
echo "-- a batch of 4 (application/json)"
batch="[$(event ge reader-2 3),$(event ge reader-2 4),$(event ge reader-3 5),$(event gshow reader-2 6)]"
echo "   batch: $(post application/json "$batch")"
echo "-- a beacon (text/plain, as navigator.sendBeacon sends it)"
echo "   beacon: $(post 'text/plain;charset=UTF-8' "$(event gshow reader-4 7)")"

echo "-- read back from the streams (202 means durable, so they are there now)"
classpath="test-support/target/classes:$(cat local/run/test-support.classpath)"
out=$("$JAVA_HOME/bin/java" -cp "$classpath" io.newsrec.testsupport.ShowStream \
  "http://localhost:$KINESIS_PORT" pageviews-g1 pageviews-ge pageviews-gshow)
found=0
for id in "${ids[@]}"; do
  line=$(grep -F "\"$id\"" <<<"$out" || true)
  if [ -n "$line" ]; then found=$((found + 1)); echo "   ${line:0:160}..."; fi
done
echo "-- $found of ${#ids[@]} sample events found in the streams"
[ "$found" -eq "${#ids[@]}" ]
