"""The entity graph and its exports for graph tools: every format reads back with the RDF graph's counts."""
import csv
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graph.network import edge_evidence, entity_graph
from graph.network_formats import NEO4J_FILES, relationship_type
from graph.store import open_store
from graph.tools.cli import main
from graph.tools.common import FAILED, OK
from graph.writers import FORMATS, union_graph

RELATIONS = ("ik:provides", "ik:targets", "ik:supports", "ik:guidedBy", "ik:partnersWith", "ik:donatesTo",
             "org:subOrganizationOf", "org:unitOf")
PREFIXES = """PREFIX ik: <https://w3id.org/insurance-kg/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>"""


@pytest.fixture(scope="module")
def trig(seed_output):
    return seed_output[0] / "graph.trig"


@pytest.fixture(scope="module")
def graph(seed_output):
    return entity_graph(open_store(seed_output[0] / "store"))


@pytest.fixture(scope="module")
def expected(seed_graph):
    """Nodes and edges worked out from the RDF independently of graph/network.py: rdflib, the asserted
    triples (not the fact nodes), structure links followed by a property path."""
    g = union_graph(seed_graph)
    classes = " ".join(f"ik:{c}" for c in ("InsuranceGroup", "Insurer", "Branch", "Product", "Initiative",
                                           "BeneficiaryGroup", "Regulator", "IndustryBody", "Partner"))
    nodes = {str(r.e) for r in g.query(PREFIXES + f"""
        SELECT DISTINCT ?e WHERE {{
          ?m ik:mentionedIn ?a . ?m (org:unitOf|org:subOrganizationOf)* ?e .
          ?e a ?c ; skos:prefLabel ?l . VALUES ?c {{ {classes} }} }}""")}
    edges = {(str(r.s), str(r.p), str(r.o)) for r in g.query(PREFIXES + f"""
        SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o . VALUES ?p {{ {' '.join(RELATIONS)} }} }}""")
             if str(r.s) in nodes and str(r.o) in nodes}
    return nodes, edges


def test_entity_graph_has_the_rdf_graphs_entities_and_relations(graph, expected):
    nodes, edges = expected
    assert set(graph.nodes) == nodes
    found = {(u, graph.edges[u, v, k]["relation"], v) for u, v, k in graph.edges(keys=True)}
    assert len(found) == graph.number_of_edges()
    assert {(s, p.replace("https://w3id.org/insurance-kg/ontology#", "ik:")
             .replace("http://www.w3.org/ns/org#", "org:"), o) for s, p, o in edges} == found


def _node(graph, label):
    (iri,) = [n for n, d in graph.nodes(data=True) if d["label"] == label]
    return iri


def test_nodes_and_edges_carry_what_graph_tools_show(graph):
    agri = graph.nodes[_node(graph, "太平洋安信农险")]
    assert agri["class"] == "Insurer" and "太安农险" in agri["aliases"] and agri["articles"] >= 1
    group = _node(graph, "中国太保")
    assert graph.has_edge(_node(graph, "太平洋安信农险"), group, "org:subOrganizationOf")  # placed in its group
    evidenced = [d for _, _, d in graph.edges(data=True) if d["evidence"]]
    assert evidenced and all(d["first"] <= d["last"] for d in evidenced if d["first"])
    assert any(d["first"] == "2022-03-30" for d in evidenced)
    assert any(d["evidence"] == 0 and d["relation"] == "org:subOrganizationOf" for _, _, d in graph.edges(data=True))


def test_edge_evidence_gives_quotes_and_titles(graph, seed_output):
    store = open_store(seed_output[0] / "store")
    u, v, data = next((u, v, d) for u, v, d in graph.edges(data=True) if d["evidence"] and d["first"])
    found = edge_evidence(store, u, data["relation"], v)
    assert len(found) == data["evidence"] and all(e.quote and e.title for e in found)
    assert found[0].date == data["first"]


