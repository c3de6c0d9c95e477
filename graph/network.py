"""The entity-level graph: entities as nodes, asserted relations as edges, in a networkx MultiDiGraph.

This is the graph that graph tools (Gephi, Cytoscape, Neo4j) and network questions (``ikg stats``,
``ikg path``) work on, read from a store with a few SPARQL queries:

- **nodes**: every entity some article mentions, plus the insurers and groups its structure links
  (``org:unitOf``, ``org:subOrganizationOf``) lead to, so that a branch sits under its insurer and
  group. Attributes: ``class`` (the contract class), ``label`` (Chinese preferred label), ``aliases``
  (other names, sorted) and ``articles`` (how many articles mention it).
- **edges**: one per distinct (subject, relation, object) that an ``ik:RelationFact`` or
  ``ik:StructureFact`` backs, keyed by the prefixed relation (``ik:provides``). Attributes:
  ``relation``, ``evidence`` (distinct evidence sentences; 0 for a link known only from the
  registry), ``first`` and ``last`` (publication dates of the earliest and latest article with
  evidence; empty when no such article is dated).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
import pyoxigraph

from .lookup import SUMMARY_GRAPH
from .namespaces import ENTITY_CLASSES, IK, PREFIXES

STRUCTURE = ("org:subOrganizationOf", "org:unitOf")  # child -> parent

_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
_CLASS_VALUES = " ".join(f"ik:{name}" for name in ENTITY_CLASSES)


def prefixed(iri: str) -> str:
    """``ik:provides`` for the IRI of ik:provides, with the project's prefixes."""
    for prefix, namespace in _PREFIXES.items():
        if iri.startswith(namespace) and iri != namespace:
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _select(store: pyoxigraph.Store, text: str):
    return store.query(text, prefixes=_PREFIXES)


def _entities(store: pyoxigraph.Store) -> dict[str, dict]:
    """Class (the first of ENTITY_CLASSES a node has) and preferred label of every contract entity."""
    found: dict[str, dict] = {}
    for row in _select(store, f"""
            SELECT ?e ?c ?l WHERE {{ VALUES ?c {{ {_CLASS_VALUES} }} ?e a ?c ; skos:prefLabel ?l }}"""):
        iri, cls, label = row["e"].value, row["c"].value.removeprefix(str(IK)), row["l"].value
        known = found.get(iri)
        if known is None or ENTITY_CLASSES.index(cls) < ENTITY_CLASSES.index(known["cls"]):
            found[iri] = {"cls": cls, "label": min(label, known["label"]) if known else label}
        elif label < known["label"]:  # one label whatever order the store answers in
            known["label"] = label
    return found


def _facts(store: pyoxigraph.Store) -> dict[tuple[str, str, str], dict]:
    """Evidence sentences and the dates of their articles, per (subject, prefixed relation, object)."""
    grouped: dict[tuple[str, str, str], dict] = defaultdict(lambda: {"evidence": set(), "dates": set()})
    for row in _select(store, """
            SELECT ?s ?p ?o ?ev ?date WHERE {
              VALUES ?type { ik:RelationFact ik:StructureFact }
              ?f a ?type ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
              OPTIONAL { ?f ik:evidence ?ev . OPTIONAL { ?ev ik:inArticle/schema:datePublished ?date } }
            }"""):
        entry = grouped[(row["s"].value, prefixed(row["p"].value), row["o"].value)]
        if row["ev"] is not None:
            entry["evidence"].add(row["ev"].value)
        if row["date"] is not None:
            entry["dates"].add(row["date"].value)
    return grouped


def entity_graph(store: pyoxigraph.Store) -> nx.MultiDiGraph:
    """The entity-level graph of ``store`` (see the module's docstring for what it holds): read
    from the summary graph a build keeps (entity_index.py), else computed from every fact."""
    if has_summary(store):
        return _graph(*_from_summary(store))
    entities, facts = _entities(store), _facts(store)
    mentions = {row["e"].value: int(row["n"].value) for row in _select(store, """
        SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e ik:mentionedIn ?a } GROUP BY ?e""")}
    aliases = defaultdict(set)
    for row in _select(store, "SELECT ?e ?a WHERE { ?e skos:altLabel ?a }"):
        aliases[row["e"].value].add(row["a"].value)
    return _graph(entities, facts, mentions, aliases)


