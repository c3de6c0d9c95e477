"""Writers: RDF serialisation formats behind a registry, and atomic file writes."""
from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph

from .errors import IkgError
from .namespaces import PREFIXES


@dataclass(frozen=True)
class Format:
    """An output format of ``ikg export``.

    RDF formats name rdflib's plugin and say whether they keep named graphs. Graph-tool formats
    (``network``) write the entity-level graph (graph/network.py) with the writer of
    graph/network_formats.py called ``plugin``; ``files`` names what a format writes into the folder
    given with -o when it writes more than one file.
    """

    plugin: str
    quads: bool = False
    network: bool = False
    files: tuple[str, ...] = ()
    purpose: str = ""
    oxigraph: pyoxigraph.RdfFormat | None = None  # the store's own parser and writer of it
    suffixes: tuple[str, ...] = ()  # its file endings: what ikg export writes by default, --data reads


# The one table of export formats: `ikg export --format` offers these, in this order.
FORMATS: dict[str, Format] = {
    "ttl": Format("turtle", purpose="Turtle", oxigraph=pyoxigraph.RdfFormat.TURTLE, suffixes=(".ttl",)),
    "nt": Format("nt", purpose="N-Triples", oxigraph=pyoxigraph.RdfFormat.N_TRIPLES, suffixes=(".nt",)),
    "xml": Format("xml", purpose="RDF/XML", oxigraph=pyoxigraph.RdfFormat.RDF_XML, suffixes=(".rdf", ".owl")),
    "trig": Format("trig", quads=True, purpose="TriG, one named graph per article",
                   oxigraph=pyoxigraph.RdfFormat.TRIG, suffixes=(".trig",)),
    "nq": Format("nquads", quads=True, purpose="N-Quads, one named graph per article",
                 oxigraph=pyoxigraph.RdfFormat.N_QUADS, suffixes=(".nq",)),
    "jsonld": Format("json-ld", quads=True, purpose="JSON-LD, one named graph per article",
                     oxigraph=pyoxigraph.RdfFormat.JSON_LD, suffixes=(".jsonld",)),
    "graphml": Format("graphml", network=True, purpose="GraphML of the entity graph (Gephi, yEd, Cytoscape)",
                      suffixes=(".graphml",)),
    "gexf": Format("gexf", network=True, purpose="GEXF of the entity graph (Gephi)", suffixes=(".gexf",)),
    "cyjs": Format("cytoscape", network=True, purpose="Cytoscape.js JSON of the entity graph", suffixes=(".cyjs",)),
    "neo4j": Format("neo4j", network=True, files=("nodes.csv", "relationships.csv"),
                    purpose="neo4j-admin import CSV files of the entity graph, into the folder -o names"),
}


def format_for(name: str) -> Format:
    """The :class:`Format` called ``name``; a one-line error lists the known ones otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise IkgError(f"unknown format {name!r}; choose one of: {', '.join(FORMATS)}") from None


def format_named_by(path: Path) -> str | None:
    """The name of the format whose file ending ``path`` has (graph.jsonld: jsonld), if any."""
    suffix = Path(path).suffix.lower()
    return next((name for name, fmt in FORMATS.items() if suffix in fmt.suffixes), None)


def format_of_file(path: Path, quads: bool = False) -> Format:
    """The RDF format a file is in, by its ending (only those that keep named graphs with
    ``quads``); a one-line error names the endings known otherwise."""
    known = [f for f in FORMATS.values() if f.suffixes and not f.network and (f.quads or not quads)]
    fmt = FORMATS.get(format_named_by(path) or "")
    if fmt in known:
        return fmt
    endings = ", ".join(s for f in known for s in f.suffixes)
    if quads:
        raise IkgError(f"{path}: not a file of named graphs; use one of {endings}")
    raise IkgError(f"{path}: unknown RDF file type; use one of {endings}")


def union_graph(ds: Dataset) -> Graph:
    """All triples of all graphs, as one graph (for formats without named graphs)."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    for triple in ds.triples((None, None, None)):
        g.add(triple)
    return g


def serialize(ds: Dataset, name: str) -> bytes:
    """``ds`` in RDF format ``name``, as bytes."""
    fmt = format_for(name)
    if fmt.network:
        raise IkgError(f"{name} is not an RDF format; write it from the entity graph (graph.network_formats)")
    source = ds if fmt.quads else union_graph(ds)
    data = source.serialize(format=fmt.plugin, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def stage(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and sync it; the caller renames or links
    it into place. An OSError (a full disk) reaches the caller as it is, naming the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and not exc.filename:
            exc.filename = str(path)
        raise
    return Path(tmp)


@contextmanager
def hold_signals():
    """Hold SIGINT/SIGTERM until the block ends, so that a set of renames is never cut in half."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _target(path: Path) -> tuple[Path, bool]:
    """Where writing to ``path`` must land, and whether it must be written in place: a symlink is
    written through (the file it names is replaced, not the link), and a pipe or a device
    (/dev/stdout, a FIFO) is written to, since renaming a file over it would put a file in its
    place. A folder is a one-line error."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return Path(os.path.realpath(path)), False  # a new file, or a link to one not made yet
    except OSError as exc:
        raise IkgError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise IkgError(f"{path}: is a folder; name a file to write")
    return Path(os.path.realpath(path)), not stat.S_ISREG(mode)


def write_files(files: dict[Path, bytes]) -> None:
    """Write several files so that readers see all old or all new: every file is written in full
    to a temporary name first, then all are renamed into place with interrupts held. A pipe or a
    device given as a file is written to as it is."""
    staged: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            target, in_place = _target(Path(path))
            if in_place:
                with open(target, "wb") as out:
                    out.write(data)
                continue
            staged[target] = stage(target, data)
        with hold_signals():
            for path, tmp in staged.items():
                os.replace(tmp, path)
    except OSError as exc:
        raise IkgError(f"{exc.filename or 'output'}: cannot write: {exc.strerror or exc}") from None
    finally:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)


def keep_derived(path: Path, data: bytes, siblings: str) -> None:
    """Keep ``data`` (something derived from the knowledge, for the next process) at ``path``,
    written atomically, and remove the files beside it matching the glob ``siblings`` (what older
    knowledge or code derived). Best effort: a read-only or full disk only means the next process
    derives it again."""
    try:
        os.replace(stage(path, data), path)
        for old in path.parent.glob(siblings):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: readers never see half a file."""
    write_files({Path(path): data})
