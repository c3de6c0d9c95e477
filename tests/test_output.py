"""The output contract other tools rely on: files that parse everywhere, stable IRIs, evidence."""
import re

import pyoxigraph
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from graph import build
from graph.namespaces import IK, RDF, SCHEMA

from conftest import SEEDS


def test_turtle_and_trig_parse_with_rdflib_and_pyoxigraph(seed_output):
    out, report = seed_output
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(g) > 2000
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g)
    quads = pyoxigraph.Store()
    quads.load(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    graphs = {str(q.graph_name.value) for q in quads if isinstance(q.graph_name, pyoxigraph.NamedNode)}
    assert {f"https://w3id.org/insurance-kg/graph/{i}" for i in report.built} <= graphs
    assert "https://w3id.org/insurance-kg/graph/registry" in graphs


def test_iris_are_ascii_and_stable_across_runs(seed_output, tmp_path, pipeline):
    out, _ = seed_output
    again = tmp_path / "again"
    build(SEEDS, again, pipeline)
    first, second = (Graph().parse(d / "graph.ttl", format="turtle") for d in (out, again))
    assert isomorphic(first, second)  # the ontology's owl:unionOf lists are blank nodes
    iris = {t for triple in first for t in triple if isinstance(t, URIRef)}
    assert iris == {t for triple in second for t in triple if isinstance(t, URIRef)}
    for triple in first:
        for term in triple:
            if isinstance(term, URIRef):
                assert str(term).isascii(), term


def test_every_quote_is_the_article_text_at_its_offsets(seed_graph):
    evidence = list(seed_graph.subjects(RDF.type, IK.Evidence))
    assert len(evidence) > 40
    for ev in evidence:
        body = str(seed_graph.value(seed_graph.value(ev, IK.inArticle), SCHEMA.articleBody))
        start, end = int(seed_graph.value(ev, IK.start)), int(seed_graph.value(ev, IK.end))
        assert body[start:end] == str(seed_graph.value(ev, IK.quote))


def test_every_relation_has_a_fact_node_with_evidence(seed_graph):
    for name in ("provides", "targets", "supports", "guidedBy", "partnersWith", "donatesTo"):
        triples = list(seed_graph.subject_objects(IK[name]))
        assert triples, name
        for s, o in triples:
            facts = [f for f in seed_graph.subjects(RDF.subject, s)
                     if (f, RDF.predicate, IK[name]) in seed_graph and (f, RDF.object, o) in seed_graph]
            assert facts and all(seed_graph.value(f, IK.evidence) for f in facts), (s, name, o)


def test_articles_carry_their_metadata(seed_graph):
    articles = set(seed_graph.subjects(RDF.type, SCHEMA.NewsArticle))
    assert len(articles) == 5
    dated = {str(seed_graph.value(a, SCHEMA.identifier)): str(seed_graph.value(a, SCHEMA.datePublished))
             for a in articles if seed_graph.value(a, SCHEMA.datePublished)}
    assert dated == {"001_bf52da6889761ee3": "2022-03-29", "002_4490f46f4f8b8fae": "2022-03-30",
                     "004_89203e62b05a25ab": "2022-04-28"}


def test_html_is_self_contained_and_shows_chinese(seed_output):
    html = (seed_output[0] / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", html, re.I)
    assert "vis.Network" in html and '<meta charset="utf-8">' in html
    assert "中国太保" in html and "太平洋安信农险" in html


def test_rebuilding_after_editing_one_article_changes_only_its_graph(tmp_path, pipeline):
    src = tmp_path / "in"
    src.mkdir()
    for path in sorted(SEEDS.iterdir())[:3]:
        (src / path.name).write_bytes(path.read_bytes())
    build(src, tmp_path / "before", pipeline, check=False)
    edited = sorted(src.iterdir())[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n太保寿险推出“守护者”团意险。", encoding="utf-8")
    build(src, tmp_path / "after", pipeline, check=False)

    def graphs(folder):
        store = pyoxigraph.Store()
        store.load(path=str(folder / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
        out = {}
        for q in store:  # blank nodes (the ontology's owl:unionOf lists) get new names on every parse
            if not any(isinstance(t, pyoxigraph.BlankNode) for t in (q.subject, q.object)):
                out.setdefault(str(q.graph_name), set()).add((str(q.subject), str(q.predicate), str(q.object)))
        return out

    before, after = graphs(tmp_path / "before"), graphs(tmp_path / "after")
    changed = {g for g in before.keys() | after.keys() if before.get(g) != after.get(g)}
    assert changed == {f"<https://w3id.org/insurance-kg/graph/{edited.stem}>"}
