"""Property-based tests: arbitrary text and markup never crash ingest or extraction, offsets always
index into the text, and the RDF written always parses."""
import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import ArticleError
from graph.ingest import parse_article
from graph.to_rdf import add_extraction, new_dataset

# Pieces real articles are made of: names the registry knows, markup, punctuation, figures, dates.
PIECES = ["中国太保", "太安农险", "平安产险上海分公司", "上海分公司", "旗下财险公司", "公司", "人保", "“", "”", "「",
          "」", "，", "。", "；", "、", "（简称“", "）", "<p>", "</p>", "<a href='x'>", "</a>", "<script>", "</script>",
          "<!--", "-->", "---\n", "title: x\n", "date: 2022-04-28\n", "\n", " ", "约", "136.12亿元", "1000万元",
          "百万元", "截至4月6日", "3月14日", "推出", "为", "向", "捐赠", "医护人员", "在上海银保监局指导下", "&amp;",
          "&#x4e2d;", "\ufeff", "\x00", "ＡＢＣ", "中華", "😀", "[链接](http://x)", "**", "#", "<img src=x onerror=1>"]

articles = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)
settings.register_profile("ikg", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile("ikg")


@given(articles)
def test_ingest_returns_a_document_or_a_one_line_article_error(raw):
    try:
        doc = parse_article(raw, "fuzz.txt", "fuzz")
    except ArticleError as err:
        assert "\n" not in str(err) and str(err).startswith("fuzz.txt: ")
        return
    assert doc.text.strip() and doc.title


@given(articles)
def test_extraction_keeps_offsets_inside_the_text_and_writes_parseable_rdf(pipeline, raw):
    try:
        doc = parse_article(raw, "fuzz.txt", "fuzz")
    except ArticleError:
        return
    ex = pipeline.extract(doc)
    for lm in ex.mentions:
        m = lm.mention
        assert 0 <= m.start < m.end <= len(doc.text)
        assert doc.text[m.start:m.end] == m.surface
    for fact in ex.facts:
        ev = fact.evidence
        assert doc.text[ev.start:ev.end] == ev.quote
    for figure in ex.figures:
        q = figure.quantity
        assert doc.text[q.start:q.end] == q.surface and q.value >= 0
    ds = new_dataset()
    add_extraction(ds, ex)
    for fmt, parser in (("nquads", pyoxigraph.RdfFormat.N_QUADS), ("trig", pyoxigraph.RdfFormat.TRIG)):
        data = ds.serialize(format=fmt, encoding="utf-8")
        assert len(list(pyoxigraph.parse(data, format=parser))) == len(ds)
