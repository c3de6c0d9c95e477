"""Build: the library entry points that turn a folder of articles into the graph.

:func:`build` is incremental: each article's extraction is cached by the hash of its bytes and of
the pipeline (registry, rules, ontology, extractor version), so a build after adding, editing or
deleting an article extracts only what changed and replaces only those named graphs in the store.
Extraction runs in a process pool with ``jobs`` > 1; the result does not depend on ``jobs``.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph
from tqdm import tqdm

from .cache import ArticleCache, content_key
from .errors import ArticleError, IkgError
from .ingest import ARTICLE_SUFFIXES, DEFAULT_MAX_BYTES, article_from_bytes, document_id, read_bytes
from .lock import output_lock
from .pipeline import Pipeline, knowledge_fingerprint
from .records import Extraction
from .store import GraphStore
from .to_rdf import add_extraction, add_reference, graph_iri, new_dataset, to_dataset
from .validate import Violation
from .writers import hold_signals, write_files

# What `ikg build` writes into the output folder.
EXPORTS = {"graph.trig": "trig", "graph.ttl": "ttl"}
HTML_FILE = "graph.html"
REFERENCE = "reference"  # cache id of the registry and ontology graphs
VALIDATION_BATCH = 200  # articles checked by one pySHACL run


@dataclass
class BuildReport:
    """What a build did: articles built, articles skipped (with why), and what it wrote."""

    built: list[str] = field(default_factory=list)  # ids of the articles in the graph
    extracted: int = 0  # of those, how many were extracted this time (the rest came from the cache)
    removed: list[str] = field(default_factory=list)  # ids of articles gone since the last build
    skipped: list[ArticleError] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    triples: int = 0
    entities: int = 0
    facts: int = 0
    figures: int = 0
    violations: tuple[Violation, ...] = ()  # SHACL violations of the graph


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


def _progress(items, total: int, show: bool):
    return tqdm(items, total=total, desc="articles", unit="article", disable=not (show and sys.stderr.isatty()),
                leave=False)


# -- in memory: the whole graph as an rdflib dataset (for eval and notebooks) ------------------------

def build_dataset(input_dir: Path, pipeline: Pipeline | None = None, report: BuildReport | None = None,
                  show_progress: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """The knowledge graph of every article under ``input_dir``, in memory (no files written)."""
    paths = find_articles(Path(input_dir))  # a wrong folder fails before the slow loading below
    pipeline = pipeline or Pipeline.load()
    report = report if report is not None else BuildReport()
    extractions: list[Extraction] = []
    for path, data in _unique(paths, max_bytes, report):
        try:
            extractions.append(pipeline.extract(article_from_bytes(path, data)))
        except ArticleError as err:
            report.skipped.append(err)
    report.built = [ex.document.id for ex in extractions]
    report.facts = sum(len(ex.facts) for ex in extractions)
    report.figures = sum(len(ex.figures) for ex in extractions)
    report.entities = len({lm.entity.iri for ex in extractions for lm in ex.mentions})
    return to_dataset(extractions, pipeline.registry, pipeline.ontology)


def _unique(paths: list[Path], max_bytes: int, report: BuildReport) -> Iterator[tuple[Path, bytes]]:
    """(path, bytes) of each readable article; unreadable ones and clashing ids go to the report."""
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            data = read_bytes(path, max_bytes)
            doc_id = document_id(path)
            if doc_id in seen:
                raise ArticleError(str(path), f"same article id {doc_id!r} as {seen[doc_id]}; rename one")
        except ArticleError as err:
            report.skipped.append(err)
            continue
        seen[doc_id] = path
        yield path, data


# -- one article: a pure function from its bytes to the N-Quads of its named graph ------------------

_worker: Pipeline | None = None


def _start_worker(ontology_dir: str | None) -> None:
    global _worker
    _worker = Pipeline.load(Path(ontology_dir) if ontology_dir else None)


def extract_quads(pipeline: Pipeline, path: Path, data: bytes) -> bytes:
    """The article's named graph as N-Quads; raises :class:`ArticleError` for an unusable article."""
    ds = new_dataset()
    add_extraction(ds, pipeline.extract(article_from_bytes(path, data)))
    return ds.serialize(format="nquads", encoding="utf-8")


def _extract_in_worker(path: Path, data: bytes) -> bytes | ArticleError:
    try:
        return extract_quads(_worker, path, data)
    except ArticleError as err:
        return err


def _extract_many(todo: list[tuple[Path, bytes]], pipeline: Pipeline, jobs: int,
                  show: bool) -> Iterator[bytes | ArticleError]:
    """Extractions of ``todo``, in order; ``jobs`` > 1 spreads them over worker processes."""
    if jobs <= 1 or len(todo) < 2:
        for path, data in _progress(todo, len(todo), show):
            try:
                yield extract_quads(pipeline, path, data)
            except ArticleError as err:
                yield err
        return
    ontology_dir = str(pipeline.ontology_dir) if pipeline.ontology_dir else None
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(ontology_dir,)) as pool:
        paths, blobs = zip(*todo)
        yield from _progress(pool.map(_extract_in_worker, paths, blobs, chunksize=8), len(todo), show)


# -- the incremental build ---------------------------------------------------------------------------

