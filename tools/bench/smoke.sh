#!/usr/bin/env bash
# CI smoke benchmark: 1,000 synthetic cases and the shared query mix, in process, then through the real
# HTTP pipeline with the result cache off (the site built in Release, wrk with the mix against
# /api/search). Fails on a gross regression only (in-process p99 over ten times the figure recorded in
# smoke.json; over HTTP, throughput under a tenth or p99 over ten times): timings vary from machine to
# machine, so this catches an order-of-magnitude mistake, not noise. Takes about a minute.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
queries="$root/../shared/bench/queries.json"
if [ ! -f "$queries" ]; then
  echo "smoke benchmark skipped: $queries not found (../shared/ sits beside the repository in CI)"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/tools/ImpactAlliances.Benchmarks" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/tools/ImpactAlliances.Indexer" -c Release -v quiet -nologo >/dev/null
dotnet "$root/tools/ImpactAlliances.Indexer/bin/Release/net10.0/ImpactAlliances.Indexer.dll" generate --count 1000 --out "$work/corpus" --seed 42 >/dev/null 2>&1
# A run over a limit is measured once more before it fails: on a shared machine a neighbour can hold both cores for
# a while (a CI run beside a load test gave an HTTP p99 of 484 ms where quiet runs give 30 to 40), a regression stays.
twice() {
  "$@" && return 0
  echo "over a limit: measuring again"
  "$@"
}

in_process() {
  local line
  line=$(dotnet "$root/tools/ImpactAlliances.Benchmarks/bin/Release/net10.0/ImpactAlliances.Benchmarks.dll" --content "$work/corpus" --queries "$queries" --reps 5)
  python3 - "$line" "$here/smoke.json" <<'PY'
import json, sys
run, recorded = json.loads(sys.argv[1]), json.load(open(sys.argv[2]))
limit = 10 * recorded["p99_ms"]
print(f"smoke benchmark: {run['docs']} cases, p50 {run['p50_ms']} ms, p99 {run['p99_ms']} ms "
      f"(recorded {recorded['p99_ms']} ms, limit {limit:.2f} ms)")
sys.exit(0 if run["p99_ms"] <= limit else f"p99 {run['p99_ms']} ms is over ten times the recorded {recorded['p99_ms']} ms")
PY
}
twice in_process

if ! command -v wrk >/dev/null 2>&1; then
  echo "HTTP smoke benchmark skipped: wrk is not installed (.ci/run installs it)"
  exit 0
fi
port=5199
dotnet build "$root/src/ImpactAlliances.Web" -c Release -v quiet -nologo >/dev/null
dotnet "$root/tools/ImpactAlliances.Indexer/bin/Release/net10.0/ImpactAlliances.Indexer.dll" build --content "$work/corpus" --index "$work/index" >/dev/null 2>&1
(cd "$root/src/ImpactAlliances.Web/bin/Release/net10.0" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  exec dotnet ImpactAlliances.Web.dll --Content:Path="$work/corpus" --Index:Path="$work/index" --Search:CacheSize=0 \
    --RateLimit:Burst=100000000 --RateLimit:Tokens=100000000 >"$work/site.log" 2>&1) &
site=$!
trap 'kill "$site" 2>/dev/null || true; wait "$site" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && break; sleep 0.1; done
python3 "$here/queries.lua.py" "$queries" /api/search > "$work/mix.lua"
wrk -t2 -c8 -d5s -s "$work/mix.lua" "http://127.0.0.1:$port" >/dev/null
source "$root/tools/ops/lib.sh"
over_http() {
  wrk -t2 -c8 -d10s --latency -s "$work/mix.lua" "http://127.0.0.1:$port" > "$work/wrk.txt"
  wrk_json "$work/wrk.txt" "HTTP smoke" > "$work/http.json"
  python3 - "$work/http.json" "$here/smoke.json" <<'PY'
import json, sys
run, recorded = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))["http"]
rps, p99, failed = run["requests_per_s"], run["p99_ms"], run["failed"]
print(f"HTTP smoke benchmark: /api/search, cache off, {rps:.0f} requests/s, p99 {p99:.1f} ms, {failed} failed "
      f"(recorded {recorded['requests_per_s']} requests/s and {recorded['p99_ms']} ms; limits a tenth and ten times)")
problems = []
if failed:
    problems.append(f"{failed} failed requests")
if rps < recorded["requests_per_s"] / 10:
    problems.append(f"{rps:.0f} requests/s is under a tenth of the recorded {recorded['requests_per_s']}")
if p99 > 10 * recorded["p99_ms"]:
    problems.append(f"p99 {p99:.1f} ms is over ten times the recorded {recorded['p99_ms']} ms")
sys.exit("; ".join(problems) or 0)
PY
}
twice over_http
