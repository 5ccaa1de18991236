#!/usr/bin/env bash
# Flat over time: one site on a built index, result cache off (a real mix of queries defeats a cache),
# under the shared 34-query mix for MINUTES one-minute wrk runs back to back. Prints one JSON line per
# minute (throughput, p50, p99, resident memory, the managed heap after the last collection from the
# site's /metrics, and the live heap from a heap dump taken between minutes), then one line comparing the
# last minute with the first: it fails (exit 1) when throughput or p99 moved more than 10 %, or the live
# heap grew more than 10 %: the test of issue 13 for leaks such as apache/lucenenet#1151. Resident memory
# and the heap after the last collection are reported, not judged: both grow with garbage the GC has
# not needed to collect yet, whether anything leaks or not.
#
# Usage: tools/ops/flat.sh [CORPUS_DIR=/tmp/bench/corpus-1000] [MINUTES=10] [TARGET=/api/search] [CONNECTIONS=8]
# Port 5170. OPS_BINARIES reuses published binaries (see lib.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$(cd "${1:-/tmp/bench/corpus-1000}" && pwd)"
minutes="${2:-10}"
target="${3:-/api/search}"
connections="${4:-8}"
work="$(mktemp -d)"
source "$here/lib.sh"
trap 'stop_all; rm -rf "$work"' EXIT
port=5170

publish_binaries
(cd "$root" && dotnet tool restore >/dev/null)
"$work/indexer/ImpactAlliances.Indexer" build --content "$corpus" --index "$work/index" >/dev/null 2>&1
(cd "$work/site" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  exec env "${site_runtime[@]}" dotnet ImpactAlliances.Web.dll --Content:Path="$corpus" --Index:Path="$work/index" --Search:CacheSize=0 \
    --RateLimit:Burst=100000000 --RateLimit:Tokens=100000000 >"$work/site.log" 2>&1) &
pids+=($!)
site=${pids[-1]}
wait_ready "$port"
python3 "$root/tools/bench/queries.lua.py" "$queries" "$target" > "$work/mix.lua"
wrk -t2 -c"$connections" -d10s -s "$work/mix.lua" "http://127.0.0.1:$port" >/dev/null   # warm-up

for minute in $(seq "$minutes"); do
  wrk -t2 -c"$connections" -d60s --latency -s "$work/mix.lua" "http://127.0.0.1:$port" > "$work/wrk-$minute.txt"
  wrk_json "$work/wrk-$minute.txt" "minute $minute, $target, cache off" \
    | python3 -c "import json,sys; r=json.load(sys.stdin); r['rss_mb']=$(rss_mb "$site"); r['heap_mb']=$(heap_mb "$port"); r['live_heap_mb']=$(live_heap_mb "$site"); print(json.dumps(r))" \
    | tee -a "$work/minutes.jsonl"
done
python3 - "$work/minutes.jsonl" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
first, last = rows[0], rows[-1]
def change(key): return round((last[key] - first[key]) / first[key] * 100, 1)
verdict = {"throughput_change_pct": change("requests_per_s"), "p99_change_pct": change("p99_ms"),
           "heap_change_pct": change("heap_mb"), "live_heap_change_pct": change("live_heap_mb"), "rss_change_pct": change("rss_mb")}
# p99 may fall (the JIT's last tiers land in the first minutes); it may not rise.
verdict["flat"] = abs(verdict["throughput_change_pct"]) <= 10 and verdict["p99_change_pct"] <= 10 and verdict["live_heap_change_pct"] <= 10
print(json.dumps(verdict))
sys.exit(0 if verdict["flat"] else 1)
PY
