"""Explain: the facts the graph holds about one entity, each with its quote and article.

A hub (an insurer, 市民) has thousands of facts. :func:`explain` shows the ``limit`` most useful
ones per relation and per kind of figure, and one "and N more" line for the rest (``limit=None``:
every one). The relations are ranked from the summary graph's counts (those the registry states
first, then the pairs with most evidence, each pair's newest evidence first), so only the facts
shown are read, and their quotes and articles are read in one query per kind, not node by node.
A store without the summary graph (a graph file loaded into memory) counts from the facts.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import pyoxigraph

from .lookup import NAMES_GRAPH, SUMMARY_GRAPH, find_one
from .namespaces import IK, ONTOLOGY_GRAPH, REGISTRY_GRAPH, SPARQL_PREFIXES
from .quantities import format_yuan

DEFAULT_LIMIT = 5  # statements shown per relation and per kind of figure: a screenful or two for a hub


def _query(store: pyoxigraph.Store, text: str):
    return store.query(text, prefixes=SPARQL_PREFIXES)


@dataclass(frozen=True)
class Statement:
    """One fact about the entity, as a line of text and the quote behind it."""

    text: str
    quote: str | None
    article: str | None  # title (date)
    more: int = 0  # > 0: not a fact but how many of the relation or figure kind ``text`` are not shown


@dataclass(frozen=True)
class Explanation:
    """What the graph says about one entity."""

    iri: str
    label: str
    classes: tuple[str, ...]
    aliases: tuple[str, ...]
    statements: tuple[Statement, ...]


def _value(term) -> str:
    return "" if term is None else term.value


def find_entity(store: pyoxigraph.Store, name: str) -> str:
    """The IRI of the entity called ``name`` (any label, any script or width), or given by IRI;
    found in the build's names index (see lookup.py)."""
    return find_one(store, name)


def explain(store: pyoxigraph.Store, name: str, limit: int | None = DEFAULT_LIMIT) -> Explanation:
    """Relations, structure, money and counts about ``name``, each with its quote and article: at
    most ``limit`` per relation and per kind of figure, each group followed by a line saying how
    many it leaves out (``None``: all of them)."""
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    iri = find_entity(store, name)
    node = pyoxigraph.NamedNode(iri)
    labels = _objects(store, node, _PREF_LABEL)
    classes = sorted({c.value.removeprefix(_IK) for c in _objects(store, node, _TYPE) if c.value.startswith(_IK)})
    aliases = sorted({a.value for a in _objects(store, node, _ALT_LABEL)})
    statements = [*_relations(store, node, limit), *_figures(store, node, limit)]
    return Explanation(iri, labels[0].value if labels else iri, tuple(classes), tuple(aliases), tuple(statements))


