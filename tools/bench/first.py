#!/usr/bin/env python3
"""Time to a published site's first answer, A/B alternated.

Launches each published site (`dotnet SITE/ImpactAlliances.Web.dll`, from /, as tools/bench/http.sh does) on one index,
tries a TCP connection and then `/api/search?q=emploi` every 10 ms, and records for each start: when the port first
accepted a connection, when the search first answered 200, and the process's CPU time (user + system, from /proc) at
that moment (and at the first accepted connection, with the main thread's alone: the host's own start, which work moved
to another thread no longer lengthens). The sites are started one after the other, alternated (A B, then B A, ...), and the medians, ranges and
the load average are printed. The site is stopped after each start.

    python3 tools/bench/first.py --site A=/tmp/a/web --site B=/tmp/b/web \
        --index /tmp/i100k --content /tmp/corpus-100000 --port 5380 --rounds 6

`--env B:DOTNET_TieredPGO=0` sets a variable for one site only (a runtime knob measured against the same build);
`--save DIR` writes each site's first answer to DIR/LABEL.json, to check that both answered the same bytes.
"""
import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

QUERY = "/api/search?q=emploi"
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid, thread=None):
    # Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command's closing parenthesis. With a
    # thread, that thread's alone: the main thread's (thread = pid) is the host's own start, the path every first answer waits for.
    with open(f"/proc/{pid}/task/{thread}/stat" if thread else f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICKS


def port_free(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def start_once(site, index, content, port, env, timeout, save):
    if not port_free(port):
        sys.exit(f"port {port} is already in use: stop what listens there first")
    command = ["dotnet", os.path.join(site, "ImpactAlliances.Web.dll"), "--urls", f"http://127.0.0.1:{port}",
               f"--Index:Path={index}", f"--Content:Path={content}", "--Search:CacheSize=0"]
    begin = time.monotonic()
    process = subprocess.Popen(command, cwd="/", env={**os.environ, **env},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    accepted = accepted_cpu = accepted_main = None
    try:
        while time.monotonic() - begin < timeout:
            if process.poll() is not None:
                sys.exit(f"the site in {site} exited with {process.returncode} before answering")
            if accepted is None:
                if port_free(port):
                    time.sleep(0.01)
                    continue
                accepted = time.monotonic() - begin
                accepted_cpu = cpu_ms(process.pid)
                accepted_main = cpu_ms(process.pid, process.pid)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{QUERY}", timeout=timeout) as response:
                    body = response.read()
                    if response.status == 200:
                        cpu = cpu_ms(process.pid)
                        first = time.monotonic() - begin
                        return accepted, accepted_cpu, accepted_main, first, cpu, body if save else None
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.01)
        sys.exit(f"the site in {site} did not answer within {timeout} s")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", action="append", required=True, help="LABEL=DIR of a published site (repeat)")
    parser.add_argument("--env", action="append", default=[], help="LABEL:NAME=VALUE for one site's process")
    parser.add_argument("--index", required=True)
    parser.add_argument("--content", required=True, help="the corpus the index was built from (not rebuilt)")
    parser.add_argument("--port", type=int, default=5380)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--save", help="folder for each site's first answer (LABEL.json)")
    args = parser.parse_args()

    sites = [tuple(s.split("=", 1)) for s in args.site]
    envs = {label: {} for label, _ in sites}
    for e in args.env:
        label, assignment = e.split(":", 1)
        name, value = assignment.split("=", 1)
        envs[label][name] = value
    results = {label: [] for label, _ in sites}
    loads = []
    for round_ in range(args.rounds):
        # Alternated: the first site leads in even rounds, the last in odd ones.
        order = sites if round_ % 2 == 0 else list(reversed(sites))
        for label, site in order:
            loads.append(os.getloadavg()[0])
            accepted, accepted_cpu, accepted_main, first, cpu, body = start_once(site, args.index, args.content, args.port, envs[label],
                                                                  args.timeout, args.save)
            results[label].append((accepted * 1000, accepted_cpu, first * 1000, cpu, accepted_main))
            print(f"round {round_ + 1} {label}: accepted {accepted * 1000:.0f} ms (CPU {accepted_cpu:.0f} ms, "
                  f"main thread {accepted_main:.0f} ms), "
                  f"first answer {first * 1000:.0f} ms (CPU {cpu:.0f} ms), load {loads[-1]:.2f}", flush=True)
            if body is not None:
                os.makedirs(args.save, exist_ok=True)
                with open(os.path.join(args.save, f"{label}.json"), "wb") as f:
                    f.write(body)
            time.sleep(0.5)

    print(f"load average {min(loads):.2f} to {max(loads):.2f}")
    for label, runs in results.items():
        def column(i):
            values = sorted(r[i] for r in runs)
            return f"{statistics.median(values):.0f} ms ({values[0]:.0f} to {values[-1]:.0f})"
        print(f"{label} (medians, ranges): accepted {column(0)}, CPU then {column(1)}, main thread's {column(4)}; "
              f"first answer {column(2)}, CPU then {column(3)}")


if __name__ == "__main__":
    main()
