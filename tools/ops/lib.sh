# Shared by replicas.sh and soak.sh: publishes the site and the indexer, builds and publishes index
# artifacts, starts site processes fed from an artifact source, and reads wrk's report.
# Sourced, not run. Expects $root (the repository) and $work (a scratch folder) to be set.

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
queries="$root/../shared/bench/queries.json"
[ -f "$queries" ] || { echo "$queries not found (../shared/ sits beside the repository)" >&2; exit 1; }
pids=()
# The runtime settings the site is deployed with (the Dockerfile's ENV; docs/DEPLOYMENT.md says why): the scripts that
# start the published site to measure it start it with these, so that they measure what is deployed.
site_runtime=(DOTNET_GCgen0size=0x2000000)

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

# publish_binaries: the site and the indexer in Release, into $work; or those of $OPS_BINARIES (a folder
# with site/ and indexer/ from an earlier run), to spare a shared machine the builds.
publish_binaries() {
  if [ -n "${OPS_BINARIES:-}" ]; then
    cp -r "$OPS_BINARIES/site" "$OPS_BINARIES/indexer" "$work/"
    return
  fi
  dotnet publish "$root/src/ImpactAlliances.Web" -c Release -r linux-x64 --self-contained false -o "$work/site" -v quiet -nologo >/dev/null
  dotnet publish "$root/tools/ImpactAlliances.Indexer" -c Release -r linux-x64 -o "$work/indexer" -v quiet -nologo >/dev/null
}

# new_artifact CORPUS: builds a new index version and publishes it to $work/published; prints its name.
new_artifact() {
  "$work/indexer/ImpactAlliances.Indexer" build --content "$1" --index "$work/builds" >/dev/null 2>&1
  publish_artifact "$work/builds"
}

# publish_artifact INDEX_DIR: publishes the current version of INDEX_DIR to $work/published; prints its name
# (the indexer says « Index <version> publié dans … »).
publish_artifact() {
  "$work/indexer/ImpactAlliances.Indexer" publish --index "$1" --to "$work/published" | awk '{print $2}'
}

# start_site PORT SOURCE: one site process with its own index folder, fed from SOURCE. The load comes
# from one client (wrk on loopback), so the per-client API budget is lifted for the measurement. Started
# from its own folder, whose appsettings.json is the production configuration.
start_site() {
  (cd "$work/site" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$1" \
    exec env "${site_runtime[@]}" dotnet ImpactAlliances.Web.dll --Index:Path="$work/node-$1" --Index:Source="$2" \
      --Index:SourceInterval=00:00:01 --RateLimit:Burst=100000000 --RateLimit:Tokens=100000000 \
      >"$work/site-$1.log" 2>&1) &
  pids+=($!)
}

# wait_ready PORT: until /health/ready answers 200 (at most 5 minutes).
wait_ready() {
  for _ in $(seq 3000); do
    curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready" && return 0
    sleep 0.1
  done
  echo "the site on port $1 never became ready; its log:" >&2
  tail -20 "$work/site-$1.log" >&2
  return 1
}

# served_version PORT: the index version a site serves (X-Index-Version of /health/ready).
served_version() {
  curl -fs -D - -o /dev/null "http://127.0.0.1:$1/health/ready" | awk 'tolower($1) == "x-index-version:" {print $2}' | tr -d '\r'
}

rss_mb() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }

# heap_mb PORT: the site's managed heap after its last collection, all generations (System.Runtime metrics
# at /metrics): unlike the resident memory, it does not grow just because the GC keeps memory committed.
heap_mb() {
  curl -fs "http://127.0.0.1:$1/metrics" \
    | awk '/^dotnet_gc_last_collection_heap_size_bytes/ {sum += $NF} END {printf "%.1f", sum / 1048576}'
}

# live_heap_mb PID: the bytes of the objects still reachable, from a heap dump (dotnet-gcdump, a local tool
# of the repository's dotnet-tools.json), which first runs a full blocking collection. heap_mb can grow
# with garbage the GC has not needed to collect yet; this cannot, so it is the figure that says whether
# anything is retained.
live_heap_mb() {
  local dump="$work/heap-$1-$RANDOM.gcdump"
  (cd "$root" && dotnet tool run dotnet-gcdump collect -p "$1" -o "$dump" >/dev/null 2>&1 \
    && dotnet tool run dotnet-gcdump report "$dump" 2>/dev/null) \
    | awk '/GC Heap bytes/ {gsub(",", "", $1); printf "%.1f", $1 / 1048576; found = 1} END {if (!found) printf "null"}'
  rm -f "$dump"
}

# wrk_json WRK_OUTPUT LABEL: one JSON line with throughput, latency and every kind of failure.
wrk_json() {
  python3 - "$1" "$2" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*%s\s+([\d.]+)(us|ms|s)" % re.escape(label), text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 2)
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
socket = sum(int(g) for g in errors.groups()) if errors else 0
print(json.dumps({
    "run": sys.argv[2],
    "requests": int(re.search(r"(\d+) requests in", text).group(1)),
    "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
    "p50_ms": ms("50%"), "p99_ms": ms("99%"),
    "non_2xx_3xx": int(non2xx.group(1)) if non2xx else 0, "socket_errors": socket,
    "socket_errors_connect_read_write_timeout": [int(g) for g in errors.groups()] if errors else [0, 0, 0, 0],
    "failed": (int(non2xx.group(1)) if non2xx else 0) + socket,
}))
PY
}
