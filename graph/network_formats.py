"""Write the entity-level graph (graph/network.py) for graph tools: GraphML, GEXF, Cytoscape.js JSON and
the node and relationship CSV files of Neo4j's ``neo4j-admin database import``.

Every writer returns ``{file name: bytes}``; a one-file format uses the name ``""`` (the caller picks
the path), Neo4j's two files are named ``nodes.csv`` and ``relationships.csv``. All text is UTF-8, so
Chinese labels reach Gephi, Cytoscape and Neo4j as they are.
"""
from __future__ import annotations

import csv
import io
import json
import re

import networkx as nx

ALIAS_SEPARATOR = ";"  # neo4j-admin's default array delimiter; used for GraphML and GEXF too
NEO4J_FILES = ("nodes.csv", "relationships.csv")


def _flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes (GraphML and GEXF have no lists), unique edge keys (GraphML
    edge ids must differ) and each edge's relation as its label (what Gephi shows on an edge)."""
    flat = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        flat.add_node(node, **{**data, "aliases": ALIAS_SEPARATOR.join(data["aliases"])})
    for i, (u, v, data) in enumerate(g.edges(data=True)):
        flat.add_edge(u, v, key=f"e{i}", **data, label=data["relation"].partition(":")[2] or data["relation"])
    return flat


def to_graphml(g: nx.MultiDiGraph) -> bytes:
    """GraphML (Gephi, yEd, Cytoscape desktop)."""
    out = io.BytesIO()
    nx.write_graphml(_flat(g), out, encoding="utf-8", prettyprint=True)
    return out.getvalue()


def to_gexf(g: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2, Gephi's own format; a node's ``label`` is its Chinese name."""
    out = io.BytesIO()
    nx.write_gexf(_flat(g), out, encoding="utf-8", prettyprint=True)  # the text as UTF-8, not &#…; escapes
    return out.getvalue()


def to_cytoscape(g: nx.MultiDiGraph) -> bytes:
    """Cytoscape.js JSON (``elements.nodes`` / ``elements.edges``; Cytoscape desktop opens it as .cyjs);
    a node's ``name`` is its Chinese label, aliases stay a list."""
    data = nx.cytoscape_data(g, name="label")
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def relationship_type(relation: str) -> str:
    """Neo4j's style for a relationship type: ``ik:guidedBy`` → ``GUIDED_BY``."""
    local = relation.partition(":")[2] or relation
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", local).upper()


def _csv(header: list[str], rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def to_neo4j(g: nx.MultiDiGraph) -> dict[str, bytes]:
    """``nodes.csv`` and ``relationships.csv`` with neo4j-admin's header format: each node's IRI is its
    ``:ID``, its class its ``:LABEL``; aliases are a ``string[]`` split on ``;``; an empty date is null."""
    nodes = _csv(["iri:ID", "name", "aliases:string[]", "articles:int", ":LABEL"], (
        [node, data["label"], ALIAS_SEPARATOR.join(a.replace(ALIAS_SEPARATOR, ",") for a in data["aliases"]),
         data["articles"], data["class"]]
        for node, data in g.nodes(data=True)))
    relationships = _csv([":START_ID", ":END_ID", ":TYPE", "relation", "evidence:int", "first:date", "last:date"], (
        [u, v, relationship_type(data["relation"]), data["relation"], data["evidence"], data["first"], data["last"]]
        for u, v, data in g.edges(data=True)))
    return dict(zip(NEO4J_FILES, (nodes, relationships)))


_WRITERS = {
    "graphml": lambda g: {"": to_graphml(g)},
    "gexf": lambda g: {"": to_gexf(g)},
    "cytoscape": lambda g: {"": to_cytoscape(g)},
    "neo4j": to_neo4j,
}


def render(g: nx.MultiDiGraph, plugin: str) -> dict[str, bytes]:
    """``g`` written by the writer called ``plugin`` (the ``plugin`` of a network format in
    graph/writers.py's FORMATS), as ``{file name: bytes}``."""
    return _WRITERS[plugin](g)
