"""Build: the library entry points that turn a folder of articles into the graph.

:func:`build` is incremental: each article's extraction is cached by the hash of its bytes and of
the pipeline (registry, rules, ontology, extractor code), so a build after adding, editing or
deleting an article extracts only what changed and replaces only those named graphs in the store.
Extraction runs in a process pool with ``jobs`` > 1; the result does not depend on ``jobs``.
A build publishes the store and the exports together as a new generation (see generations.py):
readers see the previous build or this one, never a mix, whatever happens to the build.
"""
from __future__ import annotations

import fnmatch
import gc
import os
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG

from rdflib import Dataset
from tqdm import tqdm

from . import generations
from .cache import ArticleCache, Entry, Manifest, content_key, reference_key, signature
from .entity_index import Touched
from .errors import ArticleError, IkgError, bug, debugging
from .exports import export_pieces, write_exports
from .ingest import (ARTICLE_SUFFIXES, DEFAULT_MAX_BYTES, article_from_bytes, document_id,
                     read_bytes_and_stat)
from .lock import output_lock
from .namespaces import IK
from .pipeline import Pipeline, knowledge_fingerprint
from .records import Extraction
from .store import GraphStore
from .to_rdf import add_reference, extraction_nquads, graph_iri, new_dataset, to_dataset
from .validate import Violation
from .validate_changes import validate_articles
from .workers import map_in_processes
from .writers import hold_signals

HTML_FILE = "graph.html"
# In the input folder: glob patterns, one a line, of files and folders that are no articles
# (README.md, SOURCES.md, drafts/), as in a .gitignore.
IGNORE_FILE = ".ikgignore"
# Entities graph.html includes, with their evidence, unless told otherwise: what its overview draws
# (render_html.OVERVIEW_NODES), so that writing it costs the same for 200 articles or 20,000.
HTML_NODES = 150


class NoArticles(IkgError):
    """No article under the input folder could be read: ``skipped`` says why for each file."""

    def __init__(self, message: str, skipped: list[ArticleError]):
        super().__init__(message)
        self.skipped = skipped


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
    validated: list[str] = field(default_factory=list)  # ids of the articles SHACL-checked this time


def find_articles(input_dir: Path, output_dir: Path | None = None) -> list[Path]:
    """Article files under ``input_dir``, sorted; hidden files and symlinked folders are not
    entered, nor ``output_dir`` (a build's own graph.html is not news) when it lies inside, nor
    what ``input_dir``'s :data:`IGNORE_FILE` names."""
    return [Path(f) for f in article_files(Path(input_dir), output_dir)]


def article_files(input_dir: Path, output_dir: Path | None = None) -> list[str]:
    """:func:`find_articles` as strings, each what ``str()`` of its Path gives (making 10,000
    Path objects costs a tenth of a second; a build makes them only for the files it reads)."""
    if not input_dir.exists():
        raise IkgError(f"{input_dir}: no such folder")
    if not input_dir.is_dir():
        raise IkgError(f"{input_dir}: not a folder")
    output = os.path.realpath(output_dir) if output_dir is not None else None
    if output == os.path.realpath(input_dir):
        raise IkgError(f"{output_dir}: the output folder cannot be the input folder; "
                       "give another --output")
    ignored = _ignore_patterns(input_dir)
    found = []
    for root, dirs, files in os.walk(input_dir, followlinks=False):
        inside = os.path.relpath(root, input_dir).replace(os.sep, "/")
        inside = "" if inside == "." else inside + "/"
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.realpath(os.path.join(root, d)) != output
                         and not _ignored(inside + d + "/", ignored))
        folder = str(Path(root))  # as Path writes it ("./a/" is "a"); a file name is one plain part
        prefix = "" if folder == "." else folder.rstrip(os.sep) + os.sep
        found += [prefix + f for f in files if f.lower().endswith(ARTICLE_SUFFIXES) and not f.startswith(".")
                  and not _ignored(inside + f, ignored)]
    # In the order of the paths' parts (as sorting Path objects gives, at a tenth of the cost):
    # a separator sorts before every character a name can hold.
    found.sort(key=lambda f: f.replace(os.sep, "\0"))
    return found