def has_summary(store: pyoxigraph.Store) -> bool:
    """Whether ``store`` holds the summary graph (stores made by `ikg build` do)."""
    return any(True for _ in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(str(SUMMARY_GRAPH))))


def _from_summary(store: pyoxigraph.Store):
    """What :func:`_graph` needs, from the summary graph: a few thousand rows, not every fact."""
    summary = f"<{SUMMARY_GRAPH}>"
    entities, mentions, aliases = {}, {}, defaultdict(set)
    for row in _select(store, f"""SELECT ?e ?c ?l ?n WHERE {{ GRAPH {summary} {{
            ?e a ?c ; skos:prefLabel ?l ; ik:mentionCount ?n }} }}"""):
        iri = row["e"].value
        entities[iri] = {"cls": row["c"].value.removeprefix(str(IK)), "label": row["l"].value}
        if int(row["n"].value):
            mentions[iri] = int(row["n"].value)
    for row in _select(store, f"SELECT ?e ?a WHERE {{ GRAPH {summary} {{ ?e skos:altLabel ?a }} }}"):
        aliases[row["e"].value].add(row["a"].value)
    facts = {}
    for row in _select(store, f"""SELECT ?s ?p ?o ?n ?first ?last WHERE {{ GRAPH {summary} {{
            ?r a ik:RelationSummary ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ik:evidenceCount ?n
            OPTIONAL {{ ?r ik:firstEvidence ?first }} OPTIONAL {{ ?r ik:lastEvidence ?last }} }} }}"""):
        dates = [row[k].value for k in ("first", "last") if row[k] is not None]
        facts[(row["s"].value, prefixed(row["p"].value), row["o"].value)] = {
            "evidence": int(row["n"].value), "dates": dates}
    return entities, facts, mentions, aliases


def _graph(entities: dict, facts: dict, mentions: dict, aliases: dict) -> nx.MultiDiGraph:
    """Mentioned entities and the parents that place them; one edge per backed (s, relation, o).
    ``facts`` values hold ``evidence`` (a count or a set of evidence nodes) and ``dates``."""
    # Mentioned entities, then every parent their structure links reach (a branch's insurer's group).
    keep = {iri for iri in mentions if iri in entities}
    parents = defaultdict(set)
    for s, p, o in facts:
        if p in STRUCTURE and o in entities:
            parents[s].add(o)
    todo = list(keep)
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in keep:
                keep.add(parent)
                todo.append(parent)

    g = nx.MultiDiGraph()
    for iri in sorted(keep):
        info = entities[iri]
        g.add_node(iri, label=info["label"], aliases=sorted(aliases[iri] - {info["label"]}),
                   articles=mentions.get(iri, 0), **{"class": info["cls"]})
    for (s, p, o), entry in sorted(facts.items()):
        if s in keep and o in keep:
            dates = sorted(entry["dates"])
            evidence = entry["evidence"]
            g.add_edge(s, o, key=p, relation=p, evidence=evidence if isinstance(evidence, int) else len(evidence),
                       first=dates[0] if dates else "", last=dates[-1] if dates else "")
    return g


@dataclass(frozen=True)
class Evidence:
    """One sentence a fact was read from, and its article."""

    quote: str
    title: str
    date: str


def edge_evidence(store: pyoxigraph.Store, subject: str, relation: str, obj: str) -> list[Evidence]:
    """The evidence sentences behind one edge (``relation`` prefixed), oldest article first."""
    namespace, _, local = relation.partition(":")
    predicate = f"<{_PREFIXES[namespace]}{local}>" if local and namespace in _PREFIXES else f"<{relation}>"
    rows = _select(store, f"""
        SELECT DISTINCT ?quote ?title ?date WHERE {{
          ?f rdf:subject <{subject}> ; rdf:predicate {predicate} ; rdf:object <{obj}> ;
             ik:evidence ?ev .
          ?ev ik:quote ?quote ; ik:inArticle ?art .
          OPTIONAL {{ ?art schema:headline ?title }} OPTIONAL {{ ?art schema:datePublished ?date }}
        }}""")
    found = {Evidence(r["quote"].value, r["title"].value if r["title"] else "", r["date"].value if r["date"] else "")
             for r in rows}
    return sorted(found, key=lambda e: (e.date == "", e.date, e.title, e.quote))
