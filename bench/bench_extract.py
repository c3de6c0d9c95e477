"""Extraction throughput in one process, against `jieba.lcut` alone on the same text (issue 11).

    python bench/bench_extract.py --articles 300            # bench_build's generated articles
    python bench/bench_extract.py tests/corpus/news/train   # or folders of articles

It times `build.extract_quads` over every article (the pure per-article function a build runs in
its workers: read, segment, recognise, link, relate, N-Quads) and `jieba.lcut` over the same
files' text, each in CPU seconds of this process (the machine may be shared), `--runs` times
alternated, and prints the medians and their ratio. The pipeline's one-time loading (jieba's
dictionary, the CRF, the part-of-speech table) is left out: a build pays it once per worker.

A script, not a test: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_build import write_corpus  # noqa: E402
from graph.build import extract_quads, find_articles  # noqa: E402
from graph.pipeline import Pipeline  # noqa: E402


def cpu_seconds(work) -> float:
    """CPU seconds this process spends in ``work()``."""
    started = time.process_time()
    work()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--articles", type=int, default=300, help="generated articles, when no folder is given")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = args.folders or [Path(tmp) / "corpus"]
        if not args.folders:
            write_corpus(folders[0], args.articles)
        paths = [p for folder in folders for p in find_articles(folder)]
        data = [p.read_bytes() for p in paths]
    texts = [d.decode("utf-8") for d in data]
    chars = sum(map(len, texts))

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    pipeline = Pipeline.load()
    extract_quads(pipeline, paths[0], data[0])  # opens the CRF
    pipeline.tokenizer.pos("上海")  # reads the part-of-speech table

    def extract():
        for path, article in zip(paths, data):
            extract_quads(pipeline, path, article)

    def floor():
        for text in texts:
            jieba.lcut(text)

    timings: dict[str, list[float]] = {"extract": [], "jieba": []}
    for _ in range(args.runs):
        timings["extract"].append(cpu_seconds(extract))
        timings["jieba"].append(cpu_seconds(floor))
    print(f"{len(paths)} articles, {chars} characters, {args.runs} runs (CPU seconds, medians)")
    for name, runs in timings.items():
        seconds = statistics.median(runs)
        print(f"{name:8s} {seconds:6.2f} s  {len(paths) / seconds:7.1f} articles/s  {chars / seconds:9.0f} chars/s"
              f"  (runs: {', '.join(f'{s:.2f}' for s in runs)})")
    print(f"ratio to jieba.lcut: {statistics.median(timings['jieba']) / statistics.median(timings['extract']):.2f}")


if __name__ == "__main__":
    main()
