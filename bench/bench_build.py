"""Benchmark the builder at scale and print the figures as a Markdown table.

    python bench/bench_build.py                       # 10,000 articles, all cores
    python bench/bench_build.py --articles 2000 --jobs 1

It writes a synthetic corpus made of real sentences (the seeds' and the development set's) in
which the insurers' names are swapped for other registry insurers, so that extraction has real
work; then it measures:

- `ikg build` (extraction into the store, no exports, no validation) in articles/s and MB/s,
  against `jieba.lcut` alone over the same text as the floor, both per core;
- the peak resident memory of the build (the build and its worker processes together);
- adding one article to the built corpus, end to end, in a new process: with the default flags
  (SHACL check, exports and explorer; measured on the second such add, as the first writes the
  exports whole) and with `--no-export`, each with its peak memory;
- looking an entity up by name: `ikg explain NAME` as a fresh command (cold) and `lookup.find` and
  `explain.explain` in a process that has the store open (warm);
- the whole-corpus questions the summary graph answers (the entity graph behind `ikg stats`,
  `ikg path` and the graph-tool exports; the most mentioned entities), against computing them
  from every fact;
- the latency of every `queries/` file on the large graph's store, and on a smaller slice of it
  both in the store and in rdflib's in-memory store, as a ratio (rdflib cannot hold the whole).

A script, not a test: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.ingest import read_article  # noqa: E402
from graph.recognise import AliasIndex  # noqa: E402
from graph.registry import load_registry  # noqa: E402
from graph.segment import split_sentences  # noqa: E402


def sentences() -> list[str]:
    """Every sentence of the seeds and of the development articles."""
    out = []
    for folder in (ROOT / "seeds", ROOT / "tests" / "corpus" / "dev"):
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix in (".txt", ".md", ".html"):
                doc = read_article(path)
                out += [doc.text[a:b] for a, b, _ in split_sentences(doc) if b - a > 8]
    return out


def write_corpus(folder: Path, count: int) -> int:
    """``count`` articles of 15-30 real sentences each, insurers' names swapped; returns the bytes."""
    registry = load_registry()
    index = AliasIndex.build(registry)
    insurers = sorted(e.entity.label for e in registry.entries.values() if e.entity.cls in ("Insurer", "InsuranceGroup"))
    pool = sentences()
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(count):
        rnd = random.Random(i)
        lines = []
        for sentence in rnd.sample(pool, rnd.randint(15, 30)):
            for start, end, iri in reversed(index.matches(sentence)):
                if registry.entries[iri].entity.cls in ("Insurer", "InsuranceGroup"):
                    sentence = sentence[:start] + rnd.choice(insurers) + sentence[end:]
            lines.append(sentence)
        text = f"---\ntitle: 合成新闻 {i:05d}\ndate: 2023-{1 + i % 12:02d}-{1 + i % 28:02d}\n---\n" + "\n".join(lines) + "\n"
        data = text.encode("utf-8")
        (folder / f"bench-{i:05d}.txt").write_bytes(data)
        size += len(data)
    return size


def jieba_floor(folder: Path) -> float:
    """Seconds `jieba.lcut` takes over the corpus text (one process)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]
    started = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - started


def process_tree(root: int) -> list[int]:
    """``root`` and every process descended from it, read from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += children.get(pid, [])
    return tree


class PeakMemory:
    """Samples the resident memory of a process and all its descendants; keeps the peak (MB)."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()


    def _rss(self, pid: int) -> float:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(self._rss(p) for p in process_tree(self.pid)))
            time.sleep(0.2)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def ikg(*args) -> tuple[float, float]:
    """Run `ikg ARGS` in a new process; (seconds, peak MB)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "graph.tools.cli", *map(str, args)], cwd=ROOT)
    memory = PeakMemory(proc.pid)
    if proc.wait() not in (0, 3):
        raise SystemExit(f"ikg {' '.join(map(str, args))} failed")
    return time.perf_counter() - started, memory.stop()


def query_times(store_path: Path, rdflib_trig: Path | None, limit: float) -> list[tuple[str, float, float | None]]:
    """Median seconds of each queries/ file in the store (and in rdflib, from ``rdflib_trig``);
    an rdflib query still running after ``limit`` seconds is stopped and reported as that."""
    import multiprocessing

    from rdflib import Dataset

    from graph.query import run_query
    from graph.store import open_store

    store = open_store(store_path)
    ds = None
    if rdflib_trig is not None:
        ds = Dataset(default_union=True)
        ds.parse(rdflib_trig, format="trig")
    rows = []
    for rq in sorted((ROOT / "queries").glob("*.rq")):
        text = rq.read_text(encoding="utf-8")

        def timed(run) -> float:
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                run()
                runs.append(time.perf_counter() - started)
                if runs[-1] > 2:  # slow enough to measure once
                    break
            return statistics.median(runs)

        def bounded(run) -> float:
            child = multiprocessing.get_context("fork").Process(target=run)
            started = time.perf_counter()
            child.start()
            child.join(limit)
            if child.is_alive():
                child.kill()
                child.join()
            return time.perf_counter() - started

        ox = timed(lambda: list(run_query(store, text, rq.name)))
        rd = bounded(lambda: list(ds.query(text))) if ds is not None else None
        rows.append((rq.name, ox, rd))
    return rows


