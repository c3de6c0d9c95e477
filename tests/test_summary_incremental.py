"""The summary graph kept up to date by difference equals one computed from scratch.

GraphStore.replace updates the relation summaries from the rows the replaced graph's facts give
before and after (entity_index.update_relations), not from all their evidence. Random articles
are added, changed and deleted in a store in memory, a few graphs at a time as a build does, and
after each build the names index and summary graph equal those of a store loaded whole from the
same graphs. The articles share entities (hub pairs), restate each other's facts and evidence, are
dated, undated or re-dated, news or not, and have more evidence than a summary lists, and their
entities more news articles than it lists.
"""
import random

import pyoxigraph
import pytest

from graph import entity_index
from graph.lookup import NAMES_GRAPH, SUMMARY_GRAPH
from graph.store import GraphStore

from graph.namespaces import IK as _IK

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
ENTITIES = [f"http://e.example/{i}" for i in range(6)]
PREDICATES = [f"{_IK}provides", f"{_IK}partnersWith"]


def article(doc: int, rng: random.Random, version: int) -> bytes:
    """One article's graph, as N-Quads: dated or not, mentioning entities, with facts."""
    g = f"<http://g.example/{doc}>"
    a = f"<http://a.example/{doc}>"
    lines = []
    if rng.random() < 0.8:  # rarely a date the count's sentinels for "undated" hide
        date = rng.choice(["0001-01-01", "9999-12-31"]) if rng.random() < 0.03 else \
            f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        lines.append(f'{a} <{SCHEMA}datePublished> "{date}"^^<http://www.w3.org/2001/XMLSchema#date> {g} .')
    if rng.random() < 0.9:  # the latest mentions listed are of news articles, by date then identifier
        lines.append(f"{a} <{RDF}type> <{SCHEMA}NewsArticle> {g} .")
    if rng.random() < 0.7:  # some share one: then the IRI decides
        lines.append(f'{a} <{SCHEMA}identifier> "id{rng.randint(0, 3)}" {g} .')
    for e in rng.sample(ENTITIES, 3):
        lines.append(f"<{e}> <{_IK}mentionedIn> {a} {g} .")
        lines.append(f"<{e}> <{RDF}type> <{_IK}Insurer> {g} .")
        lines.append(f'<{e}> <{SKOS}prefLabel> "名{e[-1]}"@zh {g} .')
        if rng.random() < 0.3:
            lines.append(f'<{e}> <{SKOS}altLabel> "别{e[-1]}{version % 2}"@zh {g} .')
    for n in range(rng.randint(0, 8)):
        s, o = rng.sample(ENTITIES[:3], 2)  # few entities: the same pairs again and again
        p = rng.choice(PREDICATES)
        owner = doc if rng.random() < 0.7 else rng.randint(0, 7)  # sometimes restates another's
        cites = owner if rng.random() < 0.7 else rng.randint(0, 7)  # or cites another's evidence
        f = f"<http://f.example/{owner}/{s[-1]}{o[-1]}{p[-1]}{n}>"
        kind = rng.choice(["RelationFact", "StructureFact"])
        lines += [f"{f} <{RDF}type> <{_IK}{kind}> {g} .", f"{f} <{RDF}subject> <{s}> {g} .",
                  f"{f} <{RDF}predicate> <{p}> {g} .", f"{f} <{RDF}object> <{o}> {g} ."]
        if rng.random() < 0.9:
            ev = f"<http://ev.example/{cites}/{rng.randint(0, 5)}>"
            lines.append(f"{f} <{_IK}evidence> {ev} {g} .")
            if cites == doc or rng.random() < 0.5:  # another's evidence, placed or not
                lines.append(f"{ev} <{_IK}inArticle> <http://a.example/{cites}> {g} .")
    return "\n".join(lines).encode() + b"\n"


def reference() -> bytes:
    """A registry fact without evidence (count 0) between two of the entities."""
    g, f = "<http://g.example/reference>", "<http://f.example/registry>"
    return "\n".join([f"{f} <{RDF}type> <{_IK}StructureFact> {g} .",
                      f"{f} <{RDF}subject> <{ENTITIES[0]}> {g} .",
                      f"{f} <{RDF}predicate> <{PREDICATES[0]}> {g} .",
                      f"{f} <{RDF}object> <{ENTITIES[1]}> {g} ."]).encode() + b"\n"


def derived(store: pyoxigraph.Store) -> dict[str, set[str]]:
    out = {}
    for graph in (NAMES_GRAPH, SUMMARY_GRAPH):
        quads = store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(str(graph)))
        out[str(graph)] = set(pyoxigraph.serialize([q.triple for q in quads],
                                                   format=pyoxigraph.RdfFormat.N_TRIPLES).splitlines())
    return out


def from_scratch(graphs: dict[int, bytes]) -> dict[str, set[str]]:
    whole = GraphStore(None)
    whole.load_all([reference(), *(graphs[d] for d in sorted(graphs))])
    return derived(whole.store)


@pytest.mark.parametrize("seed", range(12))
def test_summary_updated_by_difference_equals_a_full_recount(seed, monkeypatch):
    monkeypatch.setattr(entity_index, "LISTED_EVIDENCE", 1)  # fewer than a pair's evidence
    monkeypatch.setattr(entity_index, "LISTED_MENTIONS", 2)  # fewer than an entity's articles
    rng = random.Random(seed)
    graphs = {doc: article(doc, rng, 0) for doc in range(4)}
    live = GraphStore(None)
    live.load_all([reference(), *(graphs[d] for d in sorted(graphs))])
    assert derived(live.store) == from_scratch(graphs)
    calls = {"adjusted": 0, "counted again": 0, "mentions read again": 0}
    for name, key in (("_adjust", "adjusted"), ("_statements", "counted again"), ("_mentions", "mentions read again")):
        def counting(*args, _real=getattr(entity_index, name), _key=key):
            calls[_key] += 1
            return _real(*args)
        monkeypatch.setattr(entity_index, name, counting)
    for step in range(25):
        touched = entity_index.Touched()
        for _ in range(rng.randint(1, 3)):  # a build replaces a few graphs, then refreshes once
            doc = rng.randint(0, 7)
            if doc in graphs and rng.random() < 0.25:
                del graphs[doc]
                touched |= live.replace(f"http://g.example/{doc}", None)
            else:
                graphs[doc] = article(doc, rng, step + 1)
                touched |= live.replace(f"http://g.example/{doc}", graphs[doc])
        live.refresh_index(touched)
        assert derived(live.store) == from_scratch(graphs), f"seed {seed}, build {step}"
    assert calls["adjusted"] > 10 and calls["counted again"] > 0  # both ways were taken
    assert calls["mentions read again"] > 0
