"""The explorer's data read from a store, one entity or one article at a time (for ``ikg serve``).

It answers in the shapes that the page reads in the static file (see render_html.py): entity
records, relations with their facts, articles keyed by an index. Each answer starts from IRIs, so
the store's indexes do the work and an answer costs the same at 200 or 20,000 articles; only the
overview and the article index read the whole graph, once per generation (the server keeps them).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation

import networkx as nx
import pyoxigraph

from .lookup import name_key, search
from .namespaces import ENTITY_CLASSES, IK, SPARQL_PREFIXES
from .quantities import format_yuan
from .render_html import (OVERVIEW_NODES, article_record, entity_record, legend, link_record, overview,
                          _prefixed)

MENTIONS_LISTED = 200  # articles an entity's answer lists (the most recent); the count says how many in all
CLASS_IRIS = " ".join(f"ik:{c}" for c in ENTITY_CLASSES)


def _rows(store: pyoxigraph.Store, text: str):
    return store.query(text, prefixes=SPARQL_PREFIXES)


def _iri(value: str) -> str:
    """``value`` as a SPARQL IRI term; anything that could break out of ``<…>`` is refused."""
    if not value or any(c in value for c in '<>"{}|^`\\ \n\r\t'):
        raise ValueError(f"not an IRI: {value!r}")
    return f"<{value}>"


def _values(iris) -> str:
    return " ".join(_iri(i) for i in iris)


class Explorer:
    """The explorer's answers over one store (one generation: what it reads never changes)."""

    def __init__(self, store: pyoxigraph.Store):
        self.store = store
        self._index: dict[str, int] | None = None
        self._order: list[str] = []
        self._articles: dict[str, dict] = {}

    # -- articles ------------------------------------------------------------------------------

    def article_index(self) -> dict[str, int]:
        """Every article's IRI and its number, by date then identifier (as the static page numbers them)."""
        if self._index is None:
            rows = _rows(self.store, """
                SELECT ?a ?id ?title ?date ?publisher ?url WHERE { ?a a schema:NewsArticle .
                  OPTIONAL { ?a schema:identifier ?id } OPTIONAL { ?a schema:headline ?title }
                  OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:publisher ?publisher }
                  OPTIONAL { ?a schema:url ?url } }""")
            for r in rows:
                url = _text(r["url"])
                self._articles[r["a"].value] = {
                    "id": _text(r["id"]) or r["a"].value, "title": _text(r["title"]), "date": _text(r["date"]),
                    "publisher": _text(r["publisher"]),
                    "url": url if url.startswith(("https://", "http://")) else ""}  # no javascript: link, ever
            self._order = sorted(self._articles, key=lambda a: (self._articles[a]["date"], self._articles[a]["id"]))
            self._index = {a: i for i, a in enumerate(self._order)}
        return self._index

    def articles(self, numbers) -> dict[str, dict]:
        """The page's records of the articles numbered ``numbers``, keyed by their number as text."""
        self.article_index()
        return {str(i): article_record(self._articles[self._order[i]]) for i in sorted(set(numbers))
                if 0 <= i < len(self._order)}

    # -- entities ------------------------------------------------------------------------------

    def records(self, iris, full: bool = False) -> dict[str, dict]:
        """Entity records of those of ``iris`` that have a contract class and a label; with
        ``full``, their articles and money figures too."""
        iris = sorted(set(iris))
        if not iris:
            return {}
        info: dict[str, dict] = {}
        for r in _rows(self.store, f"""
                SELECT ?e ?c ?l WHERE {{ VALUES ?e {{ {_values(iris)} }} VALUES ?c {{ {CLASS_IRIS} }}
                  ?e a ?c ; skos:prefLabel ?l }}"""):
            cls = r["c"].value.rsplit("#", 1)[-1]
            known = info.get(r["e"].value)
            # a node with two contract classes shows the first one, as in the static page
            if known is None or ENTITY_CLASSES.index(cls) < ENTITY_CLASSES.index(known["cls"]):
                info[r["e"].value] = {"cls": cls, "label": r["l"].value, "aliases": set(), "mentions": 0}
        values = _values(info)
        if not values:
            return {}
        for r in _rows(self.store, f"SELECT ?e ?a WHERE {{ VALUES ?e {{ {values} }} ?e skos:altLabel ?a }}"):
            info[r["e"].value]["aliases"].add(r["a"].value)
        for r in _rows(self.store, f"""SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE {{ VALUES ?e {{ {values} }}
                                       ?e ik:mentionedIn ?a }} GROUP BY ?e"""):
            info[r["e"].value]["mentions"] = int(r["n"].value)
        index = self.article_index() if full else {}
        out = {}
        for iri, d in info.items():
            d["aliases"] = sorted(d["aliases"] - {d["label"]})
            d["articles"], d["amounts"] = [], []
            if full:
                d["articles"] = self._mentions(iri, index)
                d["amounts"] = self._amounts(iri)
            out[iri] = entity_record(iri, d, index, articles=full)
        return out

    def _mentions(self, iri: str, index: dict[str, int]) -> list[str]:
        mentioned = [r["a"].value for r in _rows(self.store, f"SELECT DISTINCT ?a WHERE {{ {_iri(iri)} ik:mentionedIn ?a }}")]
        return sorted((a for a in mentioned if a in index), key=index.get)[-MENTIONS_LISTED:]

    def _amounts(self, iri: str) -> list[dict]:
        """Money figures of an agent, as render_html._amounts gives them."""
        found = []
        for r in _rows(self.store, f"""
                SELECT ?value ?surface ?asOf ?kl ?bl ?art ?quote WHERE {{
                  ?f a ik:AmountFact ; ik:agent {_iri(iri)} ; ik:amount/schema:value ?value .
                  OPTIONAL {{ ?f ik:surfaceForm ?surface }} OPTIONAL {{ ?f ik:asOf ?asOf }}
                  OPTIONAL {{ ?f ik:amountKind/rdfs:label ?kl FILTER(LANG(?kl) = "zh") }}
                  OPTIONAL {{ ?f ik:beneficiary/skos:prefLabel ?bl }}
                  OPTIONAL {{ ?f ik:evidence ?ev . ?ev ik:inArticle ?art . OPTIONAL {{ ?ev ik:quote ?quote }} }} }}"""):
            try:
                amount = Decimal(r["value"].value)
            except InvalidOperation:
                continue
            if not amount.is_finite():
                continue
            found.append((amount, {"article": _text(r["art"]) or None, "quote": _text(r["quote"]),
                                   "value": format_yuan(amount), "surface": _text(r["surface"]),
                                   "asOf": _text(r["asOf"]), "kind": _text(r["kl"]), "beneficiary": _text(r["bl"])}))
        return [entry for _, entry in sorted(found, key=lambda x: (x[1]["article"] or "", x[1]["quote"], -x[0]))]

    def _links(self, where: str) -> dict[tuple[str, str, str], list[dict]]:
        """Relation and structure facts matching ``where`` (a pattern on ?f), per (s, p, o)."""
        grouped: dict[tuple[str, str, str], dict] = defaultdict(dict)
        for r in _rows(self.store, f"""
                SELECT ?s ?p ?o ?art ?quote ?prov WHERE {{
                  {where}
                  ?f a ?kind FILTER(?kind IN (ik:RelationFact, ik:StructureFact))
                  ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                  OPTIONAL {{ ?f ik:evidence ?ev . ?ev ik:inArticle ?art . OPTIONAL {{ ?ev ik:quote ?quote }} }}
                  OPTIONAL {{ ?f ik:provenance ?prov }} }}"""):
            fact = {"article": _text(r["art"]) or None, "quote": _text(r["quote"]),
                    "registry": _text(r["prov"]) == str(IK.FromRegistry)}
            key = (r["s"].value, _prefixed(r["p"].value), r["o"].value)
            grouped[key][(fact["registry"], fact["article"] or "", fact["quote"])] = fact  # text first
        return {key: [facts[k] for k in sorted(facts)] for key, facts in grouped.items()}

    def _answer(self, members, links) -> dict:
        """An answer the page merges: records of the entities named, the relations, the articles cited."""
        named = set(members) | {s for s, _, _ in links} | {o for _, _, o in links}
        records = self.records(named - set(members))
        records.update(self.records(members, full=True))
        index = self.article_index()
        cited = {index[f["article"]] for facts in links.values() for f in facts if f["article"] in index}
        for r in records.values():
            cited |= set(r.get("articles", [])) | {f["article"] for f in r.get("amounts", []) if f["article"] is not None}
        return {"entities": list(records.values()),
                "links": [link_record(s, p, o, facts, index) for (s, p, o), facts in sorted(links.items())
                          if s in records and o in records],
                "articles": self.articles(cited)}

    def entity(self, iri: str) -> dict:
        """The entity ``iri`` with its articles and figures, every relation it has with the facts and
        quotes behind each, the records of the entities at the other ends, and the articles cited."""
        node = _iri(iri)
        links = self._links(f"{{ ?f rdf:subject {node} }} UNION {{ ?f rdf:object {node} }}")
        found = self._answer([iri], links)
        if not any(r["id"] == iri for r in found["entities"]):
            raise LookupError(f"no entity {iri}")
        return found

    def article(self, number: int) -> dict:
        """The entities an article mentions, the relations it states and the structure that places them."""
        by_number = {i: a for a, i in self.article_index().items()}
        if number not in by_number:
            raise LookupError(f"no article number {number}")
        node = _iri(by_number[number])
        members = [r["e"].value for r in _rows(self.store, f"SELECT DISTINCT ?e WHERE {{ ?e ik:mentionedIn {node} }}")]
        links = self._links(f"?f ik:evidence/ik:inArticle {node} .")
        if members:
            links.update(self._links(f"""VALUES ?s {{ {_values(members)} }} ?f rdf:subject ?s .
                                         VALUES ?p {{ org:subOrganizationOf org:unitOf }} ?f rdf:predicate ?p ."""))
        return self._answer([m for m in members if m], links)

    # -- search and the first view ---------------------------------------------------------------

    def lookup(self, name: str, limit: int = 12) -> dict:
        """Entities one of whose names contains ``name`` (folded: any width, traditional or
        simplified), best first, from the names index (graph.lookup.search): {"hits": [{id, label,
        cls, alias}], "total": n}; ``alias`` is the name that matched when the label does not."""
        hits = search(self.store, name, limit)
        wanted, aliases = name_key(name), {iri: r["aliases"] for iri, r in self.records(h.iri for h in hits).items()}
        found = [{"id": h.iri, "label": h.label, "cls": h.cls,
                  "alias": None if wanted in name_key(h.label)
                  else next((a for a in aliases.get(h.iri, []) if wanted in name_key(a)), None)}
                 for h in hits if h.cls]
        return {"hits": found, "total": len(found)}

    def overview(self, cap: int = OVERVIEW_NODES) -> dict:
        """The page's data for the first view: legend, the overview and its entities' records."""
        mentions = {r["e"].value: int(r["n"].value) for r in _rows(self.store, """
            SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e ik:mentionedIn ?a } GROUP BY ?e""")}
        classes = {}
        for r in _rows(self.store, f"SELECT ?e ?c WHERE {{ VALUES ?c {{ {CLASS_IRIS} }} ?e a ?c }}"):
            cls, known = r["c"].value.rsplit("#", 1)[-1], classes.get(r["e"].value)
            if known is None or ENTITY_CLASSES.index(cls) < ENTITY_CLASSES.index(known):
                classes[r["e"].value] = cls
        shown = {e for e in mentions if e in classes}
        relations = Counter()
        for r in _rows(self.store, """
                SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE {
                  ?f a ?kind FILTER(?kind IN (ik:RelationFact, ik:StructureFact))
                  ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } } GROUP BY ?p"""):
            relations[_prefixed(r["p"].value)] = int(r["n"].value)
        # The candidates: every group and the most mentioned others, as overview() will choose them.
        ranked = sorted(shown, key=lambda e: (-mentions[e], e))
        groups = [e for e in ranked if classes[e] == "InsuranceGroup"][:cap // 4]
        candidates = set(groups) | set([e for e in ranked if e not in set(groups)][:cap])
        records = self.records(candidates)
        g = nx.MultiDiGraph()
        for iri, r in records.items():
            g.add_node(iri, cls=r["cls"], label=r["label"], aliases=r["aliases"], mentions=r["mentions"])
        if records:
            for (s, p, o), facts in self._links(f"VALUES ?s {{ {_values(records)} }} ?f rdf:subject ?s .").items():
                if o in records:
                    g.add_edge(s, o, key=p, facts=facts)
        view = overview(g, cap)
        classes_legend, relations_legend = legend(Counter(classes[e] for e in shown), relations)
        return {"mode": "served", "classes": classes_legend, "relations": relations_legend,
                "entities": {iri: records[iri] for iri in view["nodes"]}, "links": [],
                "articles": self.articles(range(len(self.article_index()))), "articleCount": len(self.article_index()),
                "overview": view, "total": len(shown), "included": len(shown)}


def _text(term) -> str:
    return "" if term is None else term.value
