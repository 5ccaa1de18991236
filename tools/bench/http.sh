#!/usr/bin/env bash
# HTTP under load: starts the published site on 127.0.0.1 over a corpus, measures the time to the first
# answered request and the resident memory, then runs wrk (Debian's package) on /api/search and on the
# HTML search page, the shared query mix rotated by a Lua script. Prints one JSON line per target.
#
# Usage: tools/bench/http.sh CORPUS_DIR [DURATION_S=15] [CONNECTIONS=16]
# The index is built first (into a temporary folder) so that start-up opens an existing index.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$(cd "$1" && pwd)"
duration="${2:-15}"
connections="${3:-16}"
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

dotnet publish "$root/src/ImpactAlliances.Web" -c Release -o "$work/site" >/dev/null
dotnet publish "$root/tools/ImpactAlliances.Indexer" -c Release -r linux-x64 -o "$work/indexer" >/dev/null
"$work/indexer/ImpactAlliances.Indexer" build --content "$corpus" --index "$work/index" >/dev/null 2>&1

port=5080
start=$(date +%s.%N)
# The load comes from one client (wrk on loopback), so the per-client API budget is lifted, as in tools/ops.
ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
  dotnet "$work/site/ImpactAlliances.Web.dll" --Content:Path="$corpus" --Index:Path="$work/index" \
    --RateLimit:Burst=100000000 --RateLimit:Tokens=100000000 >"$work/site.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/api/search?q=partenariat"; do sleep 0.05; done
first=$(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 3))" "$start" "$(date +%s.%N)")
rss_idle=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")

for target in /api/search /; do
  python3 "$here/queries.lua.py" "$root/../shared/bench/queries.json" "$target" > "$work/mix.lua"
  wrk -t2 -c"$connections" -d"$duration"s --latency -s "$work/mix.lua" "http://127.0.0.1:$port" > "$work/wrk.txt"
  python3 - "$work/wrk.txt" "$target" "$first" "$rss_idle" "$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")" "$(grep -c . "$corpus"/cases/*.md 2>/dev/null | wc -l)" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*%s\s+([\d.]+)(us|ms|s)" % re.escape(label), text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 3)
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: (.*)", text)
print(json.dumps({
    "target": sys.argv[2], "docs": int(sys.argv[6]),
    "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
    "p50_ms": ms("50%"), "p99_ms": ms("99%"),
    "non_2xx": int(non2xx.group(1)) if non2xx else 0, "socket_errors": errors.group(1) if errors else "none",
    "first_request_s": float(sys.argv[3]), "rss_idle_mb": int(sys.argv[4]), "rss_peak_mb": int(sys.argv[5]),
}))
PY
done