def _ignore_patterns(input_dir: Path) -> list[str]:
    """The patterns of ``input_dir``'s :data:`IGNORE_FILE` (none when it has none); blank lines
    and lines starting with # say nothing."""
    path = input_dir / IGNORE_FILE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise IkgError(f"{path}: cannot be read: {getattr(exc, 'strerror', None) or exc}") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _ignored(path: str, patterns: list[str]) -> bool:
    """Whether ``path`` (relative to the input folder, with / between its parts and after a folder's
    name) is one that ``patterns`` leave out. As in a .gitignore: a pattern with a / before its end
    matches the path from the input folder (drafts/*.md), one without matches a name at any depth
    (README.md, *.bak); a pattern ending in / matches only folders."""
    is_dir = path.endswith("/")
    name = path.rstrip("/").rsplit("/", 1)[-1]
    for pattern in patterns:
        folder_only = pattern.endswith("/")
        pattern = pattern.rstrip("/")
        if folder_only and not is_dir or not pattern:
            continue
        if "/" in pattern:
            if fnmatch.fnmatchcase(path.rstrip("/"), pattern.lstrip("/")):
                return True
        elif fnmatch.fnmatchcase(name, pattern):
            return True
    return False


def _phase(show: bool, what: str = "") -> None:
    """Say on the terminal which phase a build is in, on one line that the next phase (or ``""``,
    at the end) overwrites; nothing when stderr is no terminal. A large build spends minutes
    loading, writing its store and its files, where the progress bar has nothing to count."""
    if show and sys.stderr.isatty():
        sys.stderr.write(f"\r\x1b[K{f'ikg: {what}…' if what else ''}")
        sys.stderr.flush()


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
    for path, _, data, _, _ in _scan([str(p) for p in paths], max_bytes, report):
        yield Path(path), data


# A file's signature is kept only when its times are older than the build by this much: an edit in
# the same tick of the file system's clock as the build's read (or as the write before it; FAT
# counts in 2 s) could otherwise leave the same size and times on different bytes.
SETTLED_NS = 3 * 10**9


def _scan(paths: list[str], max_bytes: int, report: BuildReport, known: dict[str, Entry] | None = None,
          cached: set[str] = frozenset()) -> Iterator[tuple[str, str, bytes | None, os.stat_result | None,
                                                            Entry | None]]:
    """(path, id, bytes, stat, entry) of each usable article; unreadable ones and clashing ids go
    to the report. An article that ``known`` (the previous build's entries by path) lists with the
    same :func:`signature` and a whole entry in ``cached`` is not read: its bytes and stat are None
    and its entry is the previous one. Any other is read (its stat taken before reading), and its
    entry is None."""
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            data, info, entry = None, None, known.get(path) if known else None
            if entry is not None and entry.stat is not None and entry.key in cached:
                try:
                    info = os.stat(path)
                except OSError:
                    entry = None
                else:
                    if (signature(info) != entry.stat or not S_ISREG(info.st_mode)
                            or info.st_size > max_bytes):
                        entry = None
            else:
                entry = None
            if entry is None:
                data, info = read_bytes_and_stat(Path(path), max_bytes)
            doc_id = document_id(path)
            if doc_id in seen:
                raise ArticleError(path, f"same article id {doc_id!r} as {seen[doc_id]}; rename one")
        except ArticleError as err:
            report.skipped.append(err)
            continue
        seen[doc_id] = path
        yield path, doc_id, data, info, entry


# -- one article: a pure function from its bytes to the N-Quads of its named graph ------------------

_worker: Pipeline | None = None


def _start_worker(ontology_dir: str | None, disabled: tuple[str, ...], cache_dir: str | None = None) -> None:
    global _worker
    _worker = Pipeline.load(Path(ontology_dir) if ontology_dir else None, disabled=disabled,
                            cache_dir=Path(cache_dir) if cache_dir else None)


def extract_quads(pipeline: Pipeline, path: Path, data: bytes) -> bytes:
    """The article's named graph as N-Quads; raises :class:`ArticleError` for an unusable article."""
    return extraction_nquads(pipeline.extract(article_from_bytes(path, data)))


def _extract_entry(pipeline: Pipeline, path: Path, data: bytes) -> tuple[bytes, dict[str, bytes]] | ArticleError:
    """A cache entry of the article: its N-Quads and their export pieces (made here, where the
    extraction runs, so that they are made in parallel and once)."""
    try:
        quads = extract_quads(pipeline, path, data)
    except ArticleError as err:
        return err
    except Exception as exc:  # a bug this article's text brings out: it is skipped, the build goes on
        if debugging():
            raise
        return ArticleError(str(path), bug(exc))
    return quads, export_pieces(quads)


