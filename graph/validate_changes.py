"""SHACL-check what a build changed: the new or edited articles' graphs, not the whole graph.

Most shapes (articles, evidence, facts, figures) concern nodes that live in one article's graph,
so checking that graph alone says all. The entity shapes span articles: an entity's preferred
label, its class and its parents may be stated by several articles and by the registry. So each
changed article is checked together with what the whole graph (the store's union) says about the
entities it mentions on exactly those properties (the same for the parents they name, up their
chains), and with the ontology (for sh:class over amount and count kinds). The cost follows the
change, not the corpus.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

import pyoxigraph
from rdflib import Graph

from .cache import Manifest
from .namespaces import IK, ONTOLOGY_GRAPH, ORG, RDF, SKOS

BATCH = 200  # articles checked by one pySHACL run

_N = pyoxigraph.NamedNode
_DEFAULT = pyoxigraph.DefaultGraph()
# What the entity shapes of ontology/shapes.ttl read, which other articles or the registry may state.
_SHARED = tuple(_N(str(p)) for p in (RDF.type, SKOS.prefLabel, ORG.unitOf, ORG.subOrganizationOf))
_PARENTS = (_N(str(ORG.unitOf)), _N(str(ORG.subOrganizationOf)))
_MENTIONED_IN = _N(str(IK.mentionedIn))


def validate_articles(store: pyoxigraph.Store, ids: list[str], quads_of: Callable[[str], bytes],
                      manifest: Manifest) -> list[str]:
    """Check the graphs of articles ``ids`` (their N-Quads from ``quads_of``) in batches against
    the shapes, with the shared context from ``store``; each article's violations go into
    ``manifest`` (later builds still report them). Returns the ids checked."""
    from .validate import validate  # pySHACL is slow to import; only builds with new articles need it

    # Everything goes into one rdflib Graph as triples: N-Quads parsed into a Graph land in other
    # graphs of its store, which pySHACL never sees (it then checked only the context).
    ontology = pyoxigraph.serialize((q.triple for q in store.quads_for_pattern(None, None, None,
                                                                               _N(str(ONTOLOGY_GRAPH)))),
                                    format=pyoxigraph.RdfFormat.N_TRIPLES)
    ids = sorted(ids)
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        graph = Graph()
        graph.parse(data=ontology, format="nt")
        owners: dict[str, set[str]] = {}
        entities: set[pyoxigraph.NamedNode] = set()
        for doc_id in batch:
            triples = []
            for q in pyoxigraph.parse(quads_of(doc_id), format=pyoxigraph.RdfFormat.N_QUADS):
                owners.setdefault(q.subject.value, set()).add(doc_id)
                if q.predicate == _MENTIONED_IN:
                    entities.add(q.subject)
                triples.append(q.triple)
            graph.parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")
        graph.parse(data=_context(store, entities), format="nt")
        for violation in validate(graph).violations:
            for doc_id in owners.get(violation.focus, batch[:1]):
                manifest.articles[doc_id].violations.append(asdict(violation))
    return ids


def _context(store: pyoxigraph.Store, entities: set[pyoxigraph.NamedNode]) -> bytes:
    """N-Triples: what the union says about ``entities`` on the shared properties, and the same of
    the parents they name, up their chains (a parent is checked too once it is in the graph)."""
    triples, seen = [], set()
    todo = sorted(entities, key=lambda n: n.value)
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for predicate in _SHARED:
            for q in store.quads_for_pattern(node, predicate, None, _DEFAULT):
                triples.append(q.triple)
                if q.predicate in _PARENTS and isinstance(q.object, pyoxigraph.NamedNode):
                    todo.append(q.object)
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
