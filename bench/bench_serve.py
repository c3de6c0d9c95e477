"""Benchmark `ikg serve` under concurrent clients and print the figures as a Markdown table.

Starts `ikg serve` over a built output folder (for example the one `bench/bench_build.py` leaves in
its --workdir), then runs --clients threads, each sending requests back to back for --seconds: a
mix of name look-ups, entity pages and SPARQL queries (the queries/ files that answer within the
server's timeout, and a look-up by label). Prints per kind of request the p50 and p99 latency, the
requests per second of the whole mix, the errors, and the server's peak memory (the server and its
reader processes together).

    python bench/bench_serve.py --data /tmp/ikg-bench/out --clients 20 --seconds 30
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IK = "https://w3id.org/insurance-kg/ontology#"
LABEL_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?type WHERE { ?e rdfs:label %s ; a ?type } LIMIT 10"""


def start_server(data: Path, readers: int) -> tuple[subprocess.Popen, str]:
    """A running `ikg serve` on a free loopback port, and its base URL."""
    process = subprocess.Popen([sys.executable, "-m", "graph.tools.cli", "serve", "--data", str(data),
                                "--port", "0", "--readers", str(readers)],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    line = process.stdout.readline()
    match = re.search(r"(http://\S+?)/ ", line)
    if not match:
        process.kill()
        sys.exit(f"bench_serve: ikg serve did not start: {line.strip() or 'no output'}")
    return process, match.group(1)


def get(url: str, accept: str = "application/json") -> bytes:
    """The body of a 200 answer to a GET of ``url``."""
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=60) as answer:
        return answer.read()


def sample_names(base: str, count: int) -> list[tuple[str, str]]:
    """(label, IRI) of up to ``count`` entities, most mentioned first, asked of the server itself."""
    query = f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX ik: <{IK}>
SELECT ?e (SAMPLE(?l) AS ?label) (COUNT(?a) AS ?n) WHERE {{ ?e ik:mentionedIn ?a ; rdfs:label ?l }}
GROUP BY ?e ORDER BY DESC(?n) LIMIT {count}"""
    answer = json.loads(get(f"{base}/sparql?" + urllib.parse.urlencode({"query": query}),
                            "application/sparql-results+json"))
    return [(b["label"]["value"], b["e"]["value"]) for b in answer["results"]["bindings"]]


def request_mix(base: str, names: list[tuple[str, str]], queries: list[str]) -> list[tuple[str, str, str]]:
    """(kind, URL, Accept) of the requests the clients draw from."""
    mix = []
    for label, iri in names:
        mix.append(("lookup", f"{base}/lookup?" + urllib.parse.urlencode({"name": label}), "application/json"))
        mix.append(("entity", f"{base}/entity?" + urllib.parse.urlencode({"iri": iri}), "application/json"))
        literal = json.dumps(label, ensure_ascii=False) + "@zh"
        mix.append(("sparql label", f"{base}/sparql?" + urllib.parse.urlencode({"query": LABEL_QUERY % literal}),
                    "application/sparql-results+json"))
    for text in queries:
        mix.append(("sparql queries/", f"{base}/sparql?" + urllib.parse.urlencode({"query": text}),
                    "application/sparql-results+json"))
    return mix


def fast_queries(base: str, limit: float) -> list[str]:
    """The queries/ files the server answers within ``limit`` seconds (slow ones would measure the
    query, not the server)."""
    kept = []
    for rq in sorted((ROOT / "queries").glob("*.rq")):
        text = rq.read_text(encoding="utf-8")
        start = time.perf_counter()
        try:
            get(f"{base}/sparql?" + urllib.parse.urlencode({"query": text}), "application/sparql-results+json")
        except (urllib.error.URLError, OSError):
            continue
        if time.perf_counter() - start < limit:
            kept.append(text)
    return kept


def peak_memory_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of ``pid`` and its child processes together, in MB."""
    total = 0
    pids = [pid]
    try:
        pids += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    for p in pids:
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmHWM:\s+(\d+) kB", status)
        total += int(match.group(1)) if match else 0
    return total / 1024


def run_clients(mix: list[tuple[str, str, str]], clients: int, seconds: float) -> tuple[dict[str, list[float]], int, float]:
    """Latencies by kind, the number of failed requests and the elapsed seconds of ``clients``
    threads sending requests from ``mix`` back to back for ``seconds``."""
    latencies: dict[str, list[float]] = {}
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(seed: int) -> None:
        rng = random.Random(seed)
        while time.perf_counter() < stop:
            kind, url, accept = rng.choice(mix)
            start = time.perf_counter()
            try:
                get(url, accept)
            except (urllib.error.URLError, OSError):
                with lock:
                    errors[0] += 1
                continue
            with lock:
                latencies.setdefault(kind, []).append(time.perf_counter() - start)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors[0], time.perf_counter() - began


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0–1) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="an output folder of ikg build (or its store)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--readers", type=int, default=2, help="ikg serve --readers")
    parser.add_argument("--names", type=int, default=50, help="entities the look-ups and entity pages draw from")
    parser.add_argument("--query-limit", type=float, default=1.0,
                        help="leave out queries/ files slower than this many seconds alone")
    args = parser.parse_args()
    process, base = start_server(args.data, args.readers)
    try:
        names = sample_names(base, args.names)
        if not names:
            sys.exit(f"bench_serve: {args.data}: no entities to ask for")
        queries = fast_queries(base, args.query_limit)
        mix = request_mix(base, names, queries)
        latencies, errors, elapsed = run_clients(mix, args.clients, args.seconds)
        memory = peak_memory_mb(process.pid)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)
    done = sum(len(v) for v in latencies.values())
    print(f"`ikg serve --readers {args.readers}` over {args.data}, {args.clients} clients for {elapsed:.0f} s, "
          f"{os.cpu_count()} cores; {len(queries)} queries/ files under {args.query_limit:g} s alone\n")
    print("| requests | count | p50 | p99 |")
    print("| --- | --- | --- | --- |")
    for kind, values in sorted(latencies.items()):
        print(f"| {kind} | {len(values)} | {statistics.median(values) * 1000:.0f} ms | "
              f"{percentile(values, 0.99) * 1000:.0f} ms |")
    every = [v for values in latencies.values() for v in values]
    print(f"| all | {done} | {statistics.median(every) * 1000:.0f} ms | {percentile(every, 0.99) * 1000:.0f} ms |")
    print(f"\n{done / elapsed:.1f} requests/s, {errors} errors, server peak memory {memory:.0f} MB")


if __name__ == "__main__":
    main()