def _extract_in_worker(item: tuple[Path, bytes]) -> tuple[bytes, dict[str, bytes]] | ArticleError:
    return _extract_entry(_worker, *item)


def _extract_many(todo: list[tuple[Path, bytes]], pipeline: Pipeline, jobs: int, show: bool,
                  cache_dir: Path | None = None) -> Iterator[tuple[bytes, dict[str, bytes]] | ArticleError]:
    """Cache entries of ``todo``, in order; ``jobs`` > 1 spreads them over worker processes."""
    if jobs <= 1 or len(todo) < 2:
        for path, data in _progress(todo, len(todo), show):
            yield _extract_entry(pipeline, path, data)
        return
    ontology_dir = str(pipeline.ontology_dir) if pipeline.ontology_dir else None
    results = map_in_processes(_extract_in_worker, todo, min(jobs, len(todo)), _start_worker,
                               (ontology_dir, pipeline.disabled, str(cache_dir) if cache_dir else None))
    yield from _progress(results, len(todo), show)


# -- the incremental build ---------------------------------------------------------------------------

def build(input_dir: Path, output_dir: Path, pipeline: Pipeline | None = None, show_progress: bool = False,
          check: bool = True, max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, exports: bool = True,
          max_nodes: int | None = HTML_NODES, count: bool = True) -> BuildReport:
    """Build the graph of ``input_dir`` into ``output_dir``: the store (``store/``), the cache
    (``cache/``) and, with ``exports``, graph.trig, graph.ttl and graph.html.

    Only articles whose bytes (or the pipeline) changed are extracted; deleted articles leave the
    graph. With ``check`` the newly extracted articles are validated against the SHACL shapes and
    the violations reported. graph.html includes the ``max_nodes`` most mentioned entities
    (``None``: all of them, at a cost that grows with the corpus). The output folder is locked for the build; the store and the exports
    are written as a new generation and published together by one atomic switch, so a failed,
    interrupted or killed build leaves the previous build whole and current. Counting the whole
    graph for the report takes seconds on a large one: ``count=False`` skips it.
    """
    output_dir = Path(output_dir)
    paths = article_files(Path(input_dir), output_dir)
    with output_lock(output_dir):
        run = _Build(output_dir, pipeline)
        try:
            return run.build(input_dir, paths, show_progress, check, max_bytes, jobs, exports, max_nodes, count)
        except OSError as exc:  # a full disk, a folder made read-only: one line, not a traceback
            reason = exc.strerror or (str(exc).splitlines() or [type(exc).__name__])[0]
            if "No space left on device" in reason:  # RocksDB says it at the end of a long sentence
                reason = "No space left on device"
            where = exc.filename or output_dir
            state = ("the new build is current but old files may remain" if run.published
                     else "the previous build is still the current one")
            raise IkgError(f"{where}: {reason}; {state}") from None


