#!/usr/bin/env bash
# Every headline figure of BENCHMARKS.md in one run, side by side with the baselines of ../shared/bench:
# for each corpus size, the index build as a whole process (the indexer published ReadyToRun, as the
# README gives it for large builds), the in-process query mix for ours, SQLite FTS5 and MiniSearch on the
# same corpus, then the HTTP figures at the first size (tools/bench/http.sh: first request, memory, the
# ceiling of the pipeline, /api/search and the HTML page under wrk with the cache off then on, and the
# server's CPU time and allocation per request). Prints the machine and the commit, and writes the tables
# between the markers of BENCHMARKS.md ("one run" section), replacing the previous run.
#
# Usage: tools/bench/all.sh [SIZES="1000 10000"]   REPS=10 by default; KEEP=1 keeps the corpora.
# Needs: python3 with SQLite FTS5, node and npm (MiniSearch is installed into the work folder), wrk.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="$root/../shared/bench"
sizes=(${1:-1000 10000})
reps="${REPS:-10}"
work="$(mktemp -d)"
[ -n "${KEEP:-}" ] && echo "corpora kept in $work" >&2 || trap 'rm -rf "$work"' EXIT
for tool in python3 node npm wrk; do command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 1; }; done

echo "publishing the indexer and building the benchmark (Release)…" >&2
dotnet publish "$root/tools/ImpactAlliances.Indexer" -c Release -r linux-x64 -o "$work/indexer" -v quiet -nologo >/dev/null
dotnet build "$root/tools/ImpactAlliances.Benchmarks" -c Release -v quiet -nologo >/dev/null
npm install --prefix "$work/node" --no-audit --no-fund --silent minisearch@7.2.0 >/dev/null
export MINISEARCH_PREFIX="$work/node" PYTHONDONTWRITEBYTECODE=1

results="$work/results.jsonl"
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  echo "N=$n: corpus, build, ours, FTS5, MiniSearch…" >&2
  "$work/indexer/ImpactAlliances.Indexer" generate --count "$n" --out "$corpus" --seed 42 >/dev/null
  # The build as a user runs it: the whole process, start to exit, with its peak memory.
  /usr/bin/time -f '%e %M' -o "$work/build-$n.time" "$work/indexer/ImpactAlliances.Indexer" build --content "$corpus" --index "$work/index-$n" >/dev/null 2>&1
  read -r seconds kb < "$work/build-$n.time"
  echo "{\"engine\": \"build\", \"docs\": $n, \"build_s\": $seconds, \"max_rss_mb\": $(( kb / 1024 ))}" >> "$results"
  dotnet "$root/tools/ImpactAlliances.Benchmarks/bin/Release/net10.0/ImpactAlliances.Benchmarks.dll" \
    --content "$corpus" --index "$work/index-$n" --queries "$shared/queries.json" --reps "$reps" | tail -1 >> "$results"
  python3 "$shared/fts5_bench.py" --content "$corpus" --reps "$reps" | tail -1 >> "$results"
  node --max-old-space-size=16384 "$shared/minisearch_bench.mjs" --content "$corpus" --reps "$reps" | tail -1 >> "$results"
done
echo "N=${sizes[0]}: HTTP…" >&2
bash "$here/http.sh" "$work/corpus-${sizes[0]}" 15 8 | sed 's/^{/{"engine": "http", /' >> "$results"

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr), .NET SDK $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
commit="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo ' (with uncommitted changes)')"
python3 - "$results" "$root/BENCHMARKS.md" "$machine" "$commit" "${sizes[*]}" "$reps" <<'PY'
import datetime, json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
path, machine, commit, sizes, reps = sys.argv[2:7]
def find(engine, docs):
    return next((r for r in rows if r.get("engine", "").startswith(engine) and r.get("docs") == docs), None)
def ms(r, key):
    return f"{r[key]:.2f}" if r and key in r else "–"
out = [f"Run of {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit}; {machine}.",
       f"Generated corpora (seed 42), {reps} timed rounds of the 34-query mix per engine.", "",
       "```sh", f"tools/bench/all.sh \"{sizes}\"", "```", "",
       "| cases | build, whole process | build peak memory | ours p50 / p99 ms | ours, first query after opening | FTS5 p50 / p99 ms | MiniSearch p50 / p99 ms | p99: FTS5 ÷ ours | p99: MiniSearch ÷ ours |",
       "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for n in (int(s) for s in sizes.split()):
    build, ours, fts, mini = find("build", n), find("impact", n) or find("lucene", n), find("sqlite", n), find("minisearch", n)
    ratio = lambda other: f"{other['p99_ms'] / ours['p99_ms']:.1f}×" if other and ours else "–"
    out.append(f"| {n:,} | {build['build_s']} s | {build['max_rss_mb']} MB | {ms(ours, 'p50_ms')} / {ms(ours, 'p99_ms')} | {ms(ours, 'first_query_ms')} ms | "
               f"{ms(fts, 'p50_ms')} / {ms(fts, 'p99_ms')} | {ms(mini, 'p50_ms')} / {ms(mini, 'p99_ms')} | {ratio(fts)} | {ratio(mini)} |")
http = [r for r in rows if r.get("engine") == "http" and "requests_per_s" in r]
if http:
    out += ["", f"| HTTP, {http[0]['docs']:,} cases, 8 connections, 15 s | requests/s | p50 ms | p99 ms | failed | server CPU ms per request | allocated KB per request |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in http:
        out.append(f"| `{r['target']}` | {r['requests_per_s']:,.0f} | {r['p50_ms']} | {r['p99_ms']} | {r['failed']} | {r['cpu_ms_per_request']} | {r['alloc_kb_per_request']} |")
    start = next((r for r in rows if r.get("target") == "start"), None)
    if start:
        out += ["", f"Start-up and memory: first request answered {start['first_request_s']} s after start, "
                    f"resident memory {start['rss_idle_mb']} MB idle, {start['rss_peak_mb']} MB at peak (cache off)."]
begin, end = "<!-- tools/bench/all.sh: begin -->", "<!-- tools/bench/all.sh: end -->"
text = open(path).read()
block = begin + "\n" + "\n".join(out) + "\n" + end
if begin in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
else:
    text = text.replace("## Corpora", "## One run of every figure\n\n" + block + "\n\n## Corpora", 1)
open(path, "w").write(text)
print("\n".join(out))
PY
