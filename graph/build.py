"""Build: the library entry point that turns a folder of articles into the output files."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset
from tqdm import tqdm

from .errors import ArticleError, IkgError
from .ingest import ARTICLE_SUFFIXES, DEFAULT_MAX_BYTES, read_article
from .lock import output_lock
from .pipeline import Pipeline
from .records import Extraction
from .render_html import render_html
from .to_rdf import to_dataset
from .validate import Violation, validate
from .writers import serialize, write_files

# What `ikg build` writes into the output folder.
OUTPUT_FILES = {"graph.trig": "trig", "graph.ttl": "ttl"}
HTML_FILE = "graph.html"


@dataclass
class BuildReport:
    """What a build did: articles built, articles skipped (with why), and what it wrote."""

    built: list[str] = field(default_factory=list)
    skipped: list[ArticleError] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    triples: int = 0
    entities: int = 0
    facts: int = 0
    figures: int = 0
    violations: tuple[Violation, ...] = ()  # SHACL violations of the graph written


def find_articles(input_dir: Path) -> list[Path]:
    """Article files under ``input_dir``, sorted; hidden files and symlinked folders are not entered."""
    if not input_dir.exists():
        raise IkgError(f"{input_dir}: no such folder")
    if not input_dir.is_dir():
        raise IkgError(f"{input_dir}: not a folder")
    found = []
    for root, dirs, files in os.walk(input_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in files if f.lower().endswith(ARTICLE_SUFFIXES) and not f.startswith(".")]
    return sorted(found)


def extract_all(paths: list[Path], pipeline: Pipeline, report: BuildReport,
                progress: Callable | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Extraction]:
    """Ingest and extract each article; an unusable one is recorded in ``report`` and skipped."""
    extractions: list[Extraction] = []
    ids: dict[str, Path] = {}
    for path in progress(paths) if progress else paths:
        try:
            doc = read_article(path, max_bytes)
            if doc.id in ids:
                raise ArticleError(str(path), f"same article id {doc.id!r} as {ids[doc.id]}; rename one")
        except ArticleError as err:
            report.skipped.append(err)
            continue
        ids[doc.id] = path
        extractions.append(pipeline.extract(doc))
        report.built.append(doc.id)
    return extractions


def build_dataset(input_dir: Path, pipeline: Pipeline | None = None, report: BuildReport | None = None,
                  show_progress: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """The knowledge graph of every article under ``input_dir`` (no files written)."""
    paths = find_articles(Path(input_dir))  # a wrong folder fails before the slow loading below
    pipeline = pipeline or Pipeline.load()
    report = report if report is not None else BuildReport()
    progress = None
    if show_progress:
        def progress(items):
            return tqdm(items, desc="articles", unit="article", disable=not sys.stderr.isatty(), leave=False)
    extractions = extract_all(paths, pipeline, report, progress, max_bytes)
    report.facts = sum(len(ex.facts) for ex in extractions)
    report.figures = sum(len(ex.figures) for ex in extractions)
    report.entities = len({lm.entity.iri for ex in extractions for lm in ex.mentions})
    return to_dataset(extractions, pipeline.registry, pipeline.ontology)


def build(input_dir: Path, output_dir: Path, pipeline: Pipeline | None = None,
          show_progress: bool = False, check: bool = True, max_bytes: int = DEFAULT_MAX_BYTES) -> BuildReport:
    """Build the graph from ``input_dir`` and write graph.trig, graph.ttl and graph.html to ``output_dir``.

    With ``check``, the graph is validated against the SHACL shapes and the violations are put in
    the report (the files are still written: a reader sees them, nothing is shipped silently).
    The output folder is locked for the build; every file is rendered in full first and then all
    are renamed into place together, so a failed or interrupted build leaves the previous output
    complete and unchanged.
    """
    output_dir = Path(output_dir)
    with output_lock(output_dir):
        report = BuildReport()
        ds = build_dataset(input_dir, pipeline, report, show_progress, max_bytes)
        if not report.built:
            raise IkgError(f"{input_dir}: no usable articles ({len(report.skipped)} skipped)")
        report.triples = len(ds)
        if check:
            report.violations = validate(ds).violations
        rendered = {output_dir / name: serialize(ds, fmt) for name, fmt in OUTPUT_FILES.items()}
        rendered[output_dir / HTML_FILE] = render_html(ds).encode("utf-8")
        write_files(rendered)
        report.written = list(rendered)
    return report