class _Build:
    """One build into a locked output folder; ``published`` tells whether its generation is current."""

    def __init__(self, output_dir: Path, pipeline: Pipeline | None):
        self.output = output_dir
        self.pipeline = pipeline
        self.cache = ArticleCache(output_dir / "cache")
        self.published = False

    def build(self, input_dir, paths, show_progress, check, max_bytes, jobs, exports, max_nodes,
              count) -> BuildReport:
        generations.collect_garbage(self.output)  # what builds that died left behind
        previous = generations.current(self.output)
        old = _load_manifest(previous / generations.MANIFEST) if previous else Manifest()
        report = BuildReport()
        given = self.pipeline
        new = self._extract(paths, max_bytes, jobs, show_progress, report, old)
        if given is None and self.pipeline is not None:
            # What follows never extracts: the pipeline this build loaded (jieba's dictionary, the
            # models: 100 MB and more) is let go before the store's phases, which hold the peak.
            self.pipeline = None
            gc.collect()
        for doc_id, entry in new.articles.items():  # unchanged articles keep their SHACL findings
            before = old.articles.get(doc_id)
            entry.violations = before.violations if before and before.key == entry.key else []
        changed = sorted(d for d, e in new.articles.items() if d not in old.articles or old.articles[d].key != e.key)
        report.removed = sorted(set(old.articles) - set(new.articles))
        if not new.articles:
            raise NoArticles(f"{input_dir}: no usable articles ({len(report.skipped)} skipped)", report.skipped)
        report.built = sorted(new.articles)
        folder = generations.new_generation(self.output)
        try:
            _phase(show_progress, "writing the store")
            store = self._store(folder / "store", previous, old, new, changed, report.removed)
            if check and changed:  # after the store: entity shapes read what other articles say
                _phase(show_progress, f"checking {len(changed)} article(s) against the shapes")
                report.validated = validate_articles(store.store, changed,
                                                     lambda d: self.cache.quads(new.articles[d].key), new)
            report.violations = tuple(Violation(**v) for d in report.built for v in new.articles[d].violations)
            if count:
                _phase(show_progress, "counting")
                _count(store, report)
            if exports:
                _phase(show_progress, f"writing graph.trig, graph.ttl and {HTML_FILE}")
            files = self._exports(store, folder, previous, new, max_nodes) if exports else []
            store.close()
            (folder / generations.MANIFEST).write_bytes(new.dump())
            with hold_signals():  # Ctrl-C after the switch must not count as a failed build
                generations.publish(self.output, folder)
                _remember_manifest(folder.resolve() / generations.MANIFEST, new)
        finally:
            _phase(show_progress)
            # asked of the folder, not of the code: an error just after the switch leaves it current
            self.published = generations.current(self.output) == folder.resolve()
            if not self.published:
                generations.discard(folder)
        generations.link_documented_paths(self.output)
        generations.collect_garbage(self.output)
        self.cache.keep_only({new.reference} | {e.key for e in new.articles.values()})
        report.written = [self.output / "store", *(self.output / name for name in files)]
        return report

    def _exports(self, store: GraphStore, folder: Path, previous: Path | None, manifest: Manifest,
                 max_nodes: int | None) -> list[str]:
        """Write graph.trig and graph.ttl (assembled from the cache entries' pieces, the reference
        graphs and then the articles by id, unchanged runs copied from the previous generation's
        exports) and graph.html (read from the store's summary graph and the included entities'
        facts, never the whole graph) into ``folder``."""
        from .render_html import render_html  # numpy and jinja2: only builds that write the page need them

        keys = [manifest.reference, *(manifest.articles[d].key for d in sorted(manifest.articles))]
        names = write_exports(folder, keys, self.cache.path, previous)
        # The exports reach the disk while the page is made (publishing syncs them: then in no time).
        syncing = threading.Thread(target=_sync_files, args=([folder / name for name in names],), daemon=True)
        syncing.start()
        try:
            (folder / HTML_FILE).write_bytes(render_html(store.store, max_nodes=max_nodes).encode("utf-8"))
        finally:
            syncing.join()
        return [*names, HTML_FILE]

    def _extract(self, paths, max_bytes, jobs, show_progress, report, old: Manifest) -> Manifest:
        """The manifest of the new build, with every article's extraction in the cache: those
        already there (from any earlier build, finished or not) are not extracted again. A file
        that the previous build (with the same fingerprint) read is not read again while its size,
        times and inode are those it had then (see :func:`_scan`)."""
        # The pipeline takes a second or two to load: a build with nothing new never loads it.
        fingerprint = self.pipeline.fingerprint if self.pipeline else knowledge_fingerprint()
        new = Manifest(reference_key(fingerprint), fingerprint=fingerprint)
        cached = self.cache.keys()
        known = {e.path: e for e in old.articles.values()} if old.fingerprint == fingerprint else None
        settled = time.time_ns() - SETTLED_NS  # files changed since may change again unseen
        todo: list[tuple[Path, bytes]] = []
        for path, doc_id, data, info, entry in _scan(paths, max_bytes, report, known, cached):
            if entry is not None:  # unchanged since the previous build, which read it
                new.articles[doc_id] = Entry(path, entry.key, stat=entry.stat)
                continue
            key = content_key(data, fingerprint, os.path.basename(path))
            stamp = signature(info) if max(info.st_mtime_ns, info.st_ctime_ns) < settled else None
            new.articles[doc_id] = Entry(path, key, stat=stamp)
            if key not in cached:
                todo.append((Path(path), data))
        if todo or not self.cache.has(new.reference):
            # jieba's dictionary with the registry's names, kept in the cache folder: a second or two less
            if self.pipeline is None:
                _phase(show_progress, "loading the registry, the rules and the models")
                self.pipeline = Pipeline.load(cache_dir=self.output / "cache")
                _phase(show_progress)
        if not self.cache.has(new.reference):
            quads = _reference_quads(self.pipeline)
            self.cache.put(new.reference, quads, export_pieces(quads))
        # The results first: zip then runs the generator to its end, so the worker pool closes here,
        # where a Ctrl-C is an ordinary interrupt, not when the generator is collected (a traceback).
        for result, (path, _) in zip(_extract_many(todo, self.pipeline, jobs, show_progress,
                                                   self.output / "cache"), todo):
            doc_id = document_id(path)
            if isinstance(result, ArticleError):
                report.skipped.append(result)
                del new.articles[doc_id]
            else:  # cached at once: the work of a build that is stopped is not lost
                self.cache.put(new.articles[doc_id].key, *result)
                report.extracted += 1
        return new

    def _store(self, folder: Path, previous: Path | None, old: Manifest, new: Manifest, changed: list[str],
               removed: list[str]) -> GraphStore:
        """The new generation's store: a cheap copy of the previous one with the changed graphs
        replaced, or, when there is none, the registry or ontology changed or the previous one is
        damaged (a disk's fault: the store is only an index of the cache), made whole."""
        if previous is not None and old.reference == new.reference and (previous / "store").is_dir():
            try:
                return self._updated_store(folder, previous / "store", new, changed, removed)
            except (OSError, RuntimeError):  # RocksDB's "Corruption: …"
                gc.collect()  # let go of the half-made copy before its folder goes
                shutil.rmtree(folder, ignore_errors=True)
        store = GraphStore(folder)
        keys = [new.reference, *(new.articles[d].key for d in sorted(new.articles))]
        store.load_all(self.cache.quads(key) for key in keys)
        store.optimize()  # a bulk load leaves many small files; later generations copy the compacted ones
        store.flush()
        return store

    def _updated_store(self, folder: Path, previous: Path, new: Manifest, changed: list[str],
                       removed: list[str]) -> GraphStore:
        """A copy of the store ``previous`` in ``folder`` with the ``changed`` and ``removed`` graphs replaced."""
        GraphStore.copy(previous, folder)
        store = GraphStore(folder)
        touched = Touched()
        for doc_id in removed:
            touched |= store.replace(str(graph_iri(doc_id)), None)
        for doc_id in changed:
            touched |= store.replace(str(graph_iri(doc_id)), self.cache.quads(new.articles[doc_id].key))
        store.refresh_index(touched)  # the names and summary of what those articles touch
        store.flush()
        return store


