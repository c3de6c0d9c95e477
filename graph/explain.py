"""Explain: every fact the graph holds about one entity, each with its quote and article."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pyoxigraph

from .namespaces import IK, SPARQL_PREFIXES
from .quantities import format_yuan
from .lookup import find_one


def _query(store: pyoxigraph.Store, text: str):
    return store.query(text, prefixes=SPARQL_PREFIXES)


@dataclass(frozen=True)
class Statement:
    """One fact about the entity, as a line of text and the quote behind it."""

    text: str
    quote: str | None
    article: str | None  # title (date)


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


def explain(store: pyoxigraph.Store, name: str) -> Explanation:
    """Relations, structure, money and counts about ``name``, each with its quote and article."""
    iri = find_entity(store, name)
    node = f"<{iri}>"
    label = next(iter(_query(store, f"SELECT ?l WHERE {{ {node} skos:prefLabel ?l }}")), None)
    classes = sorted({r["c"].value.removeprefix(str(IK)) for r in _query(
        store, f"SELECT ?c WHERE {{ {node} a ?c FILTER(STRSTARTS(STR(?c), STR(ik:))) }}")})
    aliases = sorted({r["a"].value for r in _query(store, f"SELECT ?a WHERE {{ {node} skos:altLabel ?a }}")})
    statements = [*_relations(store, node), *_figures(store, node)]
    return Explanation(iri, _value(label["l"]) if label else iri, tuple(classes), tuple(aliases), tuple(statements))


# A fact's evidence, date and provenance, and its article's headline and date, are read node by
# node after the query: as OPTIONAL groups the store evaluated them over the whole corpus (seconds
# at 2,000 articles), by the node they are milliseconds.
_IK = str(IK)
_DETAILS = {"asOf": f"{_IK}asOf", "prov": f"{_IK}provenance"}
_EVIDENCE_OF, _QUOTE, _IN_ARTICLE = (pyoxigraph.NamedNode(f"{_IK}{n}") for n in ("evidence", "quote", "inArticle"))
_HEADLINE = pyoxigraph.NamedNode("https://schema.org/headline")
_PUBLISHED = pyoxigraph.NamedNode("https://schema.org/datePublished")
_VALUE = pyoxigraph.NamedNode("https://schema.org/value")
_PREF_LABEL = pyoxigraph.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")


def _objects(store: pyoxigraph.Store, node, predicate) -> list:
    """The objects of ``node predicate ?o`` in the union, least first (one value whatever the order)."""
    return sorted((q.object for q in store.quads_for_pattern(node, predicate, None, pyoxigraph.DefaultGraph())),
                  key=lambda t: t.value)


def _with_details(store: pyoxigraph.Store, rows, variables: tuple[str, ...],
                  order: tuple[str, ...]) -> list[tuple[dict, str | None]]:
    """Each row as a dict with its fact's quote, article, asOf and provenance, and the article as
    "title (date)" (or None); one row per evidence sentence, sorted by the variables ``order``
    and then the title as SPARQL's ORDER BY would (unbound first)."""
    titles: dict[str, str | None] = {}

    def title(art) -> str | None:
        if art is None:
            return None
        if art.value not in titles:
            heads, dates = _objects(store, art, _HEADLINE), _objects(store, art, _PUBLISHED)
            titles[art.value] = (heads[0].value + (f" ({dates[0].value})" if dates else "")) if heads else None
        return titles[art.value]

    out = []
    for row in rows:
        values = {v: row[v] for v in variables}
        fact = row["f"]
        for name in ("asOf", "prov"):
            found = _objects(store, fact, pyoxigraph.NamedNode(_DETAILS[name]))
            values[name] = found[0] if found else None
        evidence = [(q, a) for ev in _objects(store, fact, _EVIDENCE_OF)
                    for q in _objects(store, ev, _QUOTE)[:1] for a in _objects(store, ev, _IN_ARTICLE)[:1]]
        for quote, art in evidence or [(None, None)]:
            out.append((values | {"quote": quote, "art": art}, title(art)))

    def key(item):
        row, shown = item
        return (*((row[v] is not None, row[v].value if row[v] is not None else "") for v in order),
                (shown is not None, shown or ""))

    return sorted(out, key=key)


