"""The per-entity graphs a build derives from the articles' graphs and keeps current.

Two named graphs of the store, outside the union (queries of the articles never see them, and
the exports leave them out):

- :data:`~graph.lookup.NAMES_GRAPH`: ``<entity> ik:nameKey "key"`` for every label and alias of
  every entity some article mentions (see lookup.py).
- :data:`~graph.lookup.SUMMARY_GRAPH`: the entity-level graph, small enough for whole-corpus
  questions and the explorer. Per entity: its contract class, preferred label, aliases and
  ``ik:mentionCount`` (articles that mention it) and ``ik:mentionedIn`` the :data:`LISTED_MENTIONS`
  latest news articles that do (what graph.html lists); per (subject, relation, object) that some fact
  backs: the relation as one triple, plus an ``ik:RelationSummary`` node with ``ik:evidenceCount``
  (distinct evidence sentences; 0 for a link known only from the registry), when dated,
  ``ik:firstEvidence``/``ik:lastEvidence``, and ``rdfs:seeAlso`` the :data:`LISTED_EVIDENCE`
  latest evidence nodes (what graph.html quotes, read without reading a hub's thousands).
  ontology/README.md shows its shape.

An entity's record is a function of the union's triples with that entity as subject, and a
relation's summary of the facts with that (rdf:subject, rdf:predicate, rdf:object), which sit in
the articles that state them. So a build that replaces some articles' graphs recomputes only the
records of the entities those graphs mention or state facts about (:func:`touched` names them,
:func:`refresh` recomputes them: an article naming a big insurer recounts that insurer's mentions,
not all its relations), and updates the summaries of the relations their facts state by
difference: each replacement reads its facts' rows before and after (:func:`facts_fed`,
:func:`fact_rows`) and :func:`update_relations` adjusts a relation's summary by the rows gained
and lost (a relation between two hubs is not counted again from its thousands of evidence),
counting again only when a lost row held its first or last date or a listed evidence, or no
evidence is left. An entity's latest mentions are updated by difference too (:func:`_update_listings`:
the changed articles against the listed ones), so a build never reads every article's date. The
result equals a clean rebuild's (:func:`rebuild`;
tests/test_summary_incremental.py).
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph

from .iri import node_iri
from .lookup import NAME_KEY, NAMES_GRAPH, SUMMARY_GRAPH, name_key
from .namespaces import ENTITY_CLASSES, IK, RDF, SCHEMA, SKOS

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
_EVIDENCE, _IN_ARTICLE = _N(str(IK.evidence)), _N(str(IK.inArticle))
_PUBLISHED, _IDENTIFIER, _NEWS = _N(str(SCHEMA.datePublished)), _N(str(SCHEMA.identifier)), _N(str(SCHEMA.NewsArticle))
LISTED_MENTIONS = 50  # articles an entity's summary names (ik:mentionedIn): the latest, what graph.html lists
_FACT_TYPES = (_N(str(IK.RelationFact)), _N(str(IK.StructureFact)))
_FACT_PARTS = (_SUBJECT, _PREDICATE, _OBJECT, _EVIDENCE)
_EVIDENCE_COUNT, _FIRST, _LAST = _N(str(IK.evidenceCount)), _N(str(IK.firstEvidence)), _N(str(IK.lastEvidence))


@dataclass
class Touched:
    """What replaced graphs feed in the derived graphs: the entities they mention or state facts
    about, the (subject, relation, object) IRIs of their facts, and the articles whose mentions
    or place in the order of articles (:func:`article_keys`) they state."""

    entities: set[str] = field(default_factory=set)
    statements: set[tuple[str, str, str]] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    def __or__(self, other: "Touched") -> "Touched":
        return Touched(self.entities | other.entities, self.statements | other.statements,
                       self.articles | other.articles)


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
        if q.predicate == _MENTIONED_IN and isinstance(q.object, pyoxigraph.NamedNode):
            found.articles.add(q.object.value)
        elif (q.predicate in (_PUBLISHED, _IDENTIFIER) or (q.predicate == _TYPE and q.object == _NEWS)) \
                and isinstance(q.subject, pyoxigraph.NamedNode):
            found.articles.add(q.subject.value)
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
    # Written as they are made, a bounded share at a time and by the bulk loader: the queries below
    # read the default graph only, which these named graphs are not part of. (One store.extend of
    # them all held them twice, as Python objects and in the store's write buffers: 10,000 bench
    # articles make over a million summary quads, most of a build's peak memory.)
    with _BulkWriter(store) as out:
        for iri in entities:
            out.add(_entity(store, _N(iri), mentions.get(iri, 0)))
        for start in range(0, len(entities), _BATCH):  # every relation, read by its subject
            out.add(_statements(store, f"VALUES ?s {{ {_iris(entities[start:start + _BATCH])} }}"))
        mentioned, same = defaultdict(list), {}  # each article's IRI held once, not once per entity
        for row in store.query(f"SELECT ?e ?a WHERE {{ ?e <{IK.mentionedIn}> ?a FILTER(isIRI(?e) && isIRI(?a)) }}"):
            a = row["a"].value
            mentioned[row["e"].value].append(same.setdefault(a, a))
        keys = article_keys(store, {a for articles in mentioned.values() for a in articles})
        for iri, articles in mentioned.items():
            out.add(_listing(iri, _latest(articles, keys)))


class _BulkWriter:
    """Adds quads to a store with its bulk loader, :data:`_BULK_QUADS` at a time (not atomic: for
    a store being made, which no reader has open)."""

    def __init__(self, store: pyoxigraph.Store):
        self.store, self.pending = store, []

    def add(self, quads: list[pyoxigraph.Quad]) -> None:
        self.pending += quads
        if len(self.pending) >= _BULK_QUADS:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.store.bulk_extend(self.pending)
            self.pending = []

    def __enter__(self) -> "_BulkWriter":
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.flush()


_BULK_QUADS = 100_000


def refresh(store: pyoxigraph.Store, changed: Touched) -> None:
    """Recompute the names and records of ``changed.entities`` and the summaries of
    ``changed.statements`` from the union (after the articles' graphs that state them were replaced)."""
    entities, statements = sorted(changed.entities), sorted(changed.statements)
    _update_listings(store, changed)
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


def article_keys(store: pyoxigraph.Store, articles: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The place of each news article (schema:NewsArticle) of ``articles`` in the order graph.html
    numbers them by: its date ("" when none), then its identifier (its IRI when it has none); of
    several, the greatest. Articles that are not news are left out."""
    keys: dict[str, tuple[str, str]] = {}
    ordered = sorted(articles)
    for start in range(0, len(ordered), _BATCH):
        for row in store.query(f"""SELECT ?a ?d ?i WHERE {{ VALUES ?a {{ {_iris(ordered[start:start + _BATCH])} }}
                ?a a <{SCHEMA.NewsArticle}> OPTIONAL {{ ?a <{SCHEMA.datePublished}> ?d }}
                OPTIONAL {{ ?a <{SCHEMA.identifier}> ?i }} }}"""):  # the default graph: the union
            a = row["a"].value
            key = (row["d"].value if row["d"] is not None else "", row["i"].value if row["i"] is not None else a)
            keys[a] = max(key, keys.get(a, key))
    return keys


def _latest(articles: Iterable[str], keys: dict[str, tuple[str, str]]) -> list[str]:
    """The :data:`LISTED_MENTIONS` latest news articles of ``articles``, by ``keys`` (then IRI)."""
    return heapq.nlargest(LISTED_MENTIONS, {a for a in articles if a in keys}, key=lambda a: (keys[a], a))


def _mentions(store: pyoxigraph.Store, node: pyoxigraph.NamedNode) -> list[str]:
    """Every article the union says ``node`` is mentioned in."""
    return [q.object.value for q in store.quads_for_pattern(node, _MENTIONED_IN, None, _DEFAULT)
            if isinstance(q.object, pyoxigraph.NamedNode)]


def _listing(iri: str, articles: list[str]) -> list[pyoxigraph.Quad]:
    node = _N(iri)
    return [pyoxigraph.Quad(node, _MENTIONED_IN, _N(a), _SUMMARY) for a in articles]


def _update_listings(store: pyoxigraph.Store, changed: Touched) -> None:
    """Bring the latest mentions that the summary lists per entity up to date after the graphs
    that ``changed`` names were replaced, by difference: the articles listed and not changed keep
    their place, and any article not listed ranks below the least of them; so the new listing is
    the latest of those and the changed articles that mention the entity now, unless fewer than
    :data:`LISTED_MENTIONS` of them rank above that bound (an entity's listed article deleted or
    dated earlier): then its mentions are read again."""
    now: dict[str, list[str]] = defaultdict(list)  # entity -> the changed articles that mention it
    for a in changed.articles:  # an article dated again moves in the listings of all it mentions
        for q in store.quads_for_pattern(None, _MENTIONED_IN, _N(a), _DEFAULT):
            if isinstance(q.subject, pyoxigraph.NamedNode):
                now[q.subject.value].append(a)
    entities = sorted(changed.entities | now.keys())
    old = {iri: list(store.quads_for_pattern(_N(iri), _MENTIONED_IN, None, _SUMMARY)) for iri in entities}
    kept = {iri: [q.object.value for q in quads if q.object.value not in changed.articles] for iri, quads in old.items()}
    # one look-up for all: the entities an article names share most of their latest articles
    keys = article_keys(store, {a for iri in entities for a in (*kept[iri], *now.get(iri, ()))})
    stale, fresh = [], []
    for iri in entities:
        latest = _latest([*kept[iri], *now.get(iri, ())], keys)
        if len(old[iri]) == LISTED_MENTIONS:  # full: articles not listed may rank above what is left
            bound = min(((keys[a], a) for a in kept[iri] if a in keys), default=None)
            if bound is None or len(latest) < LISTED_MENTIONS or (keys[latest[-1]], latest[-1]) < bound:
                everything = _mentions(store, _N(iri))
                latest = _latest(everything, article_keys(store, everything))
        if set(latest) != {q.object.value for q in old[iri]}:
            stale += old[iri]
            fresh += _listing(iri, latest)
    for q in stale:
        store.remove(q)
    store.extend(fresh)


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
        first, last = (v if v is not None and v.value not in _SENTINELS else None  # no dated evidence
                       for v in (row["first"], row["last"]))
        words = row["evs"].value.split() if row["evs"] is not None else []
        latest: dict[str, str] = {}  # evidence -> its latest date (an article with two: the later)
        for date, ev in zip(words[::2], words[1::2]):
            latest[ev] = max(date, latest.get(ev, date))
        out += _summary(s, p, o, int(row["n"].value), first, last, latest)
    return out


def _summary(s, p, o, count: int, first, last, latest: dict[str, str]) -> list[pyoxigraph.Quad]:
    """The relation triple and the ik:RelationSummary of (s, p, o): ``count`` evidence, dated from
    ``first`` to ``last`` (literals, or None), naming the latest of ``latest`` (evidence -> date)."""
    node = _N(node_iri("summary", s.value, p.value, o.value))
    out = [pyoxigraph.Quad(s, p, o, _SUMMARY),
           pyoxigraph.Quad(node, _TYPE, _N(str(IK.RelationSummary)), _SUMMARY),
           pyoxigraph.Quad(node, _SUBJECT, s, _SUMMARY),
           pyoxigraph.Quad(node, _PREDICATE, p, _SUMMARY),
           pyoxigraph.Quad(node, _OBJECT, o, _SUMMARY),
           pyoxigraph.Quad(node, _EVIDENCE_COUNT, _integer(count), _SUMMARY)]
    for predicate, value in ((_FIRST, first), (_LAST, last)):
        if value is not None:
            out.append(pyoxigraph.Quad(node, predicate, value, _SUMMARY))
    listed = sorted(latest, key=lambda ev: (latest[ev], ev), reverse=True)[:LISTED_EVIDENCE]
    out += [pyoxigraph.Quad(node, _SEE_ALSO, _N(ev), _SUMMARY) for ev in listed]
    return out


# Relation summaries kept up to date by difference (GraphStore.replace): a graph's replacement
# changes the summary of (s, p, o) only through the facts it states or whose evidence it dates.
# Their rows (evidence, date) are read before and after; a relation's count, dates and listed
# evidence follow from its summary and the rows gained and lost, not from a count of all its
# evidence (a hub pair's thousands), except when the lost rows leave that unknown (_adjust).

Rows = dict[tuple[str, str, str], set[tuple[str | None, pyoxigraph.Literal | None]]]


def facts_fed(store: pyoxigraph.Store, quads: Iterable[pyoxigraph.Quad]) -> set[pyoxigraph.NamedNode] | None:
    """The facts whose summary rows replacing a graph that holds ``quads`` (its old and new quads)
    may change, found before the replacement: the facts it states something of, and those whose
    evidence it places in an article or whose article it dates. None when one is a blank node
    (not bindable in a query: the caller counts those relations again)."""
    facts, evidence, articles = set(), set(), set()
    for q in quads:
        if q.predicate in _FACT_PARTS or (q.predicate == _TYPE and q.object in _FACT_TYPES):
            facts.add(q.subject)
        elif q.predicate == _IN_ARTICLE:
            evidence.add(q.subject)
        elif q.predicate == _PUBLISHED:
            articles.add(q.subject)
    for article in articles:
        evidence.update(q.subject for q in store.quads_for_pattern(None, _IN_ARTICLE, article, _DEFAULT))
    for ev in evidence:
        facts.update(q.subject for q in store.quads_for_pattern(None, _EVIDENCE, ev, _DEFAULT))
    if not all(isinstance(f, pyoxigraph.NamedNode) for f in facts):
        return None
    return facts


def fact_rows(store: pyoxigraph.Store, facts: set[pyoxigraph.NamedNode]) -> Rows:
    """Per (s, p, o), the (evidence, date) rows the union gives ``facts`` in its summary's count
    (evidence None: a fact without; date None: undated)."""
    rows: Rows = defaultdict(set)
    ordered = sorted(f.value for f in facts)
    for start in range(0, len(ordered), _BATCH):
        for row in store.query(f"""SELECT ?s ?p ?o ?ev ?d WHERE {{
              VALUES ?f {{ {_iris(ordered[start:start + _BATCH])} }}
              ?f <{RDF.subject}> ?s ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o ; a ?type .
              FILTER(?type IN (<{IK.RelationFact}>, <{IK.StructureFact}>))
              OPTIONAL {{ ?f <{IK.evidence}> ?ev .
                         OPTIONAL {{ ?ev <{IK.inArticle}>/<https://schema.org/datePublished> ?d }} }} }}"""):
            s, p, o = row["s"], row["p"], row["o"]
            if all(isinstance(t, pyoxigraph.NamedNode) for t in (s, p, o)):
                ev = row["ev"]
                rows[(s.value, p.value, o.value)].add((ev.value if ev is not None else None, row["d"]))
    return rows


def update_relations(store: pyoxigraph.Store, facts: set[pyoxigraph.NamedNode], before: Rows) -> None:
    """Bring the summaries of the relations ``facts`` state up to date after a graph's replacement,
    given their rows ``before`` it (:func:`fact_rows`); equal to counting them again."""
    after = fact_rows(store, facts)
    recount = []
    for spo in sorted(before.keys() | after.keys()):
        old, new = before.get(spo, set()), after.get(spo, set())
        if old != new and not _adjust(store, spo, old, new, facts):
            recount.append(spo)
    if recount:
        stale = []
        for s, p, o in recount:
            stale += store.quads_for_pattern(_N(s), _N(p), _N(o), _SUMMARY)
            stale += store.quads_for_pattern(_N(node_iri("summary", s, p, o)), None, None, _SUMMARY)
        for q in stale:
            store.remove(q)
        quads = []
        for start in range(0, len(recount), _BATCH):
            rows = " ".join(f"({_iris(spo)})" for spo in recount[start:start + _BATCH])
            quads += _statements(store, f"VALUES (?s ?p ?o) {{ {rows} }}")
        store.extend(quads)


def _adjust(store: pyoxigraph.Store, spo: tuple[str, str, str], old: set, new: set,
            facts: set[pyoxigraph.NamedNode]) -> bool:
    """Update the summary of ``spo``, whose rows from ``facts`` went from ``old`` to ``new`` (every
    other fact's rows unchanged), from its current summary; False, changing nothing, when that
    cannot tell the result: a lost row held its first or last date or a listed evidence (the
    next one is unknown), or no evidence is left (whether a fact without any remains)."""
    if any(d is not None and d.value in _SENTINELS for _, d in old | new):
        return False  # a date the count's sentinels hide
    s, p, o = (_N(x) for x in spo)
    node = _N(node_iri("summary", *spo))
    current = list(store.quads_for_pattern(node, None, None, _SUMMARY))
    count, first, last, listed = 0, None, None, []
    for q in current:
        if q.predicate == _EVIDENCE_COUNT:
            count = int(q.object.value)
        elif q.predicate == _FIRST:
            first = q.object
        elif q.predicate == _LAST:
            last = q.object
        elif q.predicate == _SEE_ALSO:
            listed.append(q.object.value)
    if current and (first is None or last is None) and any(d is not None for _, d in new):
        return False  # undated, or a sentinel's date elsewhere: only a count tells
    lost = old - new
    lost_dates = {d.value for _, d in lost if d is not None}
    if (first is not None and first.value in lost_dates) or (last is not None and last.value in lost_dates) \
            or not {ev for ev, _ in lost}.isdisjoint(listed):
        return False
    had = {ev for ev, _ in old if ev is not None}
    has = {ev for ev, _ in new if ev is not None}
    count += sum(1 for ev in has - had if not _backed_elsewhere(store, s, p, o, _N(ev), facts))
    count -= sum(1 for ev in had - has if not _backed_elsewhere(store, s, p, o, _N(ev), facts))
    if not count:
        return False
    for _, d in new:
        if d is not None:
            first = d if first is None or d.value < first.value else first
            last = d if last is None or d.value > last.value else last
    latest: dict[str, str] = {}
    for ev, d in new:
        if ev is not None:
            latest[ev] = max(latest.get(ev, _SENTINELS[0]), d.value if d is not None else _SENTINELS[0])
    for ev in listed:  # their rank is unchanged: any evidence neither listed nor in ``new`` ranks below
        if ev not in latest:
            latest[ev] = _latest_date(store, _N(ev))
    quads = _summary(s, p, o, count, first, last, latest)
    store.extend(quads)  # what stays is added again: no change
    keep = set(quads)
    for q in current:
        if q not in keep:
            store.remove(q)
    return True


def _backed_elsewhere(store: pyoxigraph.Store, s, p, o, ev, facts) -> bool:
    """Whether some fact of the union other than ``facts`` states (s, p, o) with evidence ``ev``."""
    for q in store.quads_for_pattern(None, _EVIDENCE, ev, _DEFAULT):
        f = q.subject
        if f in facts:
            continue
        if all(pyoxigraph.Quad(f, pred, obj, _DEFAULT) in store
               for pred, obj in ((_SUBJECT, s), (_PREDICATE, p), (_OBJECT, o))) and \
                any(pyoxigraph.Quad(f, _TYPE, t, _DEFAULT) in store for t in _FACT_TYPES):
            return True
    return False


def _latest_date(store: pyoxigraph.Store, ev) -> str:
    """The latest publication date of the article(s) of evidence ``ev``, as the summary ranks it."""
    dates = [d.object.value for a in store.quads_for_pattern(ev, _IN_ARTICLE, None, _DEFAULT)
             for d in store.quads_for_pattern(a.object, _PUBLISHED, None, _DEFAULT)]
    return max(dates, default=_SENTINELS[0])
