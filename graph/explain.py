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


_EVIDENCE = """
  OPTIONAL { ?f ik:evidence ?ev . ?ev ik:quote ?quote ; ik:inArticle ?art .
             ?art schema:headline ?title . OPTIONAL { ?art schema:datePublished ?published } }
  OPTIONAL { ?f ik:asOf ?asOf }
  OPTIONAL { ?f ik:provenance ?prov }
"""


def _article(row) -> str | None:
    if row["title"] is None:
        return None
    return f"{row['title'].value}" + (f" ({row['published'].value})" if row["published"] else "")


def _relations(store: pyoxigraph.Store, node: str):
    # Both branches start from the entity's IRI, so the store reads its index, not every fact.
    rows = _query(store, f"""
        SELECT DISTINCT ?f ?sl ?p ?ol ?quote ?title ?published ?asOf ?prov WHERE {{
          {{ ?f rdf:subject {node} ; rdf:object ?o . BIND({node} AS ?s) }}
          UNION {{ ?f rdf:object {node} ; rdf:subject ?s . BIND({node} AS ?o) }}
          ?f rdf:predicate ?p .
          ?s skos:prefLabel ?sl . ?o skos:prefLabel ?ol .
          {_EVIDENCE}
        }} ORDER BY ?p ?sl ?ol ?title""")
    for r in rows:
        predicate = r["p"].value.rsplit("#", 1)[-1]
        when = f" [{r['asOf'].value}]" if r["asOf"] else ""
        source = " (from the registry)" if r["prov"] and r["prov"].value.endswith("FromRegistry") else ""
        yield Statement(f"{r['sl'].value} {predicate} {r['ol'].value}{when}{source}", _value(r["quote"]) or None,
                        _article(r))


def _figures(store: pyoxigraph.Store, node: str):
    rows = _query(store, f"""
        SELECT ?type ?kind ?value ?count ?unit ?surface ?bl ?quote ?title ?published ?asOf ?prov WHERE {{
          ?f ik:agent {node} ; a ?type ; ik:surfaceForm ?surface .
          FILTER(?type IN (ik:AmountFact, ik:CountFact))
          OPTIONAL {{ ?f ik:amountKind ?kind ; ik:amount/schema:value ?value }}
          OPTIONAL {{ ?f ik:countKind ?kind ; ik:count ?count ; ik:unit ?unit }}
          OPTIONAL {{ ?f ik:beneficiary/skos:prefLabel ?bl }}
          {_EVIDENCE}
        }} ORDER BY ?type ?kind ?title""")
    for r in rows:
        kind = r["kind"].value.rsplit("#", 1)[-1] if r["kind"] else "?"
        amount = format_yuan(Decimal(r["value"].value)) if r["value"] else f"{r['count'].value} {r['unit'].value}"
        written = r["surface"].value
        figure = f"{kind} {amount}" + ("" if written == amount.replace(" ", "") else f" (written {written})")
        to = f" → {r['bl'].value}" if r["bl"] else ""
        when = f" as of {r['asOf'].value}" if r["asOf"] else ""
        yield Statement(f"{figure}{to}{when}", _value(r["quote"]) or None, _article(r))


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
