"""Render the graph as one self-contained interactive HTML page (pyvis / vis-network, no CDN)."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network
from rdflib import Dataset

from .namespaces import ENTITY_CLASSES, IK, RDF, SKOS

TEMPLATES = Path(__file__).resolve().parent / "templates"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"

# Colour and shape per class: the legend shows the same table.
STYLE = {
    "InsuranceGroup": ("#c0392b", "diamond"), "Insurer": ("#e67e22", "dot"), "Branch": ("#f5b041", "dot"),
    "Product": ("#27ae60", "square"), "Initiative": ("#16a085", "triangle"),
    "BeneficiaryGroup": ("#2980b9", "star"), "Regulator": ("#8e44ad", "hexagon"),
    "IndustryBody": ("#7f8c8d", "hexagon"), "Partner": ("#34495e", "dot"),
}
CLASS_LABELS = {"InsuranceGroup": "保险集团", "Insurer": "保险公司", "Branch": "分支机构", "Product": "产品",
                "Initiative": "举措", "BeneficiaryGroup": "受益群体", "Regulator": "监管/政府",
                "IndustryBody": "行业组织", "Partner": "合作方"}

def _entity_info(ds: Dataset) -> dict[str, dict]:
    """Class, label, aliases and article count of every entity with a contract class."""
    classes = {IK[c]: c for c in ENTITY_CLASSES}
    info = {}
    for node, type_ in ds.subject_objects(RDF.type):
        cls = classes.get(type_)
        known = info.get(str(node))
        # A node with two contract classes (a government body is a Regulator) shows the first one.
        if cls is None or (known and ENTITY_CLASSES.index(known["cls"]) <= ENTITY_CLASSES.index(cls)):
            continue
        label = ds.value(node, SKOS.prefLabel)
        if label is None:
            continue
        info[str(node)] = {
            "cls": cls,
            "label": str(label),
            "articles": len(set(ds.objects(node, IK.mentionedIn))),
            "alts": "、".join(sorted({str(a) for a in ds.objects(node, SKOS.altLabel)} - {str(label)})),
        }
    return info


def graph_data(ds: Dataset) -> nx.DiGraph:
    """Entities named in some article (plus the parents that place them) and the facts between them."""
    info = _entity_info(ds)
    edges = defaultdict(list)
    for fact in set(ds.subjects(RDF.type, RDF.Statement)):
        s, p, o = (ds.value(fact, prop) for prop in (RDF.subject, RDF.predicate, RDF.object))
        quote = ds.value(ds.value(fact, IK.evidence), IK.quote) if ds.value(fact, IK.evidence) else None
        edges[(str(s), str(o))].append((ds.namespace_manager.normalizeUri(p), str(quote or "")))
    shown = {iri for iri, d in info.items() if d["articles"]}
    for s, o in edges:  # parents of shown entities keep the structure readable
        if s in shown and o in info:
            shown.add(o)
    g = nx.DiGraph()
    for iri in sorted(shown):
        g.add_node(iri, **info[iri])
    for (s, o), facts in sorted(edges.items()):
        if s in shown and o in shown:
            g.add_edge(s, o, facts=sorted(set(facts)))
    return g


def render_html(ds: Dataset, title: str = "insurance-kg") -> str:
    """The whole page as a string; article text is only ever passed to the page as JSON data."""
    g = graph_data(ds)
    layout = nx.spring_layout(g, seed=7, k=1.5 / max(1, len(g)) ** 0.5) if len(g) else {}
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    scale = 120 * max(1, len(g)) ** 0.5
    for iri, d in g.nodes(data=True):
        color, shape = STYLE[d["cls"]]
        x, y = layout[iri]
        tooltip = f"{d['label']}（{CLASS_LABELS[d['cls']]}）\n{d['articles']} 篇文章提及"
        if d["alts"]:
            tooltip += f"\n别名：{d['alts']}"
        net.add_node(iri, label=d["label"], title=tooltip, color=color, shape=shape,
                     size=12 + 6 * d["articles"], x=float(x * scale), y=float(y * scale), group=d["cls"])
    for s, o, d in g.edges(data=True):
        predicates = sorted({p for p, _ in d["facts"]})
        quotes = "\n\n".join(q for _, q in d["facts"] if q)
        net.add_edge(s, o, label=" / ".join(p.split(":")[-1] for p in predicates), title=quotes or "来自登记册",
                     arrows="to", dashes=all(not q for _, q in d["facts"]))
    nodes, edges, *_ = net.get_network_data()
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    page = env.get_template("explorer.html")
    return page.render(
        title=title,
        vis_js=(VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        data=_script_json({"nodes": nodes, "edges": edges}),
        legend=[(CLASS_LABELS[c], c, *STYLE[c]) for c in ENTITY_CLASSES],
    )


def _script_json(value) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can close or open a tag."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
