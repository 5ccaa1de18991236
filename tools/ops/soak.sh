#!/usr/bin/env bash
# Soak: one site fed from an artifact folder, under a mixed load (the shared 34-query mix, each query
# asked of /api/search and of the HTML search page in turn) for DURATION_S seconds, with a new index
# artifact built and published every SWITCH_S seconds. Reports wrk's failed requests (non-2xx/3xx and
# socket errors), the switches the site made, and its resident memory, managed heap after the last collection
# and live heap (from a heap dump, see lib.sh) at start, middle and end.
#
# Usage: tools/ops/soak.sh [CORPUS_DIR=/tmp/bench/corpus-1000] [DURATION_S=600] [SWITCH_S=30] [CONNECTIONS=16]
# Port 5160. Prints JSON lines.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$(cd "${1:-/tmp/bench/corpus-1000}" && pwd)"
duration="${2:-600}"
every="${3:-30}"
connections="${4:-16}"
work="$(mktemp -d)"
source "$here/lib.sh"
trap 'stop_all; rm -rf "$work"' EXIT
port=5160

publish_binaries
(cd "$root" && dotnet tool restore >/dev/null)
mkdir -p "$work/published"
first=$(new_artifact "$corpus")
start_site "$port" "$work/published"
site=${pids[-1]}
wait_ready "$port"
python3 "$root/tools/bench/queries.lua.py" "$queries" /api/search / > "$work/mix.lua"
wrk -t2 -c4 -d5s -s "$work/mix.lua" "http://127.0.0.1:$port" >/dev/null   # warm-up
rss_start=$(rss_mb "$site")
heap_start=$(heap_mb "$port")
live_start=$(live_heap_mb "$site")

wrk -t2 -c"$connections" -d"$duration"s --timeout 10s --latency -s "$work/mix.lua" "http://127.0.0.1:$port" > "$work/wrk.txt" &
load=$!
start=$(date +%s)
published=0
rss_middle=""
served=("$first")
while kill -0 "$load" 2>/dev/null; do
  elapsed=$(( $(date +%s) - start ))
  if [ -z "$rss_middle" ] && [ "$elapsed" -ge $(( duration / 2 )) ]; then rss_middle=$(rss_mb "$site"); heap_middle=$(heap_mb "$port"); live_middle=$(live_heap_mb "$site"); fi
  # A new artifact every $every seconds, the last one early enough to be switched to before the end.
  if [ "$elapsed" -ge $(( (published + 1) * every )) ] && [ "$elapsed" -le $(( duration - 20 )) ]; then
    new_artifact "$corpus" >/dev/null
    published=$((published + 1))
  fi
  version=$(served_version "$port" || true)
  if [ -n "$version" ] && [ "$version" != "${served[-1]}" ]; then served+=("$version"); fi
  sleep 1
done
wait "$load"
rss_end=$(rss_mb "$site")
heap_end=$(heap_mb "$port")
live_end=$(live_heap_mb "$site")
wrk_json "$work/wrk.txt" "soak ${duration}s, mixed /api/search and /, new artifact every ${every}s"
echo "{\"artifacts_published\": $published, \"versions_served\": ${#served[@]}, \"last_served\": \"${served[-1]}\", \"last_published\": \"$(cat "$work/published/current")\", \"rss_mb\": {\"start\": $rss_start, \"middle\": ${rss_middle:-null}, \"end\": $rss_end}, \"heap_mb\": {\"start\": $heap_start, \"middle\": ${heap_middle:-null}, \"end\": $heap_end}, \"live_heap_mb\": {\"start\": $live_start, \"middle\": ${live_middle:-null}, \"end\": $live_end}}"
