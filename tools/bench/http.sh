#!/usr/bin/env bash
# HTTP under load: starts the published site on 127.0.0.1 over a corpus, measures the time to the first
# answered request and the resident memory, then runs wrk (Debian's package) with the shared query mix
# rotated by a Lua script: with the result cache off, the machine's ceiling (/health/live, the cheapest
# answer the pipeline gives), /api/search and the HTML search page; then, restarted with the cache on,
# /api/search and the page again. Each line also gives the server's CPU time and managed allocation per
# request, read from /proc and from the runtime's own metrics (/metrics): figures that depend much less
# than throughput on what else the machine is doing. Prints one JSON line per target.
#
# Usage: tools/bench/http.sh CORPUS_DIR [DURATION_S=15] [CONNECTIONS=8]   (WARMUP_S=15: warm-up before each target; BENCH_PORT=5080)
# The index is built first (into a temporary folder) so that start-up opens an existing index.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$(cd "$1" && pwd)"
duration="${2:-15}"
connections="${3:-8}"
work="$(mktemp -d)"
trap '[ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
source "$root/tools/ops/lib.sh"

publish_binaries # (OPS_BINARIES=DIR reuses binaries published before, as in tools/ops)
"$work/indexer/ImpactAlliances.Indexer" build --content "$corpus" --index "$work/index" >/dev/null 2>&1
docs=$(find "$corpus/cases" -name '*.md' | wc -l)
port="${BENCH_PORT:-5080}" # another port when something else listens on 5080
python3 "$here/queries.lua.py" "$root/../shared/bench/queries.json" /api/search > "$work/api.lua"
python3 "$here/queries.lua.py" "$root/../shared/bench/queries.json" / > "$work/page.lua"
printf 'request = function() return wrk.format("GET", "/health/live") end\n' > "$work/health.lua"

serve_corpus() { # CACHE_SIZE
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is already in use: stop what listens there first" >&2
    exit 1
  fi
  # The load comes from one client (wrk on loopback), so the per-client API budget is lifted, as in tools/ops.
  env "${site_runtime[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    dotnet "$work/site/ImpactAlliances.Web.dll" --Content:Path="$corpus" --Index:Path="$work/index" --Search:CacheSize="$1" \
      --RateLimit:Burst=100000000 --RateLimit:Tokens=100000000 >"$work/site.log" 2>&1 &
  pid=$!
  for _ in $(seq 6000); do # at most 5 minutes
    curl -fs -o /dev/null "http://127.0.0.1:$port/api/search?q=partenariat" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "the site never answered on port $port; its log:" >&2
  tail -20 "$work/site.log" >&2
  exit 1
}

stop_serving() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
allocated() { curl -fs "http://127.0.0.1:$port/metrics" | awk '/^dotnet_gc_heap_total_allocated_bytes_total/ {print $2}'; }

measure() { # LABEL LUA
  # A started site takes tens of seconds to reach its steady speed (tiered JIT recompiles the hot code in the
  # background): 3 s of warm-up measured a page at 560 to 810 requests/s that later ran at 1,030.
  wrk -t2 -c"$connections" -d"${WARMUP_S:-15}"s -s "$2" "http://127.0.0.1:$port" >/dev/null
  local ticks bytes
  ticks=$(cpu_ticks); bytes=$(allocated)
  wrk -t2 -c"$connections" -d"$duration"s --latency -s "$2" "http://127.0.0.1:$port" > "$work/wrk.txt"
  python3 - "$(wrk_json "$work/wrk.txt" "$1")" "$(( $(cpu_ticks) - ticks ))" "$(getconf CLK_TCK)" "$bytes" "$(allocated)" "$docs" <<'PY'
import json, sys
run = json.loads(sys.argv[1])
ticks, hz, before, after, docs = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
n = max(run["requests"], 1)
print(json.dumps({"target": run["run"], "docs": docs, "requests_per_s": run["requests_per_s"], "p50_ms": run["p50_ms"],
                  "p99_ms": run["p99_ms"], "failed": run["failed"], "cpu_ms_per_request": round(ticks / hz * 1000 / n, 3),
                  "alloc_kb_per_request": round((after - before) / n / 1024, 1)}))
PY
}

begin=$(date +%s.%N)
serve_corpus 0
first=$(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 3))" "$begin" "$(date +%s.%N)")
rss_idle=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
measure "/health/live (ceiling)" "$work/health.lua"
measure "/api/search, cache off" "$work/api.lua"
measure "/ (page), cache off" "$work/page.lua"
rss_peak=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
stop_serving
serve_corpus 2000
measure "/api/search, cache on" "$work/api.lua"
measure "/ (page), cache on" "$work/page.lua"
stop_serving
echo "{\"target\": \"start\", \"docs\": $docs, \"first_request_s\": $first, \"rss_idle_mb\": $rss_idle, \"rss_peak_mb\": $rss_peak}"
