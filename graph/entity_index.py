"""The per-entity graphs a build derives from the articles' graphs and keeps current.

Two named graphs of the store, outside the union (queries of the articles never see them, and
the exports leave them out):

- :data:`~graph.lookup.NAMES_GRAPH`: ``<entity> ik:nameKey "key"`` for every label and alias of
  every entity some article mentions (see lookup.py).
- :data:`~graph.lookup.SUMMARY_GRAPH`: the entity-level graph, small enough for whole-corpus
  questions and the explorer. Per entity: its contract class, preferred label, aliases and
  ``ik:mentionCount`` (articles that mention it); per (subject, relation, object) that some fact
  backs: the relation as one triple, plus an ``ik:RelationSummary`` node with ``ik:evidenceCount``
  (distinct evidence sentences; 0 for a link known only from the registry), when dated,
  ``ik:firstEvidence``/``ik:lastEvidence``, and ``rdfs:seeAlso`` the :data:`LISTED_EVIDENCE`
  latest evidence nodes (what graph.html quotes, read without reading a hub's thousands).
  ontology/README.md shows its shape.

An entity's record is a function of the union's triples with that entity as subject, and a
relation's summary of the facts with that (rdf:subject, rdf:predicate, rdf:object), which sit in
the articles that state them. So a build that replaces some articles' graphs recomputes only the
records of the entities those graphs mention or state facts about, and the summaries of the
relations their facts state, before and after: :func:`touched` names them, :func:`refresh`
recomputes them (an article naming a big insurer recounts that insurer's mentions, not all its
relations). The result equals a clean rebuild's (:func:`rebuild`).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

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
_BATCH = 200  # entities or relations per SPARQL query (a VALUES block)
_RECORD = (_TYPE, _PREF, _ALT, _N(str(IK.mentionCount)))  # what the summary says of an entity itself
# Oxigraph's MIN and MAX are unbound when one row lacks the value: undated evidence counts as these.
_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
_EARLIEST, _LATEST = f'"0001-01-01"^^<{_XSD_DATE}>', f'"9999-12-31"^^<{_XSD_DATE}>'
_SENTINELS = ("0001-01-01", "9999-12-31")
LISTED_EVIDENCE = 10  # evidence nodes a relation's summary names (rdfs:seeAlso): the latest dated, then by IRI
_SEE_ALSO = _N("http://www.w3.org/2000/01/rdf-schema#seeAlso")


@dataclass
class Touched:
    """What replaced graphs feed in the derived graphs: the entities they mention or state facts
    about, and the (subject, relation, object) IRIs of their facts."""

    entities: set[str] = field(default_factory=set)
    statements: set[tuple[str, str, str]] = field(default_factory=set)

    def __or__(self, other: "Touched") -> "Touched":
        return Touched(self.entities | other.entities, self.statements | other.statements)


def touched(quads: Iterable[pyoxigraph.Quad]) -> Touched:
    """What a graph of ``quads`` feeds: the entities it says are mentioned and the subjects and
    objects of its facts, and the relation each of its facts states."""
    found = Touched()
    parts: dict = defaultdict(dict)  # fact node -> its rdf:subject, rdf:predicate and rdf:object
    for q in quads:
        if q.predicate in (_SUBJECT, _PREDICATE, _OBJECT):
            parts[q.subject][q.predicate] = q.object
        if q.predicate == _MENTIONED_IN or q.predicate in (_SUBJECT, _OBJECT):
            node = q.subject if q.predicate == _MENTIONED_IN else q.object
            if isinstance(node, pyoxigraph.NamedNode):
                found.entities.add(node.value)
    for spo in parts.values():
        terms = [spo.get(p) for p in (_SUBJECT, _PREDICATE, _OBJECT)]
        if all(isinstance(t, pyoxigraph.NamedNode) for t in terms):
            found.statements.add(tuple(t.value for t in terms))
    return found


def rebuild(store: pyoxigraph.Store) -> None:
    """Make both graphs anew from the union (a store loaded whole)."""
    store.remove_graph(_NAMES)
    store.remove_graph(_SUMMARY)
    rows = store.query(f"""SELECT DISTINCT ?e WHERE {{
        {{ ?e <{IK.mentionedIn}> ?a }} UNION {{ ?f <{RDF.subject}> ?e }} UNION {{ ?f <{RDF.object}> ?e }}
        FILTER(isIRI(?e)) }}""")
    entities = sorted(row["e"].value for row in rows)
    mentions = _mention_counts(store, entities)
    quads = [q for iri in entities for q in _entity(store, _N(iri), mentions.get(iri, 0))]
    for start in range(0, len(entities), _BATCH):  # every relation, read by its subject
        quads += _statements(store, f"VALUES ?s {{ {_iris(entities[start:start + _BATCH])} }}")
    store.extend(quads)


def refresh(store: pyoxigraph.Store, changed: Touched) -> None:
    """Recompute the names and records of ``changed.entities`` and the summaries of
    ``changed.statements`` from the union (after the articles' graphs that state them were replaced)."""
    entities, statements = sorted(changed.entities), sorted(changed.statements)
    old: list[pyoxigraph.Quad] = []
    for iri in entities:
        node = _N(iri)
        old += store.quads_for_pattern(node, None, None, _NAMES)
        old += [q for p in _RECORD for q in store.quads_for_pattern(node, p, None, _SUMMARY)]
    for s, p, o in statements:
        old += store.quads_for_pattern(_N(s), _N(p), _N(o), _SUMMARY)
        old += store.quads_for_pattern(_N(node_iri("summary", s, p, o)), None, None, _SUMMARY)
    for q in old:
        store.remove(q)
    mentions = _mention_counts(store, entities)
    quads = [q for iri in entities for q in _entity(store, _N(iri), mentions.get(iri, 0))]
    for start in range(0, len(statements), _BATCH):
        rows = " ".join(f"({_iris(spo)})" for spo in statements[start:start + _BATCH])
        quads += _statements(store, f"VALUES (?s ?p ?o) {{ {rows} }}")
    store.extend(quads)


def _iris(iris: Iterable[str]) -> str:
    return " ".join(f"<{i}>" for i in iris)


def _values(store: pyoxigraph.Store, node, predicate) -> list:
    return [q.object for q in store.quads_for_pattern(node, predicate, None, _DEFAULT)]


def _mention_counts(store: pyoxigraph.Store, entities: list[str]) -> dict[str, int]:
    """How many ``ik:mentionedIn`` triples of the union each of ``entities`` has, counted by the
    store (a hub's thousands are not brought into Python one by one)."""
    counts = {}
    for start in range(0, len(entities), _BATCH):
        for row in store.query(f"""SELECT ?e (COUNT(*) AS ?n) WHERE {{ VALUES ?e {{ {_iris(entities[start:start + _BATCH])} }}
                                   ?e <{IK.mentionedIn}> ?a }} GROUP BY ?e"""):  # the default graph: the union
            counts[row["e"].value] = int(row["n"].value)
    return counts


def _entity(store: pyoxigraph.Store, node: pyoxigraph.NamedNode, mentions: int) -> list[pyoxigraph.Quad]:
    """The names-index and summary quads of one entity that ``mentions`` articles mention."""
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


def _statements(store: pyoxigraph.Store, values: str) -> list[pyoxigraph.Quad]:
    """One relation triple and one ik:RelationSummary per (s, p, o) that some fact backs, among
    those the ``VALUES`` block ``values`` binds (subjects, or whole triples)."""
    rows = store.query(f"""
        SELECT ?s ?p ?o (COUNT(DISTINCT ?ev) AS ?n) (MIN(COALESCE(?d, {_LATEST})) AS ?first)
               (MAX(COALESCE(?d, {_EARLIEST})) AS ?last)
               (GROUP_CONCAT(DISTINCT IF(BOUND(?ev), CONCAT(STR(COALESCE(?d, {_EARLIEST})), " ", STR(?ev)), "");
                             SEPARATOR=" ") AS ?evs) WHERE {{
          {values}
          ?f <{RDF.subject}> ?s ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o ; a ?type .
          # a FILTER, not a VALUES block: with one the store starts from every fact of the type (1 s, not 0.04 s)
          FILTER(?type IN (<{IK.RelationFact}>, <{IK.StructureFact}>))
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
        words = row["evs"].value.split() if row["evs"] is not None else []
        latest: dict[str, str] = {}  # evidence -> its latest date (an article with two: the later)
        for date, ev in zip(words[::2], words[1::2]):
            latest[ev] = max(date, latest.get(ev, date))
        listed = sorted(latest, key=lambda ev: (latest[ev], ev), reverse=True)[:LISTED_EVIDENCE]
        out += [pyoxigraph.Quad(node, _SEE_ALSO, _N(ev), _SUMMARY) for ev in listed]
    return out