def export(trig, fmt, target, capsys):
    code = main(["export", "--format", fmt, "--data", str(trig), "-o", str(target)])
    err = capsys.readouterr().err
    assert code == OK, err
    return target


def test_export_lists_one_table_of_formats(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    for name in FORMATS:
        assert name in out


def test_graphml_reads_back(trig, graph, tmp_path, capsys):
    back = nx.read_graphml(export(trig, "graphml", tmp_path / "g.graphml", capsys))
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    node = back.nodes[_node(graph, "太平洋安信农险")]
    assert node["class"] == "Insurer" and "太安农险" in node["aliases"].split(";")
    assert {d["relation"] for _, _, d in back.edges(data=True)} <= set(RELATIONS)


def test_gexf_reads_back_with_chinese_labels(trig, graph, tmp_path, capsys):
    path = export(trig, "gexf", tmp_path / "g.gexf", capsys)
    assert "label=\"太平洋安信农险\"" in path.read_text(encoding="utf-8")  # UTF-8 text, not &#…; escapes
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.gexf.net/1.2draft}gexf" and root.get("version") == "1.2"
    back = nx.read_gexf(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert back.nodes[_node(graph, "中国太保")]["label"] == "中国太保"


def test_cytoscape_json_reads_back(trig, graph, tmp_path, capsys):
    data = json.loads(export(trig, "cyjs", tmp_path / "g.cyjs", capsys).read_text(encoding="utf-8"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert (len(nodes), len(edges)) == (graph.number_of_nodes(), graph.number_of_edges())
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    agri = next(n["data"] for n in nodes if n["data"]["name"] == "太平洋安信农险")
    assert agri["class"] == "Insurer" and "太安农险" in agri["aliases"]
    back = nx.cytoscape_graph(data)
    assert back.number_of_edges() == graph.number_of_edges()


def test_neo4j_csv_files_have_the_import_headers(trig, graph, tmp_path, capsys):
    folder = export(trig, "neo4j", tmp_path / "neo4j", capsys)
    assert sorted(p.name for p in folder.iterdir()) == sorted(NEO4J_FILES)
    with open(folder / "nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(folder / "relationships.csv", encoding="utf-8", newline="") as f:
        rels = list(csv.DictReader(f))
    assert {"iri:ID", ":LABEL"} <= set(nodes[0]) and {":START_ID", ":END_ID", ":TYPE"} <= set(rels[0])
    assert (len(nodes), len(rels)) == (graph.number_of_nodes(), graph.number_of_edges())
    ids = {n["iri:ID"] for n in nodes}
    assert len(ids) == len(nodes) and all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    agri = next(n for n in nodes if n["name"] == "太平洋安信农险")
    assert agri[":LABEL"] == "Insurer" and "太安农险" in agri["aliases:string[]"].split(";")
    assert {r[":TYPE"] for r in rels} >= {"SUPPORTS", "GUIDED_BY", "SUB_ORGANIZATION_OF", "UNIT_OF"}


def test_neo4j_needs_a_folder(trig, capsys):
    code = main(["export", "--format", "neo4j", "--data", str(trig)])
    err = capsys.readouterr().err
    assert code == FAILED and err.startswith("ikg: error: --format neo4j writes nodes.csv and relationships.csv")
    assert len(err.strip().splitlines()) == 1


def test_a_file_in_the_way_of_the_neo4j_folder_is_one_line(trig, tmp_path, capsys):
    (tmp_path / "taken").write_text("x")
    code = main(["export", "--format", "neo4j", "--data", str(trig), "-o", str(tmp_path / "taken")])
    err = capsys.readouterr().err
    assert code == FAILED and err.startswith("ikg: error: ") and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("relation, type_", [("ik:provides", "PROVIDES"), ("ik:guidedBy", "GUIDED_BY"),
                                             ("org:subOrganizationOf", "SUB_ORGANIZATION_OF")])
def test_relationship_types_in_neo4j_style(relation, type_):
    assert relationship_type(relation) == type_
