#!/usr/bin/env bash
# CI smoke benchmark: 1,000 synthetic cases and the shared query mix, in process. Fails on a gross
# regression only (p99 over ten times the figure recorded in smoke.json): timings vary from machine to
# machine, so this catches an order-of-magnitude mistake, not noise. Takes about half a minute.
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
line=$(dotnet "$root/tools/ImpactAlliances.Benchmarks/bin/Release/net10.0/ImpactAlliances.Benchmarks.dll" --content "$work/corpus" --queries "$queries" --reps 5)
python3 - "$line" "$here/smoke.json" <<'PY'
import json, sys
run, recorded = json.loads(sys.argv[1]), json.load(open(sys.argv[2]))
limit = 10 * recorded["p99_ms"]
print(f"smoke benchmark: {run['docs']} cases, p50 {run['p50_ms']} ms, p99 {run['p99_ms']} ms "
      f"(recorded {recorded['p99_ms']} ms, limit {limit:.2f} ms)")
sys.exit(0 if run["p99_ms"] <= limit else f"p99 {run['p99_ms']} ms is over ten times the recorded {recorded['p99_ms']} ms")
PY
