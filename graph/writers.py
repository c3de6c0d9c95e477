"""Writers: RDF serialisation formats behind a registry, and atomic file writes."""
from __future__ import annotations

import os
import signal
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from .errors import IkgError
from .namespaces import PREFIXES


@dataclass(frozen=True)
class Format:
    """An output format: rdflib's plugin name, and whether it keeps named graphs."""

    plugin: str
    quads: bool


FORMATS: dict[str, Format] = {
    "ttl": Format("turtle", False),
    "nt": Format("nt", False),
    "xml": Format("xml", False),
    "trig": Format("trig", True),
    "nq": Format("nquads", True),
    "jsonld": Format("json-ld", True),
}


def format_for(name: str) -> Format:
    """The :class:`Format` called ``name``; a one-line error lists the known ones otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise IkgError(f"unknown format {name!r}; choose one of: {', '.join(FORMATS)}") from None


def union_graph(ds: Dataset) -> Graph:
    """All triples of all graphs, as one graph (for formats without named graphs)."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    for triple in ds.triples((None, None, None)):
        g.add(triple)
    return g


def serialize(ds: Dataset, name: str) -> bytes:
    """``ds`` in format ``name``, as bytes."""
    fmt = format_for(name)
    source = ds if fmt.quads else union_graph(ds)
    data = source.serialize(format=fmt.plugin, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _stage(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``; the caller renames it into place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise IkgError(f"{path.parent}: cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise IkgError(f"{path}: cannot write: {exc.strerror or exc}") from None
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


def write_files(files: dict[Path, bytes]) -> None:
    """Write several files so that readers see all old or all new: every file is written in full
    to a temporary name first, then all are renamed into place with interrupts held."""
    staged: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            staged[Path(path)] = _stage(Path(path), data)
        with hold_signals():
            for path, tmp in staged.items():
                os.replace(tmp, path)
    except OSError as exc:
        raise IkgError(f"{exc.filename or 'output'}: cannot write: {exc.strerror or exc}") from None
    finally:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: readers never see half a file."""
    write_files({Path(path): data})
