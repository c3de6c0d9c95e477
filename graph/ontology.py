"""The OWL ontology file (ontology/ikg.ttl): loading it, and the names it gives classes and relations."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph
from rdflib import Graph
from rdflib.compare import to_canonical_graph

from .errors import IkgError
from .namespaces import PREFIXES, RDFS
from .data import ONTOLOGY_DIR


def load_ontology(path: Path | None = None) -> Graph:
    """The ontology with canonical blank-node names (its owl:unionOf lists), so every build writes
    the same bytes; a file that does not parse is one :class:`IkgError` naming it."""
    path = Path(path or ONTOLOGY_DIR / "ikg.ttl")
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise IkgError(f"{path}: cannot read the ontology: {str(exc).splitlines()[0]}") from None
    return to_canonical_graph(graph)


def check_ontology(path: Path) -> None:
    """Raise the :class:`IkgError` of :func:`load_ontology` if ``path`` is not a Turtle file, at a
    fraction of its cost (pyoxigraph's parser; no graph is made)."""
    try:
        for _ in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
            pass
    except (SyntaxError, OSError, ValueError) as exc:
        raise IkgError(f"{path}: cannot read the ontology: {(str(exc).splitlines() or [type(exc).__name__])[0]}") from None


@lru_cache(maxsize=4)
def labels(lang: str = "zh", path: Path | None = None) -> dict[str, str]:
    """Each term's ``rdfs:label`` in ``lang``, keyed by its prefixed name (``ik:Insurer``, ``org:unitOf``)."""
    path = Path(path or ONTOLOGY_DIR / "ikg.ttl")
    label = pyoxigraph.NamedNode(str(RDFS.label))
    out = {}
    try:  # pyoxigraph's parser: names need no canonical blank nodes, and rdflib's costs a build 0.2 s
        triples = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    except (SyntaxError, OSError) as exc:
        raise IkgError(f"{path}: cannot read the ontology: {str(exc).splitlines()[0]}") from None
    for t in triples:
        if t.predicate == label and isinstance(t.subject, pyoxigraph.NamedNode) \
                and isinstance(t.object, pyoxigraph.Literal) and t.object.language == lang:
            for prefix, ns in PREFIXES.items():
                if t.subject.value.startswith(str(ns)):
                    out[f"{prefix}:{t.subject.value[len(str(ns)):]}"] = t.object.value
    return out
