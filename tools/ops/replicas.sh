#!/usr/bin/env bash
# Three stateless replicas behind nginx (Debian's package) as the load balancer, on loopback only.
# Each replica fetches its index from the same artifact source (served by nginx at /artifacts/, as any
# static file server would) into its own folder. Measures the throughput through nginx with 1, 2 and
# 3 replicas, then publishes a new index artifact while wrk runs and reports the failed requests (non-2xx/3xx
# and socket errors) and how long it took until every replica served the new version.
#
# Usage: tools/ops/replicas.sh [CORPUS_DIR=/tmp/bench/corpus-1000] [DURATION_S=15] [CONNECTIONS=32]
# Ports: nginx 5160, replicas 5161-5163. Prints one JSON line per measurement.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$(cd "${1:-/tmp/bench/corpus-1000}" && pwd)"
duration="${2:-15}"
connections="${3:-32}"
work="$(mktemp -d)"
chmod 755 "$work"
source "$here/lib.sh"
command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx-light)" >&2; exit 1; }
trap 'nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; stop_all; rm -rf "$work"' EXIT
ports=(5161 5162 5163)
lb=5160

# write_nginx N: nginx balancing over the first N replicas, keeping connections to them open.
write_nginx() {
  {
    echo "worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log warn; user www-data;"
    echo "events { worker_connections 1024; }"
    echo "http {"
    echo "  access_log off;"
    echo "  upstream site { least_conn; keepalive 64;"
    for port in "${ports[@]:0:$1}"; do echo "    server 127.0.0.1:$port max_fails=0;"; done
    echo "  }"
    echo "  server { listen 127.0.0.1:$lb;"
    echo "    location /artifacts/ { alias $work/published/; }"
    echo "    location / { proxy_pass http://site; proxy_http_version 1.1; proxy_set_header Connection \"\";"
    echo "      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; }"
    echo "  }"
    echo "}"
  } > "$work/nginx.conf"
}

publish_binaries
mkdir -p "$work/published"
first=$(new_artifact "$corpus")
chmod -R a+rX "$work/published"
write_nginx 3
nginx -p "$work" -c "$work/nginx.conf"
for port in "${ports[@]}"; do start_site "$port" "http://127.0.0.1:$lb/artifacts"; done
for port in "${ports[@]}"; do wait_ready "$port"; done
python3 "$root/tools/bench/queries.lua.py" "$queries" /api/search > "$work/mix.lua"
wrk -t2 -c8 -d5s -s "$work/mix.lua" "http://127.0.0.1:$lb" >/dev/null   # warm-up of every replica

for n in 1 2 3; do
  write_nginx "$n"
  nginx -p "$work" -c "$work/nginx.conf" -s reload
  sleep 1
  wrk -t2 -c"$connections" -d"$duration"s --timeout 10s --latency -s "$work/mix.lua" "http://127.0.0.1:$lb" > "$work/wrk-$n.txt"
  wrk_json "$work/wrk-$n.txt" "throughput, $n replica(s)"
done

# A new artifact while the load runs through nginx over the three replicas.
mkdir -p "$work/next"
"$work/indexer/ImpactAlliances.Indexer" build --content "$corpus" --index "$work/next" >/dev/null 2>&1
wrk -t2 -c"$connections" -d"$((duration + 15))"s --timeout 10s --latency -s "$work/mix.lua" "http://127.0.0.1:$lb" > "$work/wrk-switch.txt" &
load=$!
sleep 5
published_at=$(date +%s.%N)
second=$(publish_artifact "$work/next")
chmod -R a+rX "$work/published"
switched=""
for _ in $(seq 600); do
  versions=$(for port in "${ports[@]}"; do served_version "$port"; done | sort -u)
  if [ "$versions" = "$second" ]; then switched=$(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 2))" "$published_at" "$(date +%s.%N)"); break; fi
  sleep 0.1
done
wait "$load"
wrk_json "$work/wrk-switch.txt" "3 replicas while artifact $second replaces $first"
versions=$(for port in "${ports[@]}"; do echo "$port=$(served_version "$port")"; done | tr '\n' ' ')
echo "{\"switch\": \"$first -> $second\", \"all_replicas_switched_after_s\": ${switched:-null}, \"served\": \"${versions% }\"}"
[ -n "$switched" ]
