"""The HTML explorer without a browser: self-contained markup, escaped data, money, layout, overview, max_nodes;
the page is read from a store, as `ikg build` writes it."""
import json
import math
import re
from decimal import Decimal

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from graph import build_dataset
from graph.namespaces import ARTICLE, GRAPH, IK, IKR, ORG, RDF, SCHEMA, SKOS
from graph.quantities import format_yuan
from graph.explore import Explorer
from graph.render_html import layout, render_html
from graph.to_rdf import new_dataset

from conftest import FIXTURES, entity, store_of

DATA_BLOCK = re.compile(r'(<script id="graph-data" type="application/json">)(.*?)(</script>)', re.S)
EXTERNAL = [
    re.compile(r"""\b(src|href|action|poster|data)\s*=\s*["']?\s*(https?:)?//""", re.I),
    re.compile(r"""url\(\s*["']?\s*(https?:)?//""", re.I),
    re.compile(r"@import", re.I),
    re.compile(r"<(link|iframe|object|embed)\b|<script[^>]*\ssrc\s*=", re.I),
]


def page_data(html: str) -> dict:
    """The graph the page carries, as the page's script reads it."""
    return json.loads(DATA_BLOCK.search(html).group(2))


def markup(html: str) -> str:
    """The page without its JSON data: what the browser treats as markup, script and style."""
    return DATA_BLOCK.sub(r"\1\3", html)


def external_references(html: str) -> list[str]:
    """Every place the markup, scripts or styles would load something from the network."""
    return [m.group(0) for pattern in EXTERNAL for m in pattern.finditer(markup(html))]


@pytest.fixture(scope="module")
def seed_html(seed_store):
    return render_html(seed_store)


@pytest.fixture(scope="module")
def hostile_html(pipeline):
    return render_html(store_of(build_dataset(FIXTURES / "hostile", pipeline)))


def amount_dataset():
    """A hand-made graph: one insurer with a money figure, one article, one group."""
    ds = new_dataset()
    g = ds.graph(GRAPH["a1"])
    article, insurer, group = ARTICLE["a1"], IKR["ins"], IKR["grp"]
    g.add((article, RDF.type, SCHEMA.NewsArticle))
    g.add((article, SCHEMA.headline, Literal("保险业助力抗疫", lang="zh")))
    g.add((article, SCHEMA.datePublished, Literal("2022-04-28", datatype=XSD.date)))
    for node, cls, label in ((insurer, IK.Insurer, "示例财险"), (group, IK.InsuranceGroup, "示例集团")):
        g.add((node, RDF.type, cls))
        g.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
        g.add((node, IK.mentionedIn, article))
    g.add((insurer, ORG.subOrganizationOf, group))
    for fact, value, written in ((IKR["f1"], "13612000000", "约136.12亿元"), (IKR["f2"], "10000000.0", "1000万元")):
        money, evidence = IKR[f"m-{fact[-2:]}"], IKR[f"e-{fact[-2:]}"]
        for triple in ((fact, RDF.type, IK.AmountFact), (fact, IK.agent, insurer), (fact, IK.amount, money),
                       (money, SCHEMA.value, Literal(value, datatype=XSD.decimal)),
                       (fact, IK.surfaceForm, Literal(written)),
                       (fact, IK.asOf, Literal("2022-04-06", datatype=XSD.date)),
                       (fact, IK.evidence, evidence), (evidence, IK.inArticle, article),
                       (evidence, IK.quote, Literal(f"截至4月6日，示例财险累计提供风险保障{written}。"))):
            g.add(triple)
    return ds


@pytest.mark.parametrize("value, shown", [
    (13612000000, "136.12亿元"), (Decimal("10000000.0"), "1000万元"), ("3400000000.0", "34亿元"),
    (12345, "1.23万元"), (5000, "5000元"), (Decimal("0.5"), "0.5元"), (1.5e12, "1.5万亿元"),
    (99999999, "1亿元"), (9999, "9999元"), (9999.999, "1万元"),
])
def test_money_is_written_the_way_chinese_news_writes_it(value, shown):
    assert format_yuan(value) == shown


def test_the_page_loads_nothing_from_the_network(seed_html, hostile_html):
    for html in (seed_html, hostile_html):
        assert external_references(html) == []
        assert "vis.Network" in html and '<meta charset="utf-8">' in html


