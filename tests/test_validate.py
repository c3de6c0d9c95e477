"""SHACL validation: the seeds' graph conforms; graphs broken on purpose fail, said readably."""
from decimal import Decimal

import pytest
from rdflib import Literal, URIRef

from graph.namespaces import IK, ORG, RDF, SCHEMA, SKOS, XSD
from graph.store import load_dataset
from graph.tools.cli import main
from graph.validate import validate
from graph.writers import serialize

from conftest import entity


def test_seed_graph_conforms(seed_output):
    _, report = seed_output
    assert report.violations == ()


def first(ds, cls):
    return sorted(ds.subjects(RDF.type, cls))[0]


def break_amount(ds):
    money = ds.value(first(ds, IK.AmountFact), IK.amount)
    ds.remove((money, SCHEMA.value, None))
    ds.add((money, SCHEMA.value, Literal(Decimal("-5"), datatype=XSD.decimal)))
    return "non-negative xsd:decimal"


def break_offsets(ds):
    ev = first(ds, IK.Evidence)
    start = ds.value(ev, IK.start)
    ds.remove((ev, IK.start, None))
    ds.add((ev, IK.start, Literal(int(ds.value(ev, IK.end)) + 5, datatype=XSD.integer)))
    assert start is not None
    return "start < end"


def break_quote(ds):
    ev = first(ds, IK.Evidence)
    ds.remove((ev, IK.quote, None))
    ds.add((ev, IK.quote, Literal("这句话不在文章里。")))
    return "not the article text"


def break_label(ds):
    node = entity(ds, "太平洋安信农险")
    ds.add((node, SKOS.prefLabel, Literal("太安农险二号", lang="zh")))
    return "exactly one Chinese skos:prefLabel"


def break_branch(ds):
    node = entity(ds, "平安产险上海分公司")
    ds.remove((node, ORG.unitOf, None))
    return "org:unitOf an insurer"


def break_agent(ds):
    ds.remove((first(ds, IK.AmountFact), IK.agent, None))
    return "exactly one agent"


@pytest.mark.parametrize("breaker", [break_amount, break_offsets, break_quote, break_label, break_branch,
                                     break_agent])
def test_broken_graphs_fail_with_a_readable_message(seed_output, breaker, tmp_path, capsys):
    ds = load_dataset(seed_output[0] / "graph.trig")
    expected = breaker(ds)
    report = validate(ds)
    assert not report.conforms
    assert any(expected in v.message for v in report.violations), [str(v) for v in report.violations]
    # the CLI says the same, one violation a line, and fails
    broken = tmp_path / "broken.trig"
    broken.write_bytes(serialize(ds, "trig"))
    code = main(["validate", "--data", str(broken)])
    out = capsys.readouterr().out
    assert code == 1 and expected in out and out.rstrip().endswith("violation(s)")
    line = next(l for l in out.splitlines() if expected in l)
    assert line.startswith("Violation: ") and "<https://w3id.org/insurance-kg/" in line


def test_validate_command_on_the_seeds(seed_output, capsys):
    assert main(["validate", "--data", str(seed_output[0] / "graph.trig")]) == 0
    assert "conforms" in capsys.readouterr().out


@pytest.mark.parametrize("breaker", [break_amount, break_offsets, break_agent])
def test_a_build_checks_a_changed_articles_own_graph(seed_output, breaker):
    """The check of changed articles (what incremental builds run) sees the article's graph, not
    only what the store says about its entities: each of these breaks is in one article's graph."""
    import pyoxigraph
    from graph.cache import Entry, Manifest
    from graph.validate_changes import validate_articles

    ds = load_dataset(seed_output[0] / "graph.trig")
    expected = breaker(ds)
    store = pyoxigraph.Store.read_only(str(seed_output[0] / "store"))
    graphs = sorted({g.value for g in store.named_graphs() if "/graph/index/" not in g.value
                     and g.value.rsplit("/", 1)[-1][:3].isdigit()})
    articles = {g.rsplit("/", 1)[-1]: g for g in graphs}
    quads = pyoxigraph.serialize(pyoxigraph.parse(serialize(ds, "trig"), format=pyoxigraph.RdfFormat.TRIG),
                                 format=pyoxigraph.RdfFormat.N_QUADS).decode()
    manifest = Manifest(articles={d: Entry(d, d) for d in articles})

    def quads_of(doc_id):  # the article's graph as the broken dataset has it
        return "".join(line + "\n" for line in quads.splitlines() if line.endswith(f"<{articles[doc_id]}> .")).encode()

    validate_articles(store, sorted(articles), quads_of, manifest)
    messages = [v["message"] for e in manifest.articles.values() for v in e.violations]
    assert any(expected in m for m in messages), messages


def test_an_article_dated_by_its_year_alone_is_a_gyear_and_conforms(tmp_path):
    """Front matter ``date: 2016`` once became the build day of 2016 (an xsd:date no page gave)."""
    from graph import build

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text("---\ntitle: 标题\ndate: 2016\n---\n人保财险向灾区捐款100万元。",
                                          encoding="utf-8")
    report = build(tmp_path / "in", tmp_path / "out")
    ds = load_dataset(tmp_path / "out" / "graph.trig")
    assert list(ds.objects(None, SCHEMA.datePublished)) == [Literal("2016", datatype=XSD.gYear)]
    assert report.violations == ()