# The manifest this process last published, by the identity of its file: a process that builds
# again (ikg build --watch) need not parse 10,000 entries again; another build's is read.
_published: tuple[tuple, Manifest] | None = None


def _identity(path: Path) -> tuple | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return str(path), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def _load_manifest(path: Path) -> Manifest:
    """The manifest at ``path`` (a published generation's, never changed again)."""
    if _published is not None and _published[0] == _identity(path):
        return _published[1]  # a build only reads the previous manifest, never changes it
    return Manifest.load(path)


def _remember_manifest(path: Path, manifest: Manifest) -> None:
    global _published
    _published = (_identity(path), manifest)


def _sync_files(paths: list[Path]) -> None:
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue  # publishing syncs every file again and reports what fails
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def _reference_quads(pipeline: Pipeline) -> bytes:
    ds = new_dataset()
    add_reference(ds, pipeline.registry, pipeline.ontology)
    return ds.serialize(format="nquads", encoding="utf-8")


def _count(store: GraphStore, report: BuildReport) -> None:
    """Size of the whole graph, from the store (most articles may not have been extracted this time)."""
    ik = str(IK)

    def count(pattern: str, what: str = "*") -> int:
        (row,) = store.store.query(f"SELECT (COUNT({what}) AS ?n) WHERE {{ {pattern} }}")
        return int(row["n"].value)

    report.triples = count("?s ?p ?o")
    report.entities = count(f"?e <{ik}mentionedIn> ?a", "DISTINCT ?e")
    report.facts = count(f"?f <{ik}provenance> <{ik}FromText> ; a ?t FILTER(?t != <{ik}AmountFact> && ?t != <{ik}CountFact>)",
                         "DISTINCT ?f")
    report.figures = count(f"?f <{ik}agent> ?a", "DISTINCT ?f")
