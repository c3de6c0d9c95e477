"""Exports: graph.trig and graph.ttl assembled from per-entry pieces, at a cost that follows the change.

Each cache entry (an article's graph, or the registry and ontology graphs) is serialised once,
when it is extracted, into two pieces kept beside its N-Quads (see cache.py): its named graphs as
TriG blocks and its triples as Turtle, both without prefix lines. A build writes the exports by
copying the prefix lines and then the pieces of the generation's entries in a fixed order, the
reference graphs first and then the articles by id. Nothing is serialised again for an unchanged
article, nothing is read from the store, and one piece at a time is held in memory; an
incremental build and a clean build of the same articles write the same bytes.

Beside the exports a build keeps their index (``exports.json``): the entries in the order they were
written and each piece's length, with the size and modification time each export had when written.
The next build then copies the runs of unchanged entries out of the previous generation's exports
(``os.copy_file_range``: in the kernel, no Python bytes) and reads only the changed entries' pieces,
so adding one article to 10,000 copies a few ranges, not 10,000 files. An index that is missing or
does not match its export (another version wrote it, the file was edited) means a whole assembly
from the pieces, which gives the same bytes.
"""
from __future__ import annotations

import functools
import itertools
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pyoxigraph

from .namespaces import PREFIXES

# The pieces of a cache entry, by the export built from them.
PIECES = {"graph.trig": "trig", "graph.ttl": "ttl"}
_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def export_pieces(nquads: bytes) -> dict[str, bytes]:
    """The export pieces of one cache entry's N-Quads, by piece name (see :data:`PIECES`)."""
    quads = sorted(set(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS)),
                   key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    blocks = [b"%s {\n%s}\n" % (str(name).encode(), _turtle(q.triple for q in group))
              for name, group in itertools.groupby(quads, key=lambda q: q.graph_name)]
    # graph.ttl repeats a triple that several articles state (an entity's label, say), once per
    # article: a Turtle document is a set of triples, so a repeat is legal and parses away, and
    # leaving it costs less than finding it across the whole corpus on every build.
    return {"trig": b"".join(blocks), "ttl": _turtle(dict.fromkeys(q.triple for q in quads))}


INDEX = "exports.json"  # beside the exports in a generation: what they hold, piece by piece
_INDEX_VERSION = 1


def write_exports(folder: Path, keys: Sequence[str], piece: Callable[[str, str], Path],
                  previous: Path | None = None) -> list[str]:
    """Write every export (:data:`PIECES`) of the entries ``keys``, in that order, into ``folder``
    and their index; ``piece(key, suffix)`` is the file of an entry's piece. Runs of entries that
    ``previous`` (the last generation's folder) holds per its index are copied from its exports;
    the bytes are those of an assembly from the pieces either way. Returns the names written."""
    folder = Path(folder)
    old = _load_index(previous) if previous is not None else None
    index = {"version": _INDEX_VERSION, "keys": list(keys), "exports": {}}
    for name, suffix in PIECES.items():
        source = _previous_export(previous, name, old) if old else None
        lengths = _assemble(folder / name, keys, lambda key: piece(key, suffix), source)
        stat = os.stat(folder / name)
        index["exports"][name] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "lengths": lengths}
    (folder / INDEX).write_text(json.dumps(index, separators=(",", ":")), encoding="ascii")
    return list(PIECES)


def _load_index(folder: Path) -> dict | None:
    try:
        index = json.loads((Path(folder) / INDEX).read_text(encoding="ascii"))
        if index.get("version") != _INDEX_VERSION or len(index["keys"]) != len(set(index["keys"])):
            return None
        for name in PIECES:
            if len(index["exports"][name]["lengths"]) != len(index["keys"]):
                return None
        return index
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _previous_export(folder: Path, name: str, index: dict) -> tuple[Path, dict[str, tuple[int, int]]] | None:
    """The previous export ``name`` and each entry's (offset, length) in it, if the file is the one
    its index describes (same size and modification time, the same prefix lines); else None."""
    path, info = Path(folder) / name, index["exports"][name]
    prefix = prefix_lines()
    try:
        stat = os.stat(path)
        with open(path, "rb") as f:
            head = f.read(len(prefix))
    except OSError:
        return None
    lengths = info["lengths"]
    if (stat.st_size, stat.st_mtime_ns) != (info["size"], info["mtime_ns"]) or head != prefix \
            or len(prefix) + sum(lengths) != stat.st_size:
        return None
    offsets, at = {}, len(prefix)
    for key, length in zip(index["keys"], lengths):
        offsets[key] = (at, length)
        at += length
    return path, offsets


def _assemble(target: Path, keys: Sequence[str], piece: Callable[[str], Path],
              source: tuple[Path, dict[str, tuple[int, int]]] | None) -> list[int]:
    """Write the prefix lines and each entry's piece into ``target``, unchanged runs copied from
    ``source`` (an earlier export and its entries' offsets); returns each piece's length."""
    lengths: list[int] = []
    offsets = source[1] if source else {}
    out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    old = os.open(source[0], os.O_RDONLY) if source else -1
    try:
        _write(out, prefix_lines())
        run = None  # [start, end) of the previous export, waiting to be copied
        for key in keys:
            known = offsets.get(key)
            if known is not None:
                lengths.append(known[1])
                if run is not None and run[1] == known[0]:
                    run[1] += known[1]
                    continue
                if run is not None:
                    _copy_range(old, out, *run)
                run = [known[0], known[0] + known[1]]
                continue
            if run is not None:
                _copy_range(old, out, *run)
                run = None
            data = piece(key).read_bytes()
            _write(out, data)
            lengths.append(len(data))
        if run is not None:
            _copy_range(old, out, *run)
    finally:
        os.close(out)
        if old >= 0:
            os.close(old)
    return lengths


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _copy_range(source: int, out: int, start: int, end: int) -> None:
    """Append bytes ``start`` to ``end`` of the file ``source`` to ``out``: in the kernel where it
    can (``copy_file_range``), else through a buffer."""
    while start < end:
        try:
            done = os.copy_file_range(source, out, end - start, start)
        except OSError:  # another filesystem, an old kernel: copy it here
            done = 0
        if not done:
            data = os.pread(source, min(end - start, 1 << 24), start)
            if not data:
                raise OSError("the previous export is shorter than its index says")
            _write(out, data)
            done = len(data)
        start += done


def _turtle(triples) -> bytes:
    """``triples`` as Turtle, without the prefix lines that every piece would repeat."""
    text = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=_PREFIXES)
    return text[len(prefix_lines()):]  # the same writer and prefixes: the same lines


@functools.cache
def prefix_lines() -> bytes:
    """The ``@prefix`` lines the exports start with (as pyoxigraph writes them)."""
    probe = pyoxigraph.Triple(*(pyoxigraph.NamedNode(f"urn:{x}") for x in "abc"))
    text = pyoxigraph.serialize([probe], format=pyoxigraph.RdfFormat.TURTLE, prefixes=_PREFIXES)
    return text[:text.index(b"<urn:a>")]