_IK = str(IK)
_N = pyoxigraph.NamedNode
_DEFAULT = pyoxigraph.DefaultGraph()
_TYPE = _N("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_HEADLINE = _N("https://schema.org/headline")
_PUBLISHED = _N("https://schema.org/datePublished")
_PREF_LABEL = _N("http://www.w3.org/2004/02/skos/core#prefLabel")
_ALT_LABEL = _N("http://www.w3.org/2004/02/skos/core#altLabel")
_FROM_REGISTRY = _N(f"{_IK}FromRegistry")
# The named graphs that are no article's (a fact's evidence is in its article's graph).
_OTHER_GRAPHS = frozenset(str(g) for g in (REGISTRY_GRAPH, ONTOLOGY_GRAPH, SUMMARY_GRAPH, NAMES_GRAPH))


def _objects(store: pyoxigraph.Store, node, predicate) -> list:
    """The objects of ``node predicate ?o`` in the union, least first (one value whatever the order)."""
    return sorted((q.object for q in store.quads_for_pattern(node, predicate, None, _DEFAULT)), key=lambda t: t.value)


def _has_summary(store: pyoxigraph.Store) -> bool:
    return any(True for _ in store.quads_for_pattern(None, None, None, _N(str(SUMMARY_GRAPH))))


def _least(values):
    """The least of RDF terms by their text (None when there is none)."""
    values = [v for v in values if v is not None]
    return min(values, key=lambda t: t.value) if values else None


def _spread(ranked: list, capacity: dict, limit: int | None) -> dict:
    """How many lines each of ``ranked`` gets out of ``limit``: one each in rank order, then a
    second each, and so on, none beyond its ``capacity`` (all of it when ``limit`` is None)."""
    if limit is None:
        return dict(capacity)
    quota = dict.fromkeys(ranked, 0)
    left = limit
    while left:
        given = 0
        for key in ranked:
            if left and quota[key] < capacity[key]:
                quota[key] += 1
                left -= 1
                given += 1
        if not given:
            break
    return quota


class _Titles:
    """An article's "title (date)", read once per article."""

    def __init__(self, store: pyoxigraph.Store):
        self.store, self.seen = store, {}

    def __call__(self, art) -> str | None:
        if art is None:
            return None
        if art.value not in self.seen:
            heads, dates = _objects(self.store, art, _HEADLINE), _objects(self.store, art, _PUBLISHED)
            self.seen[art.value] = (heads[0].value + (f" ({dates[0].value})" if dates else "")) if heads else None
        return self.seen[art.value]


class _Labels:
    """An entity's preferred label, read once per entity."""

    def __init__(self, store: pyoxigraph.Store):
        self.store, self.seen = store, {}

    def __call__(self, term) -> str | None:
        if term.value not in self.seen:
            found = _objects(self.store, term, _PREF_LABEL)
            self.seen[term.value] = found[0].value if found else None
        return self.seen[term.value]


def _by_title(items):
    """Sort key tail as SPARQL's ORDER BY sorts an optional title: unbound first."""
    return (items is not None, items or "")


# -- relations ------------------------------------------------------------------------------------

def _pairs(store: pyoxigraph.Store, node) -> dict[tuple, int]:
    """(subject, predicate, object) of every relation ``node`` takes part in → its evidence count:
    from the summary graph (a few triples per pair), else counted from the facts."""
    n = f"<{node.value}>"
    sides = (f"{{ ?r rdf:subject {n} ; rdf:object ?o BIND({n} AS ?s) }} "
             f"UNION {{ ?r rdf:object {n} ; rdf:subject ?s BIND({n} AS ?o) }}")
    if _has_summary(store):
        rows = _query(store, f"""SELECT ?s ?p ?o ?n WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{
            {sides} ?r rdf:predicate ?p ; ik:evidenceCount ?n }} }}""")
    else:
        rows = _query(store, f"""SELECT ?s ?p ?o (COUNT(DISTINCT ?ev) AS ?n) WHERE {{
            {sides} ?r rdf:predicate ?p . OPTIONAL {{ ?r ik:evidence ?ev }} }} GROUP BY ?s ?p ?o""")
    return {(r["s"], r["p"], r["o"]): int(r["n"].value) for r in rows}


def _registry_facts(store: pyoxigraph.Store, node) -> dict[tuple, list[tuple]]:
    """(subject, predicate, object) → [(fact, asOf, provenance)] of the registry's facts about ``node``."""
    n = f"<{node.value}>"
    rows = _query(store, f"""SELECT ?f ?s ?p ?o ?asOf ?prov WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{
        {{ ?f rdf:subject {n} ; rdf:object ?o BIND({n} AS ?s) }} UNION {{ ?f rdf:object {n} ; rdf:subject ?s BIND({n} AS ?o) }}
        ?f rdf:predicate ?p . OPTIONAL {{ ?f ik:asOf ?asOf }} OPTIONAL {{ ?f ik:provenance ?prov }} }} }}""")
    facts: dict[tuple, dict] = defaultdict(dict)
    for r in rows:
        seen = facts[(r["s"], r["p"], r["o"])].setdefault(r["f"].value, [None, None])
        seen[0], seen[1] = _least([seen[0], r["asOf"]]), _least([seen[1], r["prov"]])
    return {key: [(f, *v) for f, v in sorted(found.items())] for key, found in facts.items()}


def _some_graphs(store: pyoxigraph.Store, wanted: dict[tuple, int | None]) -> list[tuple]:
    """(graph, subject, predicate, object): for each pair of ``wanted``, as many of the article
    graphs that state it as it asks for (None: all). Which ones is the store's index order (the
    same on every call): ordering a hub pair's hundreds of articles by date costs more than the
    whole explanation may."""
    out = []
    for key, count in wanted.items():
        found = 0
        for q in store.quads_for_pattern(*key, None):
            g = q.graph_name
            if isinstance(g, pyoxigraph.NamedNode) and g.value not in _OTHER_GRAPHS:
                out.append((g, *key))
                found += 1
                if found == count:
                    break
    return out


def _text_facts(store: pyoxigraph.Store, graphs: list[tuple]) -> dict[tuple, list[tuple]]:
    """(subject, predicate, object) → [(asOf, quote, article)] of the facts in ``graphs`` (graph,
    subject, predicate, object): one query for all of them. (The VALUES go inside the GRAPH group
    and only one-triple groups are OPTIONAL, else the store evaluates the group over every graph
    before joining; the pairs go in and out as numbers, which cost nothing to decode.)"""
    if not graphs:
        return {}
    values = " ".join(f"({g} {s} {p} {o} {i})" for i, (g, s, p, o) in enumerate(graphs))
    rows = _query(store, f"""SELECT ?i ?ev ?asOf ?q ?a WHERE {{ GRAPH ?g {{ VALUES (?g ?s ?p ?o ?i) {{ {values} }}
        ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ik:evidence ?ev . ?ev ik:quote ?q ; ik:inArticle ?a
        OPTIONAL {{ ?f ik:asOf ?asOf }} }} }}""")
    found: dict[tuple, dict] = defaultdict(dict)
    for r in rows:
        i = int(r["i"].value)
        seen = found[graphs[i][1:]].setdefault((i, r["ev"].value), [None, None, None])
        for j, name in enumerate(("asOf", "q", "a")):
            seen[j] = _least([seen[j], r[name]])
    return {pair: [tuple(v) for _, v in sorted(facts.items())] for pair, facts in found.items()}


def _relations(store: pyoxigraph.Store, node, limit: int | None):
    pairs = _pairs(store, node)
    registry = _registry_facts(store, node)
    for key in registry:
        pairs.setdefault(key, 0)
    by_predicate: dict = defaultdict(list)
    for key in pairs:
        by_predicate[key[1]].append(key)
    wanted, shown_registry, totals = {}, {}, {}
    for predicate, keys in by_predicate.items():
        capacity = {k: len(registry.get(k, ())) + pairs[k] for k in keys}
        keys.sort(key=lambda k: (-len(registry.get(k, ())), -pairs[k], k[0].value, k[2].value))
        totals[predicate] = sum(capacity.values())
        for key, quota in _spread(keys, capacity, limit).items():
            shown_registry[key] = min(quota, len(registry.get(key, ())))
            if quota > shown_registry[key]:
                wanted[key] = None if limit is None else quota - shown_registry[key]
    text = _text_facts(store, _some_graphs(store, wanted))
    titles, label = _Titles(store), _Labels(store)

    lines: dict = defaultdict(list)
    for key in pairs:
        if not shown_registry.get(key) and key not in wanted:
            continue
        s, p, o = key
        facts = [(f, as_of, prov, None, None) for f, as_of, prov in registry.get(key, ())[:shown_registry.get(key, 0)]]
        facts += [(None, as_of, None, quote, art) for as_of, quote, art in text.get(key, ())]
        facts = facts[:len(facts) if limit is None else shown_registry.get(key, 0) + (wanted.get(key) or 0)]
        sl, ol = label(s), label(o)
        if sl is None or ol is None:
            continue
        predicate = p.value.rsplit("#", 1)[-1]
        for _, as_of, prov, quote, art in facts:
            when = f" [{as_of.value}]" if as_of else ""
            source = " (from the registry)" if prov == _FROM_REGISTRY else ""
            lines[p].append(((sl, ol, _by_title(titles(art)), _value(quote), when, source),
                             Statement(f"{sl} {predicate} {ol}{when}{source}", _value(quote) or None, titles(art))))
    for p in sorted(by_predicate, key=lambda t: t.value):
        shown = sorted(lines[p], key=lambda line: line[0])
        yield from (st for _, st in shown)
        if totals[p] > len(shown):
            yield Statement(f'{p.value.rsplit("#", 1)[-1]} facts', None, None, more=totals[p] - len(shown))


# -- figures --------------------------------------------------------------------------------------

def _figures(store: pyoxigraph.Store, node, limit: int | None):
    """Money amounts and counts of which ``node`` is the agent: ``limit`` per kind."""
    rows = _query(store, f"""SELECT ?f ?g ?t ?kind WHERE {{ GRAPH ?g {{ ?f ik:agent <{node.value}> .
        {{ ?f a ik:AmountFact BIND(0 AS ?t) }} UNION {{ ?f a ik:CountFact BIND(1 AS ?t) }}
        OPTIONAL {{ ?f ik:amountKind|ik:countKind ?kind }} }} }}""")
    groups: dict = defaultdict(set)  # (type, kind) → {(figure, graph)}
    for r in rows:
        groups[(_FIGURE_TYPES[int(r["t"].value)], _value(r["kind"]))].add((r["f"], r["g"]))
    # Which of a kind's figures are shown is the figures' order (the same on every call): the
    # articles' dates would cost more to read than the rest of the explanation.
    chosen, more = defaultdict(list), {}
    for (type_, kind), figures in groups.items():
        ordered = sorted(figures, key=lambda fg: (fg[0].value, fg[1].value))
        keep = ordered if limit is None else ordered[:limit]
        chosen[type_] += keep
        more[(type_, kind)] = len(ordered) - len(keep)
    details = {**_amounts(store, chosen[_AMOUNT_FACT]), **_counts(store, chosen[_COUNT_FACT])}
    titles, label = _Titles(store), _Labels(store)

    for key in sorted(groups):
        lines = []
        for fg in groups[key]:
            if fg not in details:
                continue
            d = details[fg]
            written = d["surface"].value
            figure = f"{d['kind'].value.rsplit('#', 1)[-1]} {d['amount']}" + (
                "" if written == d["amount"].replace(" ", "") else f" (written {written})")
            when = f" as of {d['asOf'].value}" if d["asOf"] else ""
            beneficiaries = sorted(filter(None, (label(b) for b in d["beneficiaries"])))
            for bl in beneficiaries or [None]:
                to = f" → {bl}" if bl is not None else ""
                for quote, art in sorted(d["evidence"], key=lambda e: (e[0].value, e[1].value)):
                    lines.append(((d["kind"].value, _by_title(titles(art)), figure, to, when, quote.value),
                                  Statement(f"{figure}{to}{when}", _value(quote) or None, titles(art))))
        yield from (st for _, st in sorted(lines, key=lambda line: line[0]))
        if more[key]:
            yield Statement(f'{key[1].rsplit("#", 1)[-1] or "other"} figures', None, None, more=more[key])


_AMOUNT_FACT, _COUNT_FACT = f"{_IK}AmountFact", f"{_IK}CountFact"
_FIGURE_TYPES = (_AMOUNT_FACT, _COUNT_FACT)


def _figure_rows(store: pyoxigraph.Store, figures: list[tuple], pattern: str, single: tuple[str, ...]) -> dict:
    """(figure, graph) → the ``single`` variables ``pattern`` binds (the least of each), with the
    figure's surface form, asOf, beneficiaries and evidence (quote, article): one query for all
    ``figures`` (which go in and out as numbers; see _text_facts)."""
    if not figures:
        return {}
    values = " ".join(f"({g} {f} {i})" for i, (f, g) in enumerate(figures))
    fields = (*single, "surface", "asOf")
    rows = _query(store, f"""SELECT ?i {' '.join('?' + v for v in fields)} ?b ?q ?a WHERE {{ GRAPH ?g {{
        VALUES (?g ?f ?i) {{ {values} }}
        ?f ik:surfaceForm ?surface ; ik:evidence ?ev . ?ev ik:quote ?q ; ik:inArticle ?a . {pattern}
        OPTIONAL {{ ?f ik:asOf ?asOf }} OPTIONAL {{ ?f ik:beneficiary ?b }} }} }}""")
    out: dict = {}
    for r in rows:
        d = out.setdefault(figures[int(r["i"].value)], {**dict.fromkeys(fields), "beneficiaries": set(), "evidence": set()})
        for name in fields:
            d[name] = _least([d[name], r[name]])
        if r["b"] is not None:
            d["beneficiaries"].add(r["b"])
        d["evidence"].add((r["q"], r["a"]))
    return out


def _amounts(store: pyoxigraph.Store, figures: list[tuple]) -> dict:
    out = _figure_rows(store, figures, "?f ik:amountKind ?kind ; ik:amount ?m . ?m schema:value ?value .",
                       ("kind", "value"))
    for d in out.values():
        d["amount"] = format_yuan(Decimal(d["value"].value))
    return out


def _counts(store: pyoxigraph.Store, figures: list[tuple]) -> dict:
    out = _figure_rows(store, figures, "?f ik:countKind ?kind ; ik:count ?count ; ik:unit ?unit .",
                       ("kind", "count", "unit"))
    for d in out.values():
        d["amount"] = f"{d['count'].value} {d['unit'].value}"
    return out


def render(ex: Explanation) -> str:
    """The explanation as text for the terminal."""
    lines = [f"{ex.label} ({', '.join(ex.classes)}) <{ex.iri}>"]
    if ex.aliases:
        lines.append(f"  also written: {' / '.join(ex.aliases)}")
    if not ex.statements:
        lines.append("  no facts")
    for st in ex.statements:
        if st.more:
            lines.append(f"- … and {st.more} more {st.text} (--all or --limit N shows them)")
            continue
        lines.append(f"- {st.text}")
        if st.quote:
            lines.append(f"    > {st.quote}")
        if st.article:
            lines.append(f"    — {st.article}")
    return "\n".join(lines)
