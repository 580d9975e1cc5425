#!/usr/bin/env bash
# CI: model/evaluate.sh, as a data scientist runs it, on twelve hours of generated g1-shaped clicks
# (the real data is not on the CI machine): checks that the script builds its classpath on a fresh
# machine and writes its JSON. The evaluation's logic is unit-tested in the model module; this is
# about the script.
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
mkdir "$data/clicks"
# 150 sessions an hour of 2-4 clicks by 60 recurring readers; each hour's articles shift by 5, so
# that recency matters as in the real data
for h in $(seq 0 11); do
  awk -v h="$h" 'BEGIN {
    print "user_id,session_id,session_start,session_size,click_article_id,click_timestamp,click_environment,click_deviceGroup,click_os,click_country,click_region,click_referrer_type"
    base = 1506826800000 + h * 3600000
    for (i = 0; i < 150; i++) {
      start = base + i * 20000; n = 2 + i % 3
      for (k = 0; k < n; k++)
        printf "%d,%d,%d,%d,%d,%d,4,3,20,1,20,2\n", i % 60, (h * 1000 + i) * 1000, start, n,
          h * 5 + (i * 7 + k * 3) % 20, start + k * 60000
    }
  }' | xz -c > "$data/clicks/$(printf 'clicks_hour_%03d.csv.xz' "$h")"
done
model/evaluate.sh "$data" --out="$data/eval.json" --no-throughput
grep -q '"protocolB"' "$data/eval.json"
echo "model/evaluate.sh wrote $(wc -c < "$data/eval.json") bytes of JSON"