def median_time(run, times: int) -> float:
    """Median seconds of ``times`` calls of ``run``."""
    runs = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def lookup_name(store_path: Path) -> str:
    """A name to look up: 太安农险 when the corpus mentions it, else the most mentioned entity's."""
    from graph import lookup
    from graph.store import open_store

    store = open_store(store_path)
    if lookup.find(store, "太安农险"):
        return "太安农险"
    return max(lookup.search(store, "保险", limit=1000), key=lambda h: h.mentions).label


def explain_limit() -> int:
    """How many statements per relation `ikg explain` shows by default (what the warm figure reads)."""
    from graph.explain import DEFAULT_LIMIT

    return DEFAULT_LIMIT


def lookups(store_path: Path, name: str) -> dict[str, float]:
    """Seconds: `ikg explain NAME` as a fresh command (median of 3), and in a warm process the
    look-up alone and the whole explanation (medians of 20)."""
    from graph import explain, lookup
    from graph.store import open_store

    cold = median_time(lambda: subprocess.run([sys.executable, "-m", "graph.tools.cli", "explain", name,
                                               "--data", str(store_path)], cwd=ROOT, check=True,
                                              stdout=subprocess.DEVNULL), 3)
    store = open_store(store_path)
    explain.explain(store, name)  # the first call reads the store's files into the page cache
    return {"cold": cold, "find": median_time(lambda: lookup.find(store, name), 20),
            "explain": median_time(lambda: explain.explain(store, name), 20)}


