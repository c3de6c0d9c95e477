"""Look-ups by name, the summary graph and the change-sized build: what a user notices.

Names are found in any script or width right after the incremental build that added them; the
names index and the summary graph after adds, edits and deletions equal a clean rebuild's; a build
that adds one article SHACL-checks only that article's graph; the exports hold no index graph.
"""
import shutil

import pyoxigraph
import pytest

from graph import build, lookup
from graph.network import entity_graph
from graph.store import open_store
from graph.tools.cli import main

from conftest import SEEDS

NEW = "中原農險周口中心支公司推出「惠農保」，為種植戶提供價格保險，截至6月30日累計保額約2.3億元。"


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    return src


def derived(store_folder) -> dict[str, set[str]]:
    """The names index and the summary graph of a built store, as sets of N-Triples lines."""
    store = open_store(store_folder)
    out = {}
    for graph in (lookup.NAMES_GRAPH, lookup.SUMMARY_GRAPH):
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(str(graph)))]
        out[str(graph)] = set(pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES).splitlines())
    return out


def test_explain_finds_a_traditional_name_right_after_the_build_that_added_it(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", "-i", str(corpus), "-o", str(out), "--quiet", "--no-validate"]) == 0
    assert main(["explain", "惠農保", "--data", str(out / "store")]) == 1
    assert capsys.readouterr().err.startswith("ikg: error: no entity named")

    (corpus / "new.txt").write_text(NEW, encoding="utf-8")
    assert main(["build", "-i", str(corpus), "-o", str(out), "--quiet", "--no-validate"]) == 0
    for name in ("惠農保", "惠农保", "“惠农保”"):  # as written, simplified, quoted
        assert main(["explain", name, "--data", str(out / "store")]) == 0
        shown = capsys.readouterr().out
        assert shown.startswith("惠农保 (Product)") and "provides 惠农保" in shown


def test_index_and_summary_equal_a_clean_rebuild_after_adds_edits_and_deletes(corpus, tmp_path, pipeline):
    out = tmp_path / "live"
    build(corpus, out, pipeline, check=False, exports=False)

    def clean(name):
        build(corpus, tmp_path / name, pipeline, check=False, exports=False)
        return derived(tmp_path / name / "store")

    (corpus / "new.txt").write_text(NEW, encoding="utf-8")
    build(corpus, out, pipeline, check=False, exports=False)
    assert derived(out / "store") == clean("c1")

    seed = corpus / "004_89203e62b05a25ab.txt"  # an insurer renamed: its names and relations move
    seed.write_text(seed.read_text(encoding="utf-8").replace("太安农险", "太平洋安信农险"), encoding="utf-8")
    build(corpus, out, pipeline, check=False, exports=False)
    assert derived(out / "store") == clean("c2")

    (corpus / "new.txt").unlink()
    (corpus / "003_b654cfa59472666d.txt").unlink()
    build(corpus, out, pipeline, check=False, exports=False)
    after = derived(out / "store")
    assert after == clean("c3")
    assert not any("惠农保".encode() in line for line in after[str(lookup.NAMES_GRAPH)])  # gone with its article


def test_summary_counts_evidence_and_mentions(seed_output):
    store = open_store(seed_output[0] / "store")
    summary = f"<{lookup.SUMMARY_GRAPH}>"
    (row,) = store.query(f"""
        SELECT ?n ?m WHERE {{ GRAPH {summary} {{
          ?e skos:prefLabel "太平洋安信农险"@zh ; ik:mentionCount ?m .
          ?r rdf:subject ?e ; rdf:predicate org:subOrganizationOf ; ik:evidenceCount ?n }} }}""",
                         prefixes={"skos": "http://www.w3.org/2004/02/skos/core#",
                                   "ik": "https://w3id.org/insurance-kg/ontology#",
                                   "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                                   "org": "http://www.w3.org/ns/org#"})
    assert int(row["m"].value) == 2  # named in two seed articles
    assert int(row["n"].value) >= 1  # the group link is read from text as well as the registry


def test_the_entity_graph_from_the_summary_equals_the_one_computed_from_every_fact(seed_output):
    from_summary = entity_graph(open_store(seed_output[0] / "store"))
    computed = entity_graph(open_store(seed_output[0] / "graph.trig"))  # a file: no summary graph
    assert sorted(from_summary.nodes(data=True)) == sorted(computed.nodes(data=True))
    assert sorted(from_summary.edges(keys=True, data=True)) == sorted(computed.edges(keys=True, data=True))


def test_adding_one_article_validates_only_its_graph(corpus, tmp_path, pipeline):
    out = tmp_path / "out"
    first = build(corpus, out, pipeline, exports=False)
    assert len(first.validated) == 5 and first.violations == ()
    (corpus / "new.txt").write_text(NEW, encoding="utf-8")
    added = build(corpus, out, pipeline, exports=False)
    assert added.validated == ["new"] and added.violations == ()
    assert build(corpus, out, pipeline, exports=False).validated == []


def test_find_and_search_read_the_index_or_scan_a_file_alike(seed_output):
    out = seed_output[0]
    indexed, scanned = open_store(out / "store"), open_store(out / "graph.trig")
    assert lookup.has_index(indexed) and not lookup.has_index(scanned)
    for name in ("太安农险", "太安農險", "太平洋安信农险", "没有这个名字"):
        assert lookup.find(indexed, name) == lookup.find(scanned, name)
    hits = lookup.search(indexed, "太平洋安信农险")
    assert hits[0].label == "太平洋安信农险" and hits[0].cls == "Insurer" and hits[0].mentions == 2
    assert lookup.search(indexed, "平安") == lookup.search(scanned, "平安")
    assert lookup.search(indexed, "  ") == []


def test_exports_leave_the_index_graphs_out(seed_output):
    out = seed_output[0]
    derived_only = {"https://w3id.org/insurance-kg/ontology#" + p for p in ("nameKey", "mentionCount", "evidenceCount")}
    for name, fmt in (("graph.trig", pyoxigraph.RdfFormat.TRIG), ("graph.ttl", pyoxigraph.RdfFormat.TURTLE)):
        quads = list(pyoxigraph.parse(path=str(out / name), format=fmt))
        assert quads and not any("/graph/index/" in str(q.graph_name) for q in quads)
        assert not any(q.predicate.value in derived_only for q in quads)
