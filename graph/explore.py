"""The explorer's data read from a store: one entity or one article at a time for ``ikg serve``,
and the whole static page (graph.html) that ``ikg build`` writes.

Both are in the shapes the page reads (see render_html.py): entity records, relations with their
facts, articles keyed by an index. Each answer starts from IRIs, so the store's indexes do the
work and an answer costs the same at 200 or 20,000 articles. The static page picks its entities
from the summary graph (entity_index.py: one node per entity, its class, label, mention count and
latest articles) and reads the articles' graphs for those entities only, so writing it costs what
it carries, not what the corpus holds; the served overview and the article index read the whole graph, once per
generation (the server keeps them).
"""
from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation

import networkx as nx
import pyoxigraph

from .entity_index import article_keys
from .lookup import SUMMARY_GRAPH, name_key, search
from .namespaces import ENTITY_CLASSES, IK, SCHEMA, SPARQL_PREFIXES, STRUCTURE
from .quantities import format_yuan
from .render_html import (OVERVIEW_NODES, article_record, entity_record, legend, link_record, overview,
                          _prefixed)

MENTIONS_LISTED = 200  # articles an entity's answer lists (the most recent); the count says how many in all
# What the static page carries per entity and per relation: the most recent, with how many more
# there are (ikg explain and ikg serve show them all). So that writing graph.html costs the same at
# 2,000 articles or 20,000, it reads no more than these (see Explorer.graph).
PAGE_FIGURES = 20  # money figures per entity
CLASS_IRIS = " ".join(f"ik:{c}" for c in ENTITY_CLASSES)
STRUCTURE_IRIS = " ".join(f"org:{name}" for name in STRUCTURE)
SUMMARY = f"<{SUMMARY_GRAPH}>"
# what an article's record holds, by the predicate it is read from
ARTICLE_FIELDS = {str(SCHEMA[p]): name for p, name in (("identifier", "id"), ("headline", "title"),
                  ("datePublished", "date"), ("publisher", "publisher"), ("url", "url"))}
BATCH = 500  # entities per VALUES block when the static page reads their relations


def _rows(store: pyoxigraph.Store, text: str):
    return store.query(text, prefixes=SPARQL_PREFIXES)


_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # a scheme: https:, urn:


