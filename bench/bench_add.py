"""Time adding one article to a built output folder, with this checkout's code, without re-extracting.

    python bench/bench_add.py --corpus /tmp/ikg-bench/corpus --output /tmp/ikg-bench/out --runs 5
    python bench/bench_add.py ... --runs 1 --profile add.prof       # cProfile of one add
    python bench/bench_add.py ... -- --no-export                    # flags for `ikg build`

A cache key includes a hash of the package's code, so after any change to graph/*.py a real
`ikg build` extracts every article again (about 12 minutes at 10,000). Here each add runs
`ikg build` (default flags unless given after ``--``) in a new process whose key function still
hashes every article as a build does, but then names an unchanged article's existing cache entry
(by file name, from the current generation's manifest): every other stage runs as in a real build.
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
    args = parser.parse_args()
    sources = sorted(p for p in args.corpus.glob("*.txt") if "-add-" not in p.name)
    results = []
    for run in range(args.runs):
        number = len(list(args.corpus.glob("*-add-*.txt")))
        while (args.corpus / f"bench-add-{number}.txt").exists():  # a new article, never one already built
            number += 1
        source = sources[number % len(sources)]
        (args.corpus / f"bench-add-{number}.txt").write_bytes(
            source.read_bytes().replace("合成新闻".encode(), f"新增新闻{number}".encode()))
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


if __name__ == "__main__":
    main()