def _relations(store: pyoxigraph.Store, node: str):
    # Both branches start from the entity's IRI, so the store reads its index, not every fact.
    rows = _query(store, f"""
        SELECT DISTINCT ?f ?sl ?p ?ol WHERE {{
          {{ ?f rdf:subject {node} ; rdf:object ?o . BIND({node} AS ?s) }}
          UNION {{ ?f rdf:object {node} ; rdf:subject ?s . BIND({node} AS ?o) }}
          ?f rdf:predicate ?p .
          ?s skos:prefLabel ?sl . ?o skos:prefLabel ?ol .
        }}""")
    for r, article in _with_details(store, rows, ("f", "sl", "p", "ol"), ("p", "sl", "ol")):
        predicate = r["p"].value.rsplit("#", 1)[-1]
        when = f" [{r['asOf'].value}]" if r["asOf"] else ""
        source = " (from the registry)" if r["prov"] and r["prov"].value.endswith("FromRegistry") else ""
        yield Statement(f"{r['sl'].value} {predicate} {r['ol'].value}{when}{source}", _value(r["quote"]) or None,
                        article)


def _figures(store: pyoxigraph.Store, node: str):
    rows = _query(store, f"""
        SELECT ?f ?type ?surface WHERE {{
          ?f ik:agent {node} ; a ?type ; ik:surfaceForm ?surface .
          FILTER(?type IN (ik:AmountFact, ik:CountFact))
        }}""")
    variables = ("f", "type", "kind", "value", "count", "unit", "surface", "bl")
    for r, article in _with_details(store, _figure_rows(store, rows), variables, ("type", "kind")):
        kind = r["kind"].value.rsplit("#", 1)[-1] if r["kind"] else "?"
        amount = format_yuan(Decimal(r["value"].value)) if r["value"] else f"{r['count'].value} {r['unit'].value}"
        written = r["surface"].value
        figure = f"{kind} {amount}" + ("" if written == amount.replace(" ", "") else f" (written {written})")
        to = f" → {r['bl'].value}" if r["bl"] else ""
        when = f" as of {r['asOf'].value}" if r["asOf"] else ""
        yield Statement(f"{figure}{to}{when}", _value(r["quote"]) or None, article)


def _figure_rows(store: pyoxigraph.Store, rows):
    """Each figure with its kind, amount or count and unit, and beneficiary's label (one row per
    beneficiary label), read by the node (see _with_details for why)."""
    def one(node, name):
        found = _objects(store, node, pyoxigraph.NamedNode(f"{_IK}{name}")) if node is not None else []
        return found[0] if found else None

    for row in rows:
        f = row["f"]
        values = {"f": f, "type": row["type"], "surface": row["surface"], "value": None, "count": None, "unit": None}
        amount_kind, count_kind = one(f, "amountKind"), one(f, "countKind")
        money = one(f, "amount")
        worth = _objects(store, money, _VALUE)[:1] if money is not None else []
        if amount_kind is not None and worth:
            values |= {"kind": amount_kind, "value": worth[0]}
        elif count_kind is not None and one(f, "count") is not None and one(f, "unit") is not None:
            values |= {"kind": count_kind, "count": one(f, "count"), "unit": one(f, "unit")}
        else:
            values["kind"] = None
        labels = [label for b in _objects(store, f, pyoxigraph.NamedNode(f"{_IK}beneficiary"))
                  for label in _objects(store, b, _PREF_LABEL)]
        for label in labels or [None]:
            yield values | {"bl": label}


def render(ex: Explanation) -> str:
    """The explanation as text for the terminal."""
    lines = [f"{ex.label} ({', '.join(ex.classes)}) <{ex.iri}>"]
    if ex.aliases:
        lines.append(f"  also written: {' / '.join(ex.aliases)}")
    if not ex.statements:
        lines.append("  no facts")
    for st in ex.statements:
        lines.append(f"- {st.text}")
        if st.quote:
            lines.append(f"    > {st.quote}")
        if st.article:
            lines.append(f"    — {st.article}")
    return "\n".join(lines)
