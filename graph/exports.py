"""Exports: graph.trig and graph.ttl assembled from per-entry pieces, at a cost that follows the change.

Each cache entry (an article's graph, or the registry and ontology graphs) is serialised once,
when it is extracted, into two pieces kept beside its N-Quads (see cache.py): its named graphs as
TriG blocks and its triples as Turtle, both without prefix lines. A build writes the exports by
copying the prefix lines and then the pieces of the generation's entries in a fixed order, the
reference graphs first and then the articles by id. Nothing is serialised again for an unchanged
article, nothing is read from the store, and one piece at a time is held in memory; an
incremental build and a clean build of the same articles write the same bytes.
"""
from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable
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


def write_export(folder: Path, parts: Iterable[Path], export: str) -> None:
    """Write the export ``export`` (a key of :data:`PIECES`) into ``folder``: the prefix lines,
    then each file of ``parts`` (that export's pieces, in order), copied one at a time."""
    with open(Path(folder) / export, "wb") as out:
        out.write(prefix_lines())
        for path in parts:
            out.write(path.read_bytes())


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