def build(input_dir: Path, output_dir: Path, pipeline: Pipeline | None = None, show_progress: bool = False,
          check: bool = True, max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, exports: bool = True,
          max_nodes: int | None = None, count: bool = True) -> BuildReport:
    """Build the graph of ``input_dir`` into ``output_dir``: the store (``store/``), the cache
    (``cache/``) and, with ``exports``, graph.trig, graph.ttl and graph.html.

    Only articles whose bytes (or the pipeline) changed are extracted; deleted articles leave the
    graph. With ``check`` the newly extracted articles are validated against the SHACL shapes and
    the violations reported. The output folder is locked for the build, and everything a reader
    sees (store, exports, cache manifest) changes only at the end, with interrupts held, so a
    failed or interrupted build leaves the previous output complete. Counting the whole graph for
    the report takes seconds on a large one: ``count=False`` skips it.
    """
    output_dir = Path(output_dir)
    paths = find_articles(Path(input_dir))
    with output_lock(output_dir):
        # The pipeline takes a second or two to load: a build with nothing new never loads it.
        fingerprint = pipeline.fingerprint if pipeline else knowledge_fingerprint()
        report = BuildReport()
        cache = ArticleCache(output_dir / "cache")
        current: dict[str, tuple[Path, str]] = {}
        todo: list[tuple[Path, bytes]] = []
        for path, data in _unique(paths, max_bytes, report):
            doc_id, key = document_id(path), content_key(data, fingerprint)
            current[doc_id] = (path, key)
            if not cache.fresh(doc_id, key):
                todo.append((path, data))
        reference_changed = not cache.fresh(REFERENCE, fingerprint)
        if todo or reference_changed:
            pipeline = pipeline or Pipeline.load()
        if reference_changed:
            cache.put(REFERENCE, "", pipeline.fingerprint, _reference_quads(pipeline))
        fresh: dict[str, bytes] = {}
        for (path, _), result in zip(todo, _extract_many(todo, pipeline, jobs, show_progress)):
            doc_id = document_id(path)
            if isinstance(result, ArticleError):
                report.skipped.append(result)
                del current[doc_id]
            else:
                cache.put(doc_id, str(path), current[doc_id][1], result)
                fresh[doc_id] = result
        report.removed = sorted(set(cache.entries) - set(current) - {REFERENCE})
        if not current:
            raise IkgError(f"{input_dir}: no usable articles ({len(report.skipped)} skipped)")
        if check:
            _validate(fresh, cache)
        report.built, report.extracted = sorted(current), len(fresh)
        files = {}
        with hold_signals():
            _update_store(output_dir / "store", cache, fresh, report.removed, reference_changed)
            for doc_id in report.removed:
                cache.drop(doc_id)
            cache.save()
        store = GraphStore(output_dir / "store")
        if count:
            _count(store, report)
        report.violations = tuple(v for doc_id in report.built for v in cache.entries[doc_id].violations)
        if exports:
            from .render_html import render_html  # pyvis imports IPython: a second nobody else needs

            files = {output_dir / name: store.dump(fmt) for name, fmt in EXPORTS.items()}
            ds = new_dataset()
            ds.parse(data=files[output_dir / "graph.trig"], format="trig")
            files[output_dir / HTML_FILE] = render_html(ds, max_nodes=max_nodes).encode("utf-8")
            store.close()
            write_files(files)
        report.written = [output_dir / "store", *files]
    return report


def _reference_quads(pipeline: Pipeline) -> bytes:
    ds = new_dataset()
    add_reference(ds, pipeline.registry, pipeline.ontology)
    return ds.serialize(format="nquads", encoding="utf-8")


def _validate(fresh: dict[str, bytes], cache: ArticleCache) -> None:
    """SHACL-check the newly extracted articles (with the registry and ontology) in batches and
    keep each article's violations in the cache, so later builds still report them."""
    from .validate import validate  # pySHACL is slow to import; only builds with new articles need it

    reference = cache.quads(REFERENCE)
    ids = sorted(fresh)
    for start in range(0, len(ids), VALIDATION_BATCH):
        batch = ids[start:start + VALIDATION_BATCH]
        graph = Graph()
        graph.parse(data=reference, format="nquads")
        owners: dict[str, set[str]] = {}
        for doc_id in batch:
            article = Graph().parse(data=fresh[doc_id], format="nquads")
            for s in set(article.subjects()):
                owners.setdefault(str(s), set()).add(doc_id)
            graph += article
        for doc_id in batch:
            cache.entries[doc_id].violations = []
        for violation in validate(graph).violations:
            for doc_id in owners.get(violation.focus, batch[:1]):
                cache.entries[doc_id].violations.append(violation)


def _update_store(folder: Path, cache: ArticleCache, fresh: dict[str, bytes], removed: list[str],
                  reference_changed: bool) -> None:
    """Bring the on-disk store in line with the cache: replace what changed, or remake it whole."""
    store = GraphStore(folder)
    remake = reference_changed or store.damaged or not store.graph_names()
    store.begin()
    if remake:
        store.clear()
        store.load_all(cache.quads(doc_id) for doc_id in cache.entries if doc_id not in removed)
    else:
        for doc_id in removed:
            store.replace(str(graph_iri(doc_id)), None)
        for doc_id, quads in fresh.items():
            store.replace(str(graph_iri(doc_id)), quads)
    store.commit()
    store.close()


def _count(store: GraphStore, report: BuildReport) -> None:
    """Size of the whole graph, from the store (most articles may not have been extracted this time)."""
    ik = "https://w3id.org/insurance-kg/ontology#"

    def count(pattern: str, what: str = "*") -> int:
        (row,) = store.store.query(f"SELECT (COUNT({what}) AS ?n) WHERE {{ {pattern} }}")
        return int(row["n"].value)

    report.triples = count("?s ?p ?o")
    report.entities = count(f"?e <{ik}mentionedIn> ?a", "DISTINCT ?e")
    report.facts = count(f"?f <{ik}provenance> <{ik}FromText> ; a ?t FILTER(?t != <{ik}AmountFact> && ?t != <{ik}CountFact>)",
                         "DISTINCT ?f")
    report.figures = count(f"?f <{ik}agent> ?a", "DISTINCT ?f")
