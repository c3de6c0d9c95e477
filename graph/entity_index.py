"""The per-entity graphs a build derives from the articles' graphs and keeps current.

Two named graphs of the store, outside the union (queries of the articles never see them, and
the exports leave them out):

- :data:`~graph.lookup.NAMES_GRAPH`: ``<entity> ik:nameKey "key"`` for every label and alias of
  every entity some article mentions (see lookup.py).
- :data:`~graph.lookup.SUMMARY_GRAPH`: the entity-level graph, small enough for whole-corpus
  questions and the explorer. Per entity: its contract class, preferred label, aliases and
  ``ik:mentionCount`` (articles that mention it); per (subject, relation, object) that some fact
  backs: the relation as one triple, plus an ``ik:RelationSummary`` node with ``ik:evidenceCount``
  (distinct evidence sentences; 0 for a link known only from the registry) and, when dated,
  ``ik:firstEvidence``/``ik:lastEvidence``. ontology/README.md shows its shape.

Everything about an entity is a function of the union's triples with that entity as subject (and
of the facts whose rdf:subject it is), so a build that replaces some articles' graphs recomputes
only the entities those graphs mention or state facts about, before and after: :func:`touched`
names them, :func:`refresh` recomputes them. The result equals a clean rebuild's (:func:`rebuild`).
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph

from .iri import node_iri
from .lookup import NAME_KEY, NAMES_GRAPH, SUMMARY_GRAPH, name_key
from .namespaces import ENTITY_CLASSES, IK, RDF, SKOS

_N = pyoxigraph.NamedNode
_DEFAULT = pyoxigraph.DefaultGraph()
_NAMES, _SUMMARY = _N(str(NAMES_GRAPH)), _N(str(SUMMARY_GRAPH))
_MENTIONED_IN, _TYPE = _N(str(IK.mentionedIn)), _N(str(RDF.type))
_PREF, _ALT = _N(str(SKOS.prefLabel)), _N(str(SKOS.altLabel))
_SUBJECT, _PREDICATE, _OBJECT = _N(str(RDF.subject)), _N(str(RDF.predicate)), _N(str(RDF.object))
_KEY = _N(str(NAME_KEY))
_CLASSES = {str(IK[c]): c for c in ENTITY_CLASSES}
_BATCH = 200  # entities per SPARQL query (a VALUES block)
# Oxigraph's MIN and MAX are unbound when one row lacks the value: undated evidence counts as these.
_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
_EARLIEST, _LATEST = f'"0001-01-01"^^<{_XSD_DATE}>', f'"9999-12-31"^^<{_XSD_DATE}>'
_SENTINELS = ("0001-01-01", "9999-12-31")


def touched(quads: Iterable[pyoxigraph.Quad]) -> set[str]:
    """The entities whose derived data a graph of ``quads`` feeds: those it says are mentioned,
    and the subjects and objects of its facts."""
    found = set()
    for q in quads:
        if q.predicate == _MENTIONED_IN or q.predicate in (_SUBJECT, _OBJECT):
            node = q.subject if q.predicate == _MENTIONED_IN else q.object
            if isinstance(node, pyoxigraph.NamedNode):
                found.add(node.value)
    return found


def rebuild(store: pyoxigraph.Store) -> None:
    """Make both graphs anew from the union (a store loaded whole)."""
    store.remove_graph(_NAMES)
    store.remove_graph(_SUMMARY)
    rows = store.query(f"""SELECT DISTINCT ?e WHERE {{
        {{ ?e <{IK.mentionedIn}> ?a }} UNION {{ ?f <{RDF.subject}> ?e }} UNION {{ ?f <{RDF.object}> ?e }}
        FILTER(isIRI(?e)) }}""")
    refresh(store, {row["e"].value for row in rows}, clear=False)


def refresh(store: pyoxigraph.Store, entities: set[str], clear: bool = True) -> None:
    """Recompute the names and the summary of ``entities`` from the union (after their articles'
    graphs were replaced)."""
    ordered = sorted(entities)
    if clear:
        _clear(store, ordered)
    quads: list[pyoxigraph.Quad] = []
    for iri in ordered:
        quads += _entity(store, _N(iri))
    for start in range(0, len(ordered), _BATCH):
        quads += _statements(store, ordered[start:start + _BATCH])
    store.extend(quads)


def _clear(store: pyoxigraph.Store, entities: list[str]) -> None:
    """Remove what the graphs say about ``entities`` (their statement nodes included)."""
    old: list[pyoxigraph.Quad] = []
    for iri in entities:
        node = _N(iri)
        old += store.quads_for_pattern(node, None, None, _NAMES)
        old += store.quads_for_pattern(node, None, None, _SUMMARY)
        for q in store.quads_for_pattern(None, _SUBJECT, node, _SUMMARY):
            old += store.quads_for_pattern(q.subject, None, None, _SUMMARY)
    for q in old:
        store.remove(q)


def _values(store: pyoxigraph.Store, node, predicate) -> list:
    return [q.object for q in store.quads_for_pattern(node, predicate, None, _DEFAULT)]


def _entity(store: pyoxigraph.Store, node: pyoxigraph.NamedNode) -> list[pyoxigraph.Quad]:
    """The names-index and summary quads of one entity."""
    mentions = sum(1 for _ in store.quads_for_pattern(node, _MENTIONED_IN, None, _DEFAULT))
    prefs = sorted(v.value for v in _values(store, node, _PREF) if isinstance(v, pyoxigraph.Literal))
    alts = sorted({v.value for v in _values(store, node, _ALT) if isinstance(v, pyoxigraph.Literal)})
    out = []
    if mentions:  # look-ups find what the articles mention, as `ikg explain` always did
        for key in sorted({name_key(n) for n in (*prefs, *alts)} - {""}):
            out.append(pyoxigraph.Quad(node, _KEY, pyoxigraph.Literal(key), _NAMES))
    classes = [_CLASSES[t.value] for t in _values(store, node, _TYPE) if t.value in _CLASSES]
    linked = any(True for _ in store.quads_for_pattern(None, _OBJECT, node, _DEFAULT)) or \
        any(True for _ in store.quads_for_pattern(None, _SUBJECT, node, _DEFAULT))
    if not classes or not prefs or not (mentions or linked):
        return out
    cls = min(classes, key=ENTITY_CLASSES.index)
    label = prefs[0]  # one label whatever order the store answers in
    out.append(pyoxigraph.Quad(node, _TYPE, _N(str(IK[cls])), _SUMMARY))
    out.append(pyoxigraph.Quad(node, _PREF, pyoxigraph.Literal(label, language="zh"), _SUMMARY))
    for alias in alts:
        if alias != label:
            out.append(pyoxigraph.Quad(node, _ALT, pyoxigraph.Literal(alias, language="zh"), _SUMMARY))
    out.append(pyoxigraph.Quad(node, _N(str(IK.mentionCount)), _integer(mentions), _SUMMARY))
    return out


def _integer(n: int) -> pyoxigraph.Literal:
    return pyoxigraph.Literal(str(n), datatype=_N("http://www.w3.org/2001/XMLSchema#integer"))


def _statements(store: pyoxigraph.Store, subjects: list[str]) -> list[pyoxigraph.Quad]:
    """One relation triple and one ik:RelationSummary per (s, p, o) some fact about ``subjects`` backs."""
    values = " ".join(f"<{s}>" for s in subjects)
    rows = store.query(f"""
        SELECT ?s ?p ?o (COUNT(DISTINCT ?ev) AS ?n) (MIN(COALESCE(?d, {_LATEST})) AS ?first)
               (MAX(COALESCE(?d, {_EARLIEST})) AS ?last) WHERE {{
          VALUES ?s {{ {values} }}
          VALUES ?type {{ <{IK.RelationFact}> <{IK.StructureFact}> }}
          ?f <{RDF.subject}> ?s ; a ?type ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o .
          OPTIONAL {{ ?f <{IK.evidence}> ?ev .
                     OPTIONAL {{ ?ev <{IK.inArticle}>/<https://schema.org/datePublished> ?d }} }}
        }} GROUP BY ?s ?p ?o""")
    out = []
    for row in rows:
        s, p, o = row["s"], row["p"], row["o"]
        if not isinstance(o, pyoxigraph.NamedNode):
            continue
        node = _N(node_iri("summary", s.value, p.value, o.value))
        out += [pyoxigraph.Quad(s, p, o, _SUMMARY),
                pyoxigraph.Quad(node, _TYPE, _N(str(IK.RelationSummary)), _SUMMARY),
                pyoxigraph.Quad(node, _SUBJECT, s, _SUMMARY),
                pyoxigraph.Quad(node, _PREDICATE, p, _SUMMARY),
                pyoxigraph.Quad(node, _OBJECT, o, _SUMMARY),
                pyoxigraph.Quad(node, _N(str(IK.evidenceCount)), _integer(int(row["n"].value)), _SUMMARY)]
        for name, value in (("firstEvidence", row["first"]), ("lastEvidence", row["last"])):
            if value is not None and value.value not in _SENTINELS:  # no dated evidence
                out.append(pyoxigraph.Quad(node, _N(str(IK[name])), value, _SUMMARY))
    return out
