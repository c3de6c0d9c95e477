"""Time adding one article to a built output folder, with this checkout's code, without re-extracting.

    python bench/bench_add.py --corpus /tmp/ikg-bench/corpus --output /tmp/ikg-bench/out --runs 5
    python bench/bench_add.py ... --runs 1 --profile add.prof       # cProfile of one add
    python bench/bench_add.py ... -- --no-export                    # flags for `ikg build`
    python bench/bench_add.py ... --runs 7 --watch -- --no-export   # adds to one `ikg build --watch`

A cache key includes a hash of the package's code, so after any change to graph/*.py a real
`ikg build` reads and extracts every article again (about 12 minutes at 10,000). Here each add runs
`ikg build` (default flags unless given after ``--``) in a new process that computes the pipeline's
fingerprint as a build does but then uses the one the current generation's manifest was made with,
so that unchanged files are known by their size and times without being read, as in a real build
after one with the same code. A manifest from before file signatures (or one made with another
fingerprint) makes the first add read and hash every file; its key function then names an
unchanged article's existing cache entry (by file name). Every other stage runs as in a real build.
Each run writes a new article (a copy of a corpus article with a marker changed) into the corpus,
which it leaves there. Prints wall and CPU seconds (user + system) and peak memory per run, and
their medians. The first default-flag add after a store-only build also writes the exports whole.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import cProfile, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import graph.build
build = sys.modules["graph.build"]  # the module (the package exports a function of that name)
from graph import generations
from graph.cache import Manifest
out, profile, args = Path(sys.argv[2]), sys.argv[3], sys.argv[4:]
old = Manifest.load(generations.current(out) / generations.MANIFEST)
existing = {Path(e.path).name: e.key for e in old.articles.values()}
hashed = build.content_key
build.content_key = lambda data, fingerprint, name="": existing.get(name, hashed(data, fingerprint, name))
if old.reference:
    build.reference_key = lambda fingerprint: old.reference
import graph.pipeline, graph.watch
computed = graph.pipeline.knowledge_fingerprint
def fingerprint(*a, **k):
    made = computed(*a, **k)  # computed all the same: a real build pays for it
    return old.fingerprint or made
for module in (build, graph.pipeline, graph.watch):  # Pipeline.load's too
    module.knowledge_fingerprint = fingerprint
from graph.tools.cli import main
if profile:
    cProfile.run("code = main(args)", profile)
else:
    code = main(args)
sys.exit(code)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the (last) add here")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose graph/ to run (default: this one)")
    parser.add_argument("build_args", nargs="*", help="more `ikg build` flags, after --")
    parser.add_argument("--watch", action="store_true",
                        help="time adds to one `ikg build --watch` process instead of one process per add")
    parser.add_argument("--interval", type=float, default=0.2, help="with --watch, its --interval")
    args = parser.parse_args()
    sources = sorted(p for p in args.corpus.glob("*.txt") if "-add-" not in p.name)
    if args.watch:
        return watched(args, sources)
    results = []
    for run in range(args.runs):
        add_article(args.corpus, sources)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, "-c", CHILD, str(args.code), str(args.output),
                                str(args.profile or ""), "build", "--input", str(args.corpus), "--output",
                                str(args.output), "--quiet", *args.build_args], stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if code not in (0, 3):
            raise SystemExit(f"ikg build failed ({code})")
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        results.append((wall, cpu, after.ru_maxrss / 1024))
        print(json.dumps({"run": run, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                          "peak_mb": round(after.ru_maxrss / 1024)}), flush=True)
    wall, cpu, _ = (statistics.median(x) for x in zip(*results))
    print(f"median of {len(results)}: {wall:.1f} s wall, {cpu:.1f} s CPU; peak {max(r[2] for r in results):.0f} MB "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


def add_article(corpus: Path, sources: list[Path]) -> Path:
    """Write a new article (a copy of a corpus article with a marker changed) into ``corpus``."""
    number = len(list(corpus.glob("*-add-*.txt")))
    while (corpus / f"bench-add-{number}.txt").exists():  # a new article, never one already built
        number += 1
    path = corpus / f"bench-add-{number}.txt"
    path.write_bytes(sources[number % len(sources)].read_bytes().replace("合成新闻".encode(), f"新增新闻{number}".encode()))
    return path


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def watched(args, sources: list[Path]) -> None:
    """One `ikg build --watch` process; each run adds an article and waits for the line of the
    build that took it in. Prints the build's own seconds (what --watch reports), the seconds
    from writing the file to that line (which add up to --interval of polling and the settling
    pause), the CPU seconds of the process over that time, and its peak memory."""
    import signal

    child = subprocess.Popen([sys.executable, "-c", CHILD, str(args.code), str(args.output), "", "build",
                              "--input", str(args.corpus), "--output", str(args.output), "--watch",
                              "--interval", str(args.interval), *args.build_args],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        first = child.stdout.readline()
        if " built " not in first:
            raise SystemExit(f"ikg build --watch did not build: {first!r}")
        print(json.dumps({"first build": first.strip()}), flush=True)
        results = []
        for run in range(args.runs):
            time.sleep(1.0)  # a quiet folder, as between a user's adds
            cpu = _cpu_seconds(child.pid)
            started = time.perf_counter()
            path = add_article(args.corpus, sources)
            line = child.stdout.readline()
            wall = time.perf_counter() - started
            cpu = _cpu_seconds(child.pid) - cpu
            if "1 extracted" not in line:
                raise SystemExit(f"{path.name}: unexpected {line!r}")
            build_s = float(line.rsplit(" in ", 1)[1].split()[0])
            results.append((build_s, wall, cpu))
            print(json.dumps({"run": run, "build_s": build_s, "file_to_published_s": round(wall, 2),
                              "cpu_s": round(cpu, 2)}), flush=True)
        peak = int(next(x for x in Path(f"/proc/{child.pid}/status").read_text().splitlines()
                        if x.startswith("VmHWM")).split()[1]) / 1024
    finally:
        child.send_signal(signal.SIGINT)
        code = child.wait(30)
    build_s, wall, cpu = (statistics.median(x) for x in zip(*results))
    print(f"median of {len(results)}: build {build_s:.2f} s, file to published {wall:.2f} s (polling every "
          f"{args.interval:g} s), {cpu:.2f} s CPU; peak {peak:.0f} MB; exit {code} on Ctrl-C "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