def _iri(value: str) -> str:
    """``value`` as a SPARQL IRI term; anything that could break out of ``<…>``, and a relative
    IRI (the query has no base to resolve it against), is refused."""
    if not value or any(c in value for c in '<>"{}|^`\\ \n\r\t') or not _ABSOLUTE.match(value):
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
            self._articles = self._read_articles()
            self._order = _by_date(self._articles)
            self._index = {a: i for i, a in enumerate(self._order)}
        return self._index

    def _read_articles(self, values: str = "") -> dict[str, dict]:
        """Identifier, headline, date, publisher and web address of every article (of those a
        ``VALUES ?a`` block ``values`` names); one of each if an article has several."""
        fields: dict[str, dict[str, str]] = {}
        # one scan of each article's triples, not a seek per field (graph.html cites thousands)
        for r in _rows(self.store, f"""SELECT ?a ?p ?o WHERE {{ {values} ?a a schema:NewsArticle ; ?p ?o .
                FILTER(?p IN (rdf:type, {", ".join(f"<{p}>" for p in ARTICLE_FIELDS)})) }}"""):
            known = fields.setdefault(r["a"].value, {})
            name = ARTICLE_FIELDS.get(r["p"].value)
            if name:
                known[name] = r["o"].value
        found = {}
        for a, known in fields.items():
            url = known.get("url", "")
            found[a] = {
                "id": known.get("id") or a, "title": known.get("title", ""), "date": known.get("date", ""),
                "publisher": known.get("publisher", ""),
                "url": url if url.startswith(("https://", "http://")) else ""}  # no javascript: link, ever
        return found

    def articles(self, numbers) -> dict[str, dict]:
        """The page's records of the articles numbered ``numbers``, keyed by their number as text."""
        self.article_index()
        return {str(i): article_record(self._articles[self._order[i]]) for i in sorted(set(numbers))
                if 0 <= i < len(self._order)}

    # -- entities ------------------------------------------------------------------------------

    def records(self, iris, full: bool = False) -> dict[str, dict]:
        """Entity records of those of ``iris`` that have a contract class and a label; with
        ``full``, their articles and money figures too."""
        info = self._info(iris, full)
        index = self.article_index() if full else {}
        return {iri: entity_record(iri, d, index, articles=full) for iri, d in info.items()}

    def _info(self, iris, full: bool) -> dict[str, dict]:
        """Class, label, aliases and mention count of those of ``iris`` that have a contract class
        and a label; with ``full``, the IRIs of the articles listed and the money figures."""
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
        mentions, amounts = (self._mentions(sorted(info)), self._amounts(sorted(info))) if full else ({}, {})
        for iri, d in info.items():
            d["aliases"] = sorted(d["aliases"] - {d["label"]})
            d["articles"] = mentions.get(iri, [])
            d["amounts"] = amounts.get(iri, [])
        return info

    def _mentions(self, iris: list[str]) -> dict[str, list[str]]:
        """The articles mentioning each of ``iris``, the :data:`MENTIONS_LISTED` latest first.

        One query per :data:`BATCH` entities, not one each: SPARQL cannot cut each entity's list
        on its own, so the pairs come back whole and the latest are picked here by the articles'
        numbers (:meth:`article_index`, read once), which order them by date as the page does."""
        index = self.article_index()
        found: dict[str, set[str]] = defaultdict(set)
        for start in range(0, len(iris), BATCH):
            for r in _rows(self.store, f"""SELECT ?e ?a WHERE {{
                    VALUES ?e {{ {_values(iris[start:start + BATCH])} }} ?e ik:mentionedIn ?a }}"""):
                found[r["e"].value].add(r["a"].value)
        return {iri: heapq.nlargest(MENTIONS_LISTED, (a for a in articles if a in index), key=index.__getitem__)
                for iri, articles in found.items()}

    def _amounts(self, iris: list[str], by_fact: bool = False) -> dict:
        """Money figures of each agent of ``iris``, the largest first among those quoted from one
        sentence; one query per :data:`BATCH` agents. With ``by_fact``, ``iris`` are amount facts
        and each one's figures come unsorted, as (amount, figure)."""
        found: dict[str, list] = defaultdict(list)
        key = "?f" if by_fact else "?e"
        for start in range(0, len(iris), BATCH):
            for r in _rows(self.store, f"""
                    SELECT ?e ?f ?value ?surface ?asOf ?kl ?bl ?art ?quote WHERE {{
                      VALUES {key} {{ {_values(iris[start:start + BATCH])} }}
                      ?f a ik:AmountFact ; ik:agent ?e ; ik:amount/schema:value ?value .
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
                found[r[key[1:]].value].append((amount, {
                    "article": _text(r["art"]) or None, "quote": _text(r["quote"]), "value": format_yuan(amount),
                    "surface": _text(r["surface"]), "asOf": _text(r["asOf"]), "kind": _text(r["kl"]),
                    "beneficiary": _text(r["bl"])}))
        if by_fact:
            return found
        return {iri: [entry for _, entry in sorted(figures, key=lambda x: (x[1]["article"] or "", x[1]["quote"], -x[0]))]
                for iri, figures in found.items()}

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


    # -- the static page ---------------------------------------------------------------------------

    def graph(self, max_nodes: int | None = None) -> nx.MultiDiGraph:
        """The entities the static page includes and one edge per relation between two of them.

        Shown are the entities some article mentions and the parents that place them (a branch's
        insurer and that insurer's group, mentioned or not); ``g.graph["total"]`` is how many.
        With ``max_nodes`` only that many are included, the most mentioned first. Which ones, their
        names, classes, counts and latest articles, and the relations between them with their
        counts of evidence, are read from the summary graph; the articles' graphs are read for the
        most recent of what the page lists only. Nodes carry ``cls``, ``label``, ``aliases``,
        ``mentions``, ``articles`` (IRIs, the :data:`~graph.entity_index.LISTED_MENTIONS` latest),
        ``amounts`` (the latest :data:`PAGE_FIGURES`) and ``more_amounts``; edges are keyed by the prefixed relation and
        carry their ``facts`` (the registry's and the latest quoted, see :meth:`_latest_facts`) and
        ``more`` (the evidence not quoted).
        """
        if max_nodes is not None and max_nodes < 0:
            raise ValueError(f"max_nodes must be at least 0, not {max_nodes}")
        # Every entity's count, but the labels (the order's tie-break) of those that can be included
        # only: joining the two costs a seek per entity (0.2 s at 10,000 articles), reading one scans.
        # The summary gives every entity with a count a label (entity_index._entity writes both).
        counts = {r["e"].value: int(r["n"].value) for r in _rows(self.store, f"""
            SELECT ?e ?n WHERE {{ GRAPH {SUMMARY} {{ ?e ik:mentionCount ?n }} }}""")}
        parents = defaultdict(set)
        for r in _rows(self.store, f"""SELECT ?s ?o WHERE {{ GRAPH {SUMMARY} {{
                VALUES ?p {{ {STRUCTURE_IRIS} }} ?s ?p ?o }} }}"""):
            parents[r["s"].value].add(r["o"].value)
        shown = {iri for iri, n in counts.items() if n}
        todo = list(shown)
        while todo:  # a branch's insurer and that insurer's group place the branch, mentioned or not
            for parent in parents.get(todo.pop(), ()):
                if parent in counts and parent not in shown:
                    shown.add(parent)
                    todo.append(parent)
        by_count = sorted((counts[iri] for iri in shown), reverse=True)
        least = by_count[max_nodes - 1] if max_nodes and max_nodes <= len(by_count) else 0
        labels = self._labels(sorted(iri for iri in shown if counts[iri] >= least)) if max_nodes != 0 else {}
        included = sorted(labels, key=lambda iri: (-counts[iri], labels[iri], iri))[:max_nodes]
        info = self._summary_info(included)
        latest = self._latest_mentions(sorted(info))
        amounts, more_amounts = self._latest_amounts(sorted(info))
        g = nx.MultiDiGraph(total=len(shown))
        for iri in sorted(info):
            g.add_node(iri, **info[iri], articles=latest.get(iri, []), amounts=amounts.get(iri, []),
                       more_amounts=more_amounts.get(iri, 0))
        for (s, p, o), (facts, more) in sorted(self._latest_facts(info).items()):
            g.add_edge(s, o, key=p, facts=facts, more=more)
        return g

    def _labels(self, iris: list[str]) -> dict[str, str]:
        """The preferred label of each of ``iris`` in the summary graph."""
        found = {}
        for start in range(0, len(iris), BATCH):
            for r in _rows(self.store, f"""SELECT ?e ?l WHERE {{ GRAPH {SUMMARY} {{
                    VALUES ?e {{ {_values(iris[start:start + BATCH])} }} ?e skos:prefLabel ?l }} }}"""):
                found[r["e"].value] = r["l"].value
        return found

    def _summary_info(self, iris: list[str]) -> dict[str, dict]:
        """Class, label, aliases and mention count of ``iris``, from the summary graph."""
        info: dict[str, dict] = {}
        for start in range(0, len(iris), BATCH):
            values = _values(iris[start:start + BATCH])
            for r in _rows(self.store, f"""SELECT ?e ?c ?l ?n WHERE {{ GRAPH {SUMMARY} {{ VALUES ?e {{ {values} }}
                    ?e a ?c ; skos:prefLabel ?l ; ik:mentionCount ?n }} }}"""):
                cls = r["c"].value.rsplit("#", 1)[-1]
                if cls in ENTITY_CLASSES:
                    info[r["e"].value] = {"cls": cls, "label": r["l"].value, "aliases": set(),
                                          "mentions": int(r["n"].value)}
            for r in _rows(self.store, f"""SELECT ?e ?a WHERE {{ GRAPH {SUMMARY} {{ VALUES ?e {{ {values} }}
                    ?e skos:altLabel ?a }} }}"""):
                if r["e"].value in info:
                    info[r["e"].value]["aliases"].add(r["a"].value)
        for d in info.values():
            d["aliases"] = sorted(d["aliases"] - {d["label"]})
        return info

    def _latest_mentions(self, iris: list[str]) -> dict[str, list[str]]:
        """The :data:`~graph.entity_index.LISTED_MENTIONS` latest articles mentioning each of
        ``iris``: those the summary graph lists (entity_index.py keeps them), never every article's date."""
        found: dict[str, list[str]] = defaultdict(list)
        for start in range(0, len(iris), BATCH):
            for r in _rows(self.store, f"""SELECT ?e ?a WHERE {{ GRAPH {SUMMARY} {{
                    VALUES ?e {{ {_values(iris[start:start + BATCH])} }} ?e ik:mentionedIn ?a }} }}"""):
                found[r["e"].value].append(r["a"].value)
        return found

    def _latest_facts(self, info: dict[str, dict]) -> dict[tuple[str, str, str], tuple[list[dict], int]]:
        """Per relation between two entities of ``info``: the registry's fact if it has one and its
        latest quoted evidence (the :data:`~graph.entity_index.LISTED_EVIDENCE` its summary names),
        ordered as :meth:`_links` orders facts, and how much evidence was left out. Read from the
        summary graph, the listed evidence and the registry's facts: never a hub's thousands."""
        iris = sorted(info)
        counts: dict[tuple[str, str, str], int] = {}
        listed: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for start in range(0, len(iris), BATCH):
            for r in _rows(self.store, f"""SELECT ?s ?p ?o ?n ?ev WHERE {{ GRAPH {SUMMARY} {{
                    VALUES ?s {{ {_values(iris[start:start + BATCH])} }}
                    ?x a ik:RelationSummary ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ik:evidenceCount ?n .
                    OPTIONAL {{ ?x rdfs:seeAlso ?ev }} }} }}"""):
                if r["o"].value in info:
                    key = (r["s"].value, _prefixed(r["p"].value), r["o"].value)
                    counts[key] = int(r["n"].value)
                    if r["ev"] is not None:
                        listed[key].append(r["ev"].value)
        evidence = sorted({ev for evs in listed.values() for ev in evs})
        quoted: dict[str, tuple[str, str]] = {}
        for start in range(0, len(evidence), BATCH):
            for r in _rows(self.store, f"""SELECT ?ev ?art ?quote WHERE {{ VALUES ?ev {{ {_values(evidence[start:start + BATCH])} }}
                    ?ev ik:inArticle ?art . OPTIONAL {{ ?ev ik:quote ?quote }} }}"""):
                quoted[r["ev"].value] = (r["art"].value, _text(r["quote"]))
        registry = set()  # the registry's facts: a few per registry entry, whatever the corpus
        for r in _rows(self.store, """SELECT ?s ?p ?o WHERE { ?f ik:provenance ik:FromRegistry ;
                rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; a ?kind
                FILTER(?kind IN (ik:RelationFact, ik:StructureFact)) }"""):
            registry.add((r["s"].value, _prefixed(r["p"].value), r["o"].value))
        out = {}
        for key, count in counts.items():
            facts = {("", quoted[ev][0], quoted[ev][1]): {"article": quoted[ev][0], "quote": quoted[ev][1], "registry": False}
                     for ev in listed.get(key, []) if ev in quoted}
            if key in registry:
                facts[("registry", "", "")] = {"article": None, "quote": "", "registry": True}
            if facts:
                texts = sum(not f["registry"] for f in facts.values())
                out[key] = ([f for _, f in sorted(facts.items(), key=lambda kv: (kv[1]["registry"], kv[0][1], kv[0][2]))],
                            max(0, count - texts))
        return out

    def _latest_amounts(self, iris: list[str]) -> tuple[dict[str, list[dict]], dict[str, int]]:
        """The :data:`PAGE_FIGURES` most recent money figures of each agent of ``iris`` (ordered as
        :meth:`_amounts` orders them), and how many were left out. A figure is as recent as the
        latest news article it is quoted from (entity_index.article_keys); one from none is the oldest."""
        cited: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for start in range(0, len(iris), BATCH):
            for r in _rows(self.store, f"""SELECT ?e ?f ?art WHERE {{ VALUES ?e {{ {_values(iris[start:start + BATCH])} }}
                    ?f ik:agent ?e ; a ik:AmountFact . OPTIONAL {{ ?f ik:evidence/ik:inArticle ?art }} }}"""):
                cited[r["e"].value][r["f"].value].add(_text(r["art"]))
        # an agent with no more figures than the page lists shows them all: its articles need no date
        keys = article_keys(self.store, {a for fs in cited.values() if len(fs) > PAGE_FIGURES
                                         for arts in fs.values() for a in arts if a})
        dated = {e: {f: max((keys[a] for a in arts if a in keys), default=()) for f, arts in fs.items()}
                 for e, fs in cited.items()}
        # the latest first, and among figures as recent, by IRI (a stable sort keeps that order)
        chosen = {e: sorted(sorted(fs), key=fs.__getitem__, reverse=True)[:PAGE_FIGURES] for e, fs in dated.items()}
        figures = self._amounts(sorted({f for fs in chosen.values() for f in fs}), by_fact=True)
        out = {}
        for e, fs in chosen.items():
            out[e] = sorted((x for f in fs for x in figures.get(f, [])),
                            key=lambda x: (x[1]["article"] or "", x[1]["quote"], -x[0]))
            out[e] = [entry for _, entry in out[e]]
        return out, {e: max(0, len(fs) - PAGE_FIGURES) for e, fs in dated.items()}

    def page(self, max_nodes: int | None = None, overview_nodes: int = OVERVIEW_NODES) -> dict:
        """The static page's data: the entities of :meth:`graph` with their latest articles and
        figures, every relation between them with its latest facts and quotes, the articles those
        cite (numbered by date among themselves), the legend and the overview (see render_html.overview)."""
        g = self.graph(max_nodes)
        cited = {f["article"] for *_, d in g.edges(data=True) for f in d["facts"]}
        for _, d in g.nodes(data=True):
            cited |= set(d["articles"]) | {f["article"] for f in d["amounts"]}
        found = self._records(sorted(a for a in cited if a))
        order = _by_date(found)
        index = {a: i for i, a in enumerate(order)}
        classes, relations = legend(Counter(d["cls"] for _, d in g.nodes(data=True)),
                                    Counter(p for *_, p in g.edges(keys=True)))
        return {"mode": "static", "classes": classes, "relations": relations,
                "entities": {iri: entity_record(iri, d, index) for iri, d in g.nodes(data=True)},
                "links": [link_record(s, p, o, d["facts"], index, d["more"]) for s, o, p, d in g.edges(keys=True, data=True)],
                "articles": {str(i): article_record(found[a]) for i, a in enumerate(order)},
                "articleCount": len(order),
                "overview": overview(g, overview_nodes), "total": g.graph["total"], "included": len(g)}

    def _records(self, iris: list[str]) -> dict[str, dict]:
        """Identifier, headline, date, publisher and web address of the articles ``iris``."""
        found = {}
        for start in range(0, len(iris), BATCH):
            found.update(self._read_articles(f"VALUES ?a {{ {_values(iris[start:start + BATCH])} }}"))
        return found


def _by_date(articles: dict[str, dict]) -> list[str]:
    """The IRIs of ``articles`` by date, then identifier: the order the page numbers them in."""
    return sorted(articles, key=lambda a: (articles[a]["date"], articles[a]["id"]))


def _text(term) -> str:
    return "" if term is None else term.value
