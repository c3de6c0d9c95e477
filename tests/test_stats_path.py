"""`ikg stats` and `ikg path` on the seeds: network answers that agree with the graph, in three formats."""
import csv
import io
import json

import networkx as nx
import pytest

from graph.network import entity_graph
from graph.paths import shortest_chain
from graph.stats import SECTIONS, beneficiaries_reached, network_stats
from graph.store import open_store
from graph.tools.cli import main
from graph.tools.common import FAILED, OK


@pytest.fixture(scope="module")
def store_path(seed_output):
    return seed_output[0] / "store"


@pytest.fixture(scope="module")
def store(store_path):
    return open_store(store_path)


@pytest.fixture(scope="module")
def graph(store):
    return entity_graph(store)


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _by_label(graph, label):
    (iri,) = [n for n, d in graph.nodes(data=True) if d["label"] == label]
    return iri


# -- stats -------------------------------------------------------------------------------------------


def test_counts_add_up_to_the_graph(graph):
    sections = {s.name: s for s in network_stats(graph, top=1000)}
    assert list(sections) == list(SECTIONS)
    assert sum(r[1] for r in sections["classes"].rows) == graph.number_of_nodes()
    assert sum(r[1] for r in sections["relations"].rows) == graph.number_of_edges()
    components = sections["components"].rows
    assert len(components) == nx.number_connected_components(graph.to_undirected())
    assert sum(r[1] for r in components) == graph.number_of_nodes()
    assert [r[1] for r in components] == sorted((r[1] for r in components), reverse=True)


def test_most_connected_organisations_are_ranked_by_degree(graph):
    rows = next(s for s in network_stats(graph) if s.name == "organisations").rows
    assert len(rows) == 10 and all(r[1] not in ("Product", "BeneficiaryGroup", "Initiative") for r in rows)
    degrees = [r[2] for r in rows]
    assert degrees == sorted(degrees, reverse=True)
    simple = nx.Graph(graph.to_undirected())
    assert degrees[0] == max(simple.degree(n) for n, d in graph.nodes(data=True)
                             if d["class"] not in ("Product", "BeneficiaryGroup", "Initiative"))
    assert all(0 <= r[3] <= 1 for r in rows)


def test_groups_reach_beneficiaries_through_their_units_and_offers(graph):
    labels = {graph.nodes[b]["label"] for b in beneficiaries_reached(graph, _by_label(graph, "中国太保"))}
    # 太保产险 supports 外卖骑手; 太平洋安信农险 (an insurer of the group) supports 种植户
    assert {"外卖骑手", "种植户"} <= labels
    rows = next(s for s in network_stats(graph) if s.name == "groups").rows
    assert [r[1] for r in rows] == sorted((r[1] for r in rows), reverse=True)
    assert all(len(r[2]) == r[1] for r in rows)


def test_stats_formats(store_path, capsys):
    code, table, err = run(["stats", "--data", store_path], capsys)
    assert code == OK, err
    assert "Most connected organisations" in table and "Connected components" in table
    _, js, _ = run(["stats", "--data", store_path, "--format", "json"], capsys)
    assert set(json.loads(js)) == set(SECTIONS)
    _, text, _ = run(["stats", "--data", store_path, "--format", "csv", "--section", "groups"], capsys)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["section", "group", "beneficiary groups", "reached"] and len(rows) > 2
    _, text, _ = run(["stats", "--data", store_path, "--format", "csv"], capsys)
    assert [block.splitlines()[1].split(",")[0] for block in text.strip().split("\n\n")] == list(SECTIONS)


# -- path --------------------------------------------------------------------------------------------


def test_path_between_readme_entities_has_evidence_at_every_step(store, graph):
    chain = shortest_chain(store, graph, "太安农险", "上海市保险同业公会")
    assert (chain.start, chain.end) == ("太平洋安信农险", "上海市保险同业公会")
    a, b = _by_label(graph, "太平洋安信农险"), _by_label(graph, "上海市保险同业公会")
    assert len(chain.steps) == nx.shortest_path_length(graph.to_undirected(), a, b)
    ends = [{s.subject, s.object} for s in chain.steps]
    assert chain.start in ends[0] and chain.end in ends[-1]
    assert all(x & y for x, y in zip(ends, ends[1:])), "each step shares an entity with the next"
    for step in chain.steps:
        assert step.evidence and all(e.quote and e.title for e in step.evidence)


def test_path_command_prints_quotes_and_articles(store_path, capsys):
    code, out, err = run(["path", "太安农险", "上海市保险同业公会", "--data", store_path], capsys)
    assert code == OK, err
    lines = out.splitlines()
    assert lines[0].startswith("太平洋安信农险 → 上海市保险同业公会: ")
    steps = [line for line in lines if line[:1].isdigit()]
    assert steps and len([line for line in lines if line.strip().startswith("> ")]) == len(steps)
    assert len([line for line in lines if line.strip().startswith("— ")]) == len(steps)


def test_path_formats(store_path, capsys):
    _, js, _ = run(["path", "太安农险", "上海市保险同业公会", "--data", store_path, "--format", "json"], capsys)
    answer = json.loads(js)
    assert answer["from"] == "太平洋安信农险" and all(s["evidence"][0]["quote"] for s in answer["steps"])
    _, text, _ = run(["path", "太安农险", "上海市保险同业公会", "--data", store_path, "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(answer["steps"]) and all(r["quote"] and r["article"] for r in rows)


@pytest.mark.parametrize("argv, message", [
    (["path", "太安农险", "没有这家公司"], "no entity named '没有这家公司'"),
    (["path", "太安农险", "太平洋安信农险"], "'太安农险' and '太平洋安信农险' name the same entity"),
])
def test_path_mistakes_are_one_line(argv, message, store_path, capsys):
    code, _, err = run(argv + ["--data", store_path], capsys)
    assert code == FAILED and err.startswith(f"ikg: error: {message}") and len(err.strip().splitlines()) == 1


def test_no_chain_is_one_line(graph, store_path, capsys):
    start = _by_label(graph, "太平洋安信农险")
    reachable = nx.node_connected_component(graph.to_undirected(), start)
    apart = next(d["label"] for n, d in graph.nodes(data=True) if n not in reachable and d["articles"])
    code, _, err = run(["path", "太安农险", apart, "--data", store_path], capsys)
    assert code == FAILED and len(err.strip().splitlines()) == 1
    assert err.startswith(f"ikg: error: no chain of facts links 太平洋安信农险 and {apart}")