def test_the_external_url_check_would_catch_a_reference():
    for bad in ('<script src="https://cdn.example/x.js"></script>', "<img src=//cdn.example/a.png>",
                '<link rel="stylesheet" href="http://cdn.example/b.css">', "a { background: url( 'https://x/y.png') }",
                '@import "https://fonts.example/css";'):
        assert external_references(f"<html>{bad}</html>"), bad


def test_untrusted_text_stays_inside_the_json_data(hostile_html):
    payload = DATA_BLOCK.search(hostile_html).group(2)
    assert "<" not in payload and ">" not in payload  # nothing in the data can end the script element
    outside = markup(hostile_html)
    for needle in ("pwn=", "ikgPwned", "evil.example"):
        assert needle not in outside, needle
    data = page_data(hostile_html)
    labels = {n["label"] for n in data["entities"].values()}
    assert "<img src=x onerror=pwn=4>安心保" in labels  # carried as text, intact, to be shown as text
    assert any("<script>" in a["title"] for a in data["articles"].values())
    assert all(a["url"] == "" for a in data["articles"].values())  # a javascript: address never becomes a link


def test_every_entity_has_its_class_aliases_articles_and_mentions(seed_store, seed_html):
    data = page_data(seed_html)
    entities = data["entities"]
    cpic = next(n for n in entities.values() if n["label"] == "中国太保")
    assert cpic["cls"] == "InsuranceGroup" and "太保" in cpic["aliases"]
    assert cpic["articles"] and all(str(i) in data["articles"] for i in cpic["articles"])
    assert all(n["mentions"] == len(n["articles"]) for n in entities.values())
    assert {c["id"] for c in data["classes"]} == {n["cls"] for n in entities.values()}
    assert {c["id"]: c["shape"] for c in data["classes"]}["InsuranceGroup"] == "diamond"
    assert len(entities) == len(Explorer(seed_store).graph()) == data["total"] == data["included"]
    positions = data["overview"]["positions"]
    assert set(positions) == set(data["overview"]["nodes"]) <= set(entities)
    assert all(isinstance(x, float) and isinstance(y, float) for x, y in positions.values())


def test_links_are_styled_per_relation_and_carry_their_evidence(seed_html):
    data = page_data(seed_html)
    by_relation = {r["id"]: r for r in data["relations"]}
    assert by_relation["org:subOrganizationOf"]["structure"] and not by_relation["ik:provides"]["structure"]
    assert {r["color"] for r in data["relations"] if not r["structure"]}.isdisjoint(
        {r["color"] for r in data["relations"] if r["structure"]})
    assert sum(r["count"] for r in data["relations"]) == len(data["links"])
    for link in data["links"]:
        assert link["rel"] in by_relation and link["from"] in data["entities"] and link["to"] in data["entities"]
        for fact in link["facts"]:
            if not fact["registry"]:
                assert fact["quote"] and data["articles"][str(fact["article"])]["title"]
    registry_only = [all(f["registry"] for f in link["facts"]) for link in data["links"]]
    assert any(registry_only) and not all(registry_only)


def test_the_overview_is_capped_and_aggregates_relations_per_pair(seed_store):
    """The first view: groups first, then the most mentioned, up to the cap; one line per pair."""
    full = Explorer(seed_store).graph()
    data = page_data(render_html(seed_store, overview_nodes=20))
    view = data["overview"]
    assert len(view["nodes"]) == 20 and len(data["entities"]) == len(full)  # the rest is there, for details
    groups = {v for v, d in full.nodes(data=True) if d["cls"] == "InsuranceGroup"}
    assert groups & set(view["nodes"])
    others = [v for v in view["nodes"] if v not in groups]
    least = min(full.nodes[v]["mentions"] for v in others)
    assert all(full.nodes[v]["mentions"] <= least for v in set(full) - set(view["nodes"]) - groups)
    pairs = {(p["from"], p["to"]) for p in view["pairs"]}
    assert len(pairs) == len(view["pairs"]) and all(a < b for a, b in pairs)  # one line per unordered pair
    shown = set(view["nodes"])
    for p in view["pairs"]:
        assert p["from"] in shown and p["to"] in shown
        between = [(s, o, k) for s, o, k in full.edges(keys=True) if {s, o} == {p["from"], p["to"]}]
        assert set(p["rels"]) == {k for *_, k in between}
        assert sum(p["rels"].values()) >= len(between)  # each relation counts its evidence, at least once
    assert any(sum(p["rels"].values()) > 1 for p in view["pairs"])


