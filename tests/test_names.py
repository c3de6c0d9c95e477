"""Awkward names make valid IRIs and RDF every parser accepts, and the same IRI every time."""
import pyoxigraph
import pytest
from rdflib import Graph, URIRef

from graph import build
from graph.iri import entity_iri
from graph.registry import normalise

ARTICLE = """\
---
title: "名称测试：AIG美亚与“中华联合财产保险（上海）”"
date: 2023-07-01
---
AIG美亚推出“安心 保 Plus”旅行险，面向留学生提供保障。
中華聯合財產保險股份有限公司上海分公司推出“暖心保😀”意外险。
某某保险（上海）有限公司与“[特惠]保”合作。
ＡＢＣ人寿推出“ＸＹＺ保”，为骑手提供保障；“双引号\\"保”与'单引号'保险也在其中。
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory, pipeline):
    src = tmp_path_factory.mktemp("names")
    (src / "名称 测试 (1).md").write_text(ARTICLE, encoding="utf-8")
    out = src / "out"
    report = build(src, out, pipeline)
    return out, report


def test_every_format_parses_strictly(built):
    out, report = built
    assert report.built and not report.skipped and report.violations == ()
    g = Graph().parse(out / "graph.ttl", format="turtle")
    nt = g.serialize(format="nt", encoding="utf-8")
    strict = pyoxigraph.Store()
    strict.load(nt, format=pyoxigraph.RdfFormat.N_TRIPLES)  # pyoxigraph's parsers are strict
    assert len(strict) == len(g)
    trig = pyoxigraph.Store()
    trig.load(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    assert len(trig) > len(g) // 2


def test_iris_are_ascii_and_labels_keep_the_names(built):
    out, _ = built
    g = Graph().parse(out / "graph.ttl", format="turtle")
    for triple in g:
        for term in triple:
            if isinstance(term, URIRef):
                assert str(term).isascii() and " " not in str(term), term
    labels = {str(o) for o in g.objects(None, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))}
    assert "暖心保😀" in labels and "AIG美亚" in labels


def test_same_entity_same_iri_whatever_the_width_or_spacing():
    assert entity_iri("Product", "ＸＹＺ保") == entity_iri("Product", "XYZ保")
    assert entity_iri("Product", "安心 保 Plus") == entity_iri("Product", "安心保Plus")
    assert entity_iri("Product", "暖心保😀") == entity_iri("Product", "暖心保😀")
    assert entity_iri("Product", "暖心保") != entity_iri("Initiative", "暖心保")
    assert normalise("中华联合财产保险（上海）") == normalise("中华联合财产保险(上海)")


def test_iris_are_stable_across_builds(built, tmp_path, pipeline):
    out, _ = built
    src = next(out.parent.glob("*.md"))
    again = tmp_path / "again"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / src.name).write_bytes(src.read_bytes())
    build(tmp_path / "in", again, pipeline, check=False)

    def iris(folder):
        g = Graph().parse(folder / "graph.ttl", format="turtle")
        return {t for triple in g for t in triple if isinstance(t, URIRef)}
    assert iris(out) == iris(again)


def test_traditional_and_full_width_names_link_like_simplified_ones(built):
    out, _ = built
    g = Graph().parse(out / "graph.ttl", format="turtle")
    skos = "http://www.w3.org/2004/02/skos/core#"

    def pref(written):
        from rdflib import Literal
        (node,) = set(g.subjects(URIRef(skos + "altLabel"), Literal(written, lang="zh")))
        return str(g.value(node, URIRef(skos + "prefLabel")))

    assert pref("中華聯合財產保險股份有限公司上海分公司") == "中华财险上海分公司"  # the registry's 中华财险
    assert pref("ＡＢＣ人寿") == "ABC人寿"
    assert pref("ＸＹＺ保") == "XYZ保"