def summary_queries(store_path: Path) -> dict[str, tuple[float, float]]:
    """Seconds (from the summary graph, computed from every fact) of the entity graph and of the
    20 most mentioned entities."""
    from graph import network
    from graph.store import open_store

    store = open_store(store_path)
    top_summary = f"""SELECT ?e ?n WHERE {{ GRAPH <https://w3id.org/insurance-kg/graph/index/summary> {{
        ?e <https://w3id.org/insurance-kg/ontology#mentionCount> ?n }} }} ORDER BY DESC(?n) LIMIT 20"""
    top_facts = """SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e <https://w3id.org/insurance-kg/ontology#mentionedIn> ?a }
        GROUP BY ?e ORDER BY DESC(?n) LIMIT 20"""
    computed = network.has_summary
    network.has_summary = lambda _: False  # the same function without the summary graph
    try:
        from_facts = median_time(lambda: network.entity_graph(store), 1)
    finally:
        network.has_summary = computed
    return {"entity graph (ikg stats, path, graph-tool exports)": (median_time(lambda: network.entity_graph(store), 3), from_facts),
            "20 most mentioned entities": (median_time(lambda: list(store.query(top_summary)), 5),
                                           median_time(lambda: list(store.query(top_facts)), 1))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rdflib-articles", type=int, default=100,
                        help="size of the slice compared with rdflib's in-memory store")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ikg-bench"))
    parser.add_argument("--rdflib-limit", type=float, default=60, metavar="SECONDS",
                        help="stop an rdflib query after this long and report it as that")
    parser.add_argument("--no-rdflib", action="store_true",
                        help="skip the queries/ files and the comparison with rdflib (minutes at 10,000 articles)")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the corpus and builds of an earlier run in --workdir; measure the queries again")
    args = parser.parse_args()

    corpus, out, small = args.workdir / "corpus", args.workdir / "out", args.workdir / "small"
    saved = args.workdir / "measurements.json"
    if not (args.reuse and saved.exists()):
        subprocess.run(["rm", "-rf", str(args.workdir)], check=True)
        size = write_corpus(corpus, args.articles)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in corpus.iterdir())
        floor = jieba_floor(corpus)
        build_s, build_mb = ikg("build", "--input", corpus, "--output", out, "--jobs", args.jobs, "--no-export",
                                "--no-validate", "--quiet")
        extra = corpus / "bench-extra.txt"
        extra.write_text("截至6月30日，中原农险周口中心支公司推出“惠农保”，为种植户提供价格保险，累计保额约2.3亿元。",
                         encoding="utf-8")
        add_s, _ = ikg("build", "--input", corpus, "--output", out, "--no-export", "--no-validate", "--quiet")
        # One more article with the default flags (validation, exports, explorer): the first build
        # that writes the exports assembles them whole; the next one, measured, copies them from it.
        # Then one article with --no-export.
        (corpus / "bench-extra-1.txt").write_bytes((corpus / "bench-00003.txt").read_bytes().replace(
            "合成新闻".encode(), "又一条新闻".encode()))
        first_export = ikg("build", "--input", corpus, "--output", out, "--quiet")
        (corpus / "bench-extra-2.txt").write_bytes((corpus / "bench-00001.txt").read_bytes().replace(
            "合成新闻".encode(), "另一条新闻".encode()))
        add_default = ikg("build", "--input", corpus, "--output", out, "--quiet")
        (corpus / "bench-extra-3.txt").write_bytes((corpus / "bench-00002.txt").read_bytes().replace(
            "合成新闻".encode(), "第三条新闻".encode()))
        add_store = ikg("build", "--input", corpus, "--output", out, "--no-export", "--quiet")
        (small / "corpus").mkdir(parents=True)
        for path in sorted(corpus.iterdir())[:args.rdflib_articles]:
            (small / "corpus" / path.name).write_bytes(path.read_bytes())
        if not args.no_rdflib:
            ikg("build", "--input", small / "corpus", "--output", small / "out", "--jobs", args.jobs,
                "--no-validate", "--quiet")
        saved.write_text(json.dumps([size, chars, floor, build_s, build_mb, add_s, add_default, add_store, first_export]))
    else:
        size, chars, floor, build_s, build_mb, add_s, add_default, add_store, *first = json.loads(saved.read_text())
        first_export = first[0] if first else None
    name = lookup_name(out / "store")
    looked = lookups(out / "store", name)
    summary = summary_queries(out / "store")
    large = [] if args.no_rdflib else query_times(out / "store", None, args.rdflib_limit)
    sliced = [] if args.no_rdflib else query_times(small / "out" / "store", small / "out" / "graph.trig",
                                                   args.rdflib_limit)

    per_core_build = args.articles / build_s / args.jobs
    print(f"\nMachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{args.articles} articles, {size / 2**20:.1f} MB, {chars / 1e6:.1f} M characters; --jobs {args.jobs}\n")
    print("| measure | value |\n| --- | --- |")
    print(f"| `ikg build` (store only, no validation) | {build_s:.0f} s: {args.articles / build_s:.1f} articles/s, "
          f"{size / 2**20 / build_s:.2f} MB/s |")
    print(f"| per core | {per_core_build:.1f} articles/s, {chars / build_s / args.jobs / 1000:.0f} k chars/s |")
    print(f"| `jieba.lcut` alone, one core (the floor) | {args.articles / floor:.1f} articles/s, "
          f"{chars / floor / 1000:.0f} k chars/s |")
    print(f"| build throughput per core / jieba | {per_core_build / (args.articles / floor):.2f} (target ≥ 0.30) |")
    print(f"| peak memory of the build (all processes) | {build_mb:.0f} MB (target < 2048) |")
    print(f"| add one article, `ikg build --no-export --no-validate --quiet` end to end | {add_s:.2f} s |")
    if first_export:
        print(f"| add one article, `ikg build` (default flags), the first build to write the exports | "
              f"{first_export[0]:.1f} s, {first_export[1]:.0f} MB |")
    print(f"| add one article, `ikg build` (default flags) end to end | {add_default[0]:.1f} s, "
          f"{add_default[1]:.0f} MB (target < 5 s at 10,000, memory flat) |")
    print(f"| add one article, `ikg build --no-export` (SHACL check) end to end | {add_store[0]:.2f} s, "
          f"{add_store[1]:.0f} MB (target < 1 s at 10,000) |")
    print(f"| `ikg explain {name}`, fresh command (cold) | {looked['cold'] * 1000:.0f} ms (target < 1 s) |")
    print(f"| look-up by name, warm (`graph.lookup.find`) | {looked['find'] * 1000:.2f} ms |")
    print(f"| `explain` with its facts and quotes (the default {explain_limit()} per relation and figure kind), warm | "
          f"{looked['explain'] * 1000:.0f} ms (target < 50 ms) |")
    print("\n| whole-corpus question | from the summary graph | from every fact | speed-up |\n| --- | --- | --- | --- |")
    for what, (fast, slow) in summary.items():
        print(f"| {what} | {fast * 1000:.0f} ms | {slow * 1000:.0f} ms | {slow / fast:.0f}× |")
    if args.no_rdflib:
        return
    print(f"\n| query | store, {args.articles} articles | store, {args.rdflib_articles} articles | "
          f"rdflib, {args.rdflib_articles} articles | rdflib / store |\n| --- | --- | --- | --- | --- |")
    for (name, big, _), (_, ox, rd) in zip(large, sliced):
        capped = "≥ " if rd >= args.rdflib_limit else ""
        print(f"| {name} | {big * 1000:.0f} ms | {ox * 1000:.1f} ms | {capped}{rd * 1000:.0f} ms | {capped}{rd / ox:.0f}× |")


if __name__ == "__main__":
    main()