def test_amount_facts_are_shown_formatted_with_their_evidence():
    data = page_data(render_html(store_of(amount_dataset())))
    insurer = next(n for n in data["entities"].values() if n["label"] == "示例财险")
    assert [(m["value"], m["surface"], m["asOf"]) for m in sorted(insurer["amounts"], key=lambda m: m["value"])] == [
        ("1000万元", "1000万元", "2022-04-06"), ("136.12亿元", "约136.12亿元", "2022-04-06")]
    assert all(data["articles"][str(m["article"])]["date"] == "2022-04-28" and "示例财险" in m["quote"]
               for m in insurer["amounts"])


def test_a_graph_without_amount_facts_renders(seed_graph):
    ds = new_dataset()
    for s, p, o in seed_graph.triples((None, None, None)):
        if (s, RDF.type, IK.AmountFact) not in seed_graph:
            ds.graph(GRAPH["copy"]).add((s, p, o))
    data = page_data(render_html(store_of(ds)))
    assert data["entities"] and not any(n["amounts"] for n in data["entities"].values())


def test_members_are_placed_near_their_group(seed_store):
    g = Explorer(seed_store).graph()
    positions, clusters = layout(g)
    groups = [v for v, d in g.nodes(data=True) if d["cls"] == "InsuranceGroup"]
    members = [(s, o) for s, o, p in g.edges(keys=True) if p == "org:subOrganizationOf" and o in groups]
    assert len(members) > 10
    circles = {c["id"]: c for c in clusters}
    for member, group in members:  # inside its group's circle, and inside no other group's
        inside = [c for c in clusters if math.dist(positions[member], (c["x"], c["y"])) <= c["r"] + 1]
        assert [c["id"] for c in inside] == [group], (g.nodes[member]["label"], [c["label"] for c in inside])
        assert group in circles
    for a in clusters:  # the circles around the groups do not overlap
        for b in clusters:
            if a is not b:
                assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= a["r"] + b["r"] - 1


def test_max_nodes_keeps_the_most_mentioned(seed_graph, seed_store):
    full = Explorer(seed_store).graph()
    data = page_data(render_html(seed_store, max_nodes=20))
    kept = set(data["entities"])
    assert len(kept) == 20 and data["total"] == len(full) and data["included"] == 20
    least_kept = min(len(full.nodes[n]["articles"]) for n in kept)
    assert all(len(full.nodes[v]["articles"]) <= least_kept for v in set(full) - kept)
    assert all(link["from"] in kept and link["to"] in kept for link in data["links"])
    assert entity(seed_graph, "中国太保") in {entity(seed_graph, n["label"]) for n in data["entities"].values()}
    assert len(page_data(render_html(seed_store, max_nodes=10_000))["entities"]) == len(full)
    with pytest.raises(ValueError):
        render_html(seed_store, max_nodes=-1)


def test_an_empty_graph_still_renders():
    data = page_data(render_html(store_of(new_dataset()), title="空"))
    assert data["entities"] == {} and data["links"] == [] and data["total"] == 0
    assert data["overview"]["nodes"] == [] and data["overview"]["pairs"] == []


def test_the_page_quotes_the_latest_evidence_and_counts_the_rest(seed_graph, monkeypatch):
    """graph.html carries a bounded share of each entity's articles and each relation's evidence,
    the most recent, and says how many more there are; what it lists can still be clicked through."""
    from graph import entity_index

    monkeypatch.setattr(entity_index, "LISTED_EVIDENCE", 1)
    monkeypatch.setattr(entity_index, "LISTED_MENTIONS", 1)
    # the summary graph is made with one quote per relation and one article per entity
    full = page_data(render_html(store_of(seed_graph)))
    monkeypatch.undo()
    whole = page_data(render_html(store_of(seed_graph)))
    assert full["entities"].keys() == whole["entities"].keys()
    assert all(len(n["articles"]) == min(1, n["mentions"]) for n in full["entities"].values())
    by_link = {(l["from"], l["rel"], l["to"]): l for l in whole["links"]}
    cut = 0
    for link in full["links"]:
        other = by_link[(link["from"], link["rel"], link["to"])]
        texts = [f for f in link["facts"] if not f["registry"]]
        assert len(texts) <= 1 and len(texts) + link.get("more", 0) == sum(not f["registry"] for f in other["facts"])
        assert all(f["quote"] and full["articles"][str(f["article"])]["title"] for f in texts)
        cut += bool(link.get("more"))
    assert cut  # the seeds have relations with more than one piece of evidence
    assert full["overview"]["pairs"] == whole["overview"]["pairs"]  # the overview counts all the evidence
