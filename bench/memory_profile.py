"""Profile a build's resident memory by phase and by process.

    python bench/memory_profile.py CORPUS OUTPUT [--jobs 2] [--tracemalloc] [--csv FILE]

Runs `ikg build --no-export --no-validate` over CORPUS into OUTPUT (which it empties first, so the
build is a whole one) in this process, with a thread sampling every 0.1 s the resident memory of
this process (the build's parent) and of each of its descendants (the extraction workers); the
build's steps are wrapped so that each sample is tagged with the phase it fell in. It prints, per
phase, its seconds and the peaks of the parent, of the workers together and of all processes, and
the whole build's peak (what bench_build.py reports). ``--tracemalloc`` adds the Python-side peak
of the parent per phase (slower). A script, not a test: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import functools
import os
import shutil
import sys
import threading
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import importlib  # noqa: E402

build_module = importlib.import_module("graph.build")  # graph.build is also the function
store_module = importlib.import_module("graph.store")
entity_index = importlib.import_module("graph.entity_index")
sys.path.insert(0, str(ROOT / "bench"))
from bench_build import process_tree  # noqa: E402


def _status(pid: int) -> dict[str, float]:
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key = line.split(":", 1)[0]
            if key in ("VmRSS", "RssAnon", "RssFile"):
                out[key] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return out


class Profile:
    def __init__(self, use_tracemalloc: bool):
        self.phases: list[str] = ["start"]
        self.samples: list[tuple[float, str, float, float, float, int]] = []
        self.spans: list[tuple[str, float, float]] = []
        self.py_peaks: dict[str, float] = {}
        self.tracemalloc = use_tracemalloc
        self._stop = threading.Event()
        self.started = time.perf_counter()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            parent = _status(me)
            workers = [_status(p).get("VmRSS", 0.0) for p in process_tree(me)[1:]]
            self.samples.append((time.perf_counter() - self.started, "/".join(self.phases[1:]) or "start",
                                 parent.get("VmRSS", 0.0), parent.get("RssAnon", 0.0), sum(workers), len(workers)))
            time.sleep(0.1)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def wrap(self, owner, name: str, label: str) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def wrapped(*args, **kwargs):
            self.phases.append(label)
            began = time.perf_counter()
            if self.tracemalloc:
                tracemalloc.reset_peak()
            try:
                return original(*args, **kwargs)
            finally:
                if self.tracemalloc:
                    self.py_peaks[label] = max(self.py_peaks.get(label, 0.0), tracemalloc.get_traced_memory()[1] / 2**20)
                self.spans.append(("/".join(self.phases[1:]), began - self.started, time.perf_counter() - self.started))
                self.phases.pop()

        setattr(owner, name, wrapped)

    def wrap_generator(self, owner, name: str, label: str) -> None:
        """A generator function's phase lasts while it is being iterated (its body runs)."""
        original = getattr(owner, name)

        @functools.wraps(original)
        def wrapped(*args, **kwargs):
            gen = original(*args, **kwargs)
            began = None
            while True:
                self.phases.append(label)
                began = began or time.perf_counter()
                try:
                    item = next(gen)
                except StopIteration:
                    self.spans.append(("/".join(self.phases[1:]), began - self.started, time.perf_counter() - self.started))
                    self.phases.pop()
                    return
                self.phases.pop()
                yield item

        setattr(owner, name, wrapped)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--csv", type=Path, help="write every sample (seconds, phase, MB) here")
    parser.add_argument("--keep-cache", action="store_true",
                        help="keep OUTPUT's cache: a whole build without extraction (the store's phases alone)")
    args = parser.parse_args()

    if args.tracemalloc:
        tracemalloc.start()
    if args.keep_cache and args.output.is_dir():
        for entry in args.output.iterdir():
            if entry.name != "cache":
                shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    else:
        shutil.rmtree(args.output, ignore_errors=True)
    profile = Profile(args.tracemalloc)
    B, S, E = build_module._Build, store_module.GraphStore, entity_index
    profile.wrap(B, "_extract", "extract")
    profile.wrap(B, "_store", "store")
    profile.wrap(S, "load_all", "load_all")
    profile.wrap(S, "_bulk", "bulk")
    profile.wrap(E, "rebuild", "summary")
    profile.wrap(S, "optimize", "optimize")
    profile.wrap(S, "flush", "flush")
    profile.wrap(build_module, "_count", "count")
    profile.wrap(B, "_exports", "exports")
    profile.wrap(build_module.generations, "publish", "publish")
    profile.wrap(build_module.ArticleCache, "keep_only", "keep_only")
    began = time.perf_counter()
    report = build_module.build(args.corpus, args.output, jobs=args.jobs, check=False, exports=False)
    seconds = time.perf_counter() - began
    profile.stop()

    print(f"{len(report.built)} articles, {report.triples} triples, {seconds:.0f} s; jobs {args.jobs}")
    order: list[str] = []
    for _, phase, *_ in profile.samples:
        if phase not in order:
            order.append(phase)
    print("\n| phase | s | parent peak MB (anon) | workers peak MB (n) | all peak MB |" +
          (" Python peak MB (tracemalloc) |" if args.tracemalloc else "") + "\n| --- | --- | --- | --- | --- |" +
          (" --- |" if args.tracemalloc else ""))
    seconds_in: dict[str, float] = {}
    for here, after in zip(profile.samples, profile.samples[1:]):
        seconds_in[here[1]] = seconds_in.get(here[1], 0.0) + after[0] - here[0]
    for phase in order:
        rows = [s for s in profile.samples if s[1] == phase]
        secs = seconds_in.get(phase, 0.0)
        parent = max(rows, key=lambda s: s[2])
        workers = max(rows, key=lambda s: s[4])
        total = max(s[2] + s[4] for s in rows)
        py = profile.py_peaks.get(phase.rsplit("/", 1)[-1])
        print(f"| {phase} | {secs:.1f} | {parent[2]:.0f} ({parent[3]:.0f}) | {workers[4]:.0f} ({workers[5]}) | {total:.0f} |" +
              (f" {py:.0f} |" if args.tracemalloc and py is not None else (" |" if args.tracemalloc else "")))
    peak = max(profile.samples, key=lambda s: s[2] + s[4])
    print(f"\nwhole build peak (all processes): {peak[2] + peak[4]:.0f} MB at {peak[0]:.0f} s in {peak[1]} "
          f"(parent {peak[2]:.0f}, workers {peak[4]:.0f})")
    if args.csv:
        with args.csv.open("w") as f:
            f.write("seconds,phase,parent_rss_mb,parent_anon_mb,workers_rss_mb,workers\n")
            for s in profile.samples:
                f.write(f"{s[0]:.1f},{s[1]},{s[2]:.0f},{s[3]:.0f},{s[4]:.0f},{s[5]}\n")


if __name__ == "__main__":
    main()
