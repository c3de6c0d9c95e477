"""How the time to read one article grows with its length: a long report, a sources table.

    python bench/bench_long_article.py                                   # train articles joined
    python bench/bench_long_article.py tests/corpus/news/SOURCES.md --sizes 100000,300000,1300000

It makes one article of each size in ``--sizes`` (characters) from the start of the text given:
the text of one file, or of a folder's articles joined one after another; and times
`Pipeline.read` (segment, recognise, link, relate) on it in CPU seconds of this process, printing
the mentions found and the seconds per 100,000 characters. Were the work linear in the length,
that last column would stay flat. The pipeline's loading is left out.

A script, not a test: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.build import find_articles  # noqa: E402
from graph.ingest import read_article  # noqa: E402
from graph.pipeline import Pipeline  # noqa: E402
from graph.records import Document  # noqa: E402


def source_text(path: Path, wanted: int) -> str:
    """At least ``wanted`` characters of text from ``path`` (a file, or a folder's articles joined)."""
    if path.is_file():
        return path.read_text(encoding="utf-8")
    parts, total = [], 0
    for article in find_articles(path):
        parts.append(read_article(article).text)
        total += len(parts[-1])
        if total >= wanted:
            break
    return "\n\n".join(parts)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("source", nargs="?", type=Path, default=ROOT / "tests" / "corpus" / "news" / "train",
                   help="a file, or a folder of articles to join (default: the news train split)")
    p.add_argument("--sizes", default="20000,100000,300000",
                   help="comma-separated article lengths in characters (default: 20000,100000,300000)")
    args = p.parse_args()
    logging.getLogger("jieba").setLevel(logging.WARNING)
    sizes = [int(s) for s in args.sizes.split(",")]
    text = source_text(args.source, max(sizes))
    pipeline = Pipeline.load()
    print(f"source: {args.source} ({len(text):,} characters)")
    print("| characters | mentions | CPU s | s per 100,000 characters |")
    print("| ---: | ---: | ---: | ---: |")
    for size in sizes:
        doc = Document(id="long", path="long.txt", title="", text=text[:size], date="2022-01-01")
        started = time.process_time()
        _, extraction = pipeline.read(doc)
        seconds = time.process_time() - started
        print(f"| {len(doc.text):,} | {len(extraction.mentions):,} | {seconds:.1f} | "
              f"{seconds / len(doc.text) * 100_000:.2f} |", flush=True)


if __name__ == "__main__":
    main()
