"""Render the graph as one self-contained interactive HTML page (vis-network draws, from pyvis's copy).

Nothing is fetched when the page opens: vis-network's script and style are inlined from pyvis's package
folder, and the graph travels as JSON inside a ``<script type="application/json">`` element that the
page reads with ``JSON.parse`` and shows with ``textContent`` only, so article text can never become
markup. The page opens on an overview (the groups and the most mentioned entities, one line per
linked pair with its count); search, a click or a filter opens an entity's neighbourhood and its
evidence. graph.html carries those details for the entities it includes, read from the store
(explore.py: the summary graph picks them, the articles' graphs give their evidence); ``ikg serve``
sends the same page with the overview only and answers those requests from the store (see serve.py).
Overview positions are computed here (see :func:`layout`) and the page
runs without physics.
"""
from __future__ import annotations

import importlib.util
import json
import math
from collections import Counter, defaultdict
from pathlib import Path

import jinja2
import networkx as nx
import numpy as np
import pyoxigraph

from .clauses import default_punctuation
from .fold import fold_char
from .lookup import name_key
from .namespaces import PREFIXES, STRUCTURE
from .ontology import labels

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Found, not imported: importing pyvis imports IPython, a second and a half of every build.
VIS_DIR = Path(importlib.util.find_spec("pyvis").origin).resolve().parent / "templates" / "lib" / "vis-9.1.2"

# Colour and vis-network shape per class; the page's legend is built from this table, with the
# class's Chinese name from the ontology's rdfs:label.
CLASS_STYLE = {
    "InsuranceGroup": ("#b71c1c", "diamond"),
    "Insurer": ("#ef6c00", "dot"),
    "Branch": ("#f9a825", "dot"),
    "Product": ("#2e7d32", "square"),
    "Initiative": ("#00897b", "triangle"),
    "BeneficiaryGroup": ("#1565c0", "star"),
    "Regulator": ("#6a1b9a", "hexagon"),
    "IndustryBody": ("#ad1457", "triangleDown"),
    "Partner": ("#546e7a", "dot"),
}
# Colour and line width per relation; structure links are wide grey lines without a label.
RELATION_STYLE = {
    "org:subOrganizationOf": ("#8d8d8d", 3),
    "org:unitOf": ("#b0b0b0", 2),
    "ik:provides": ("#2e7d32", 1.5),
    "ik:targets": ("#1565c0", 1.5),
    "ik:supports": ("#0288d1", 1.5),
    "ik:guidedBy": ("#6a1b9a", 1.5),
    "ik:partnersWith": ("#ef6c00", 2),
    "ik:donatesTo": ("#c2185b", 2),
}
OTHER_RELATION = ("#9e9e9e", 1)  # a predicate added after this table was written still shows


def _name(term: str) -> str:
    """The Chinese name the ontology gives a class or relation (its local name if it has none)."""
    return labels().get(term) or term.split(":")[-1]


STRUCTURE_LINKS = tuple(f"org:{name}" for name in STRUCTURE)  # as the page names relations
FONT_SIZE = 14  # px of a node label at zoom 1; the layout leaves room for labels of this size
GAP = 12  # px kept free around every node and between clusters
SPRING_LIMIT = 400  # clusters placed by networkx's spring layout; the rest start next to their links
OVERVIEW_NODES = 150  # entities the first view draws: enough to see who is there, few enough to read
OVERVIEW_LINES = 3  # lines the first view keeps per entity, its strongest (structure lines always)


def _prefixed(iri) -> str:
    """``ik:provides`` for the IRI of ik:provides: the project's prefixes, whatever a store binds."""
    for prefix, namespace in PREFIXES.items():
        if str(iri).startswith(str(namespace)):
            return f"{prefix}:{str(iri)[len(str(namespace)):]}"
    return str(iri)


def node_size(articles: int) -> float:
    """Symbol radius in px: grows with the number of articles, slower than linearly, up to 48."""
    return min(8 + 6 * math.sqrt(articles), 48.0)


# -- layout ------------------------------------------------------------------------------------------


def layout(g: nx.MultiDiGraph) -> tuple[dict[str, tuple[float, float]], list[dict]]:
    """Positions of every node in px, and the circles of the group/insurer clusters.

    Branches ring their insurer and insurers ring their group (a balloon tree); a product, a
    beneficiary or a regulator linked to one cluster only joins it as one more leaf. The clusters and
    the nodes shared between clusters are then placed by a spring layout of the much smaller graph of
    clusters, and pushed apart until no two circles overlap.
    """
    parent = _layout_tree(g)
    children = defaultdict(list)
    for child, up in sorted(parent.items(), key=lambda item: (g.nodes[item[0]]["cls"], item[0])):
        children[up].append(child)
    roots = [v for v in g if v not in parent]
    trees = {r: _balloon(r, children, g) for r in roots}
    centres = _place(g, {v: _root(parent, v) for v in g}, {r: radius for r, (*_, radius) in trees.items()})
    positions = {}
    for r, (offsets, middle, _) in trees.items():
        for v, offset in offsets.items():
            at = centres[r] - middle + offset
            positions[v] = (round(at.real, 1), round(at.imag, 1))
    clusters = [{"id": r, "label": g.nodes[r]["label"], "color": CLASS_STYLE[g.nodes[r]["cls"]][0],
                 "x": round(centres[r].real, 1), "y": round(centres[r].imag, 1), "r": round(radius, 1)}
                for r, (*_, radius) in trees.items() if any(p in STRUCTURE_LINKS for *_, p in g.in_edges(r, keys=True))]
    return positions, clusters


def _root(parent: dict[str, str], v: str) -> str:
    """The root of ``v``'s tree in a forest given as each node's parent."""
    while v in parent:
        v = parent[v]
    return v


def _layout_tree(g: nx.MultiDiGraph) -> dict[str, str]:
    """Each node's parent in the layout forest: structure links first, then nodes tied to one cluster."""
    parent: dict[str, str] = {}

    def attach(child: str, to: str) -> None:
        if child not in parent and _root(parent, to) != child:  # never a cycle, whatever the data says
            parent[child] = to

    for s, o, p in sorted(g.edges(keys=True)):
        if p in STRUCTURE_LINKS:
            attach(s, o)
    structured = set(parent) | set(parent.values())
    neighbours = {v: sorted(set(g.predecessors(v)) | set(g.successors(v)) - {v}) for v in g}
    for v in sorted(set(g) - structured):
        members = [u for u in neighbours[v] if u in structured]
        if members and len({_root(parent, u) for u in members}) == 1:
            attach(v, members[0])
    for v in sorted(set(g) - structured):
        if len(neighbours[v]) == 1:  # a leaf hanging off a shared node sits beside it
            attach(v, neighbours[v][0])
    return parent


def _room(d: dict) -> float:
    """Radius a node needs: its symbol and a gap, or most of its label's half-width (labels may touch)."""
    return max(node_size(d["mentions"]) + GAP, min(len(d["label"]), 12) * FONT_SIZE * 0.4)


def _balloon(v: str, children: dict[str, list[str]],
             g: nx.MultiDiGraph) -> tuple[dict[str, complex], complex, float]:
    """``v``'s subtree: offsets from ``v`` (each child's subtree on a ring around it), and the centre
    (an offset from ``v``) and radius of a circle holding the whole subtree."""
    own = _room(g.nodes[v])
    kids = [_balloon(c, children, g) for c in children[v]]
    if not kids:
        return {v: 0j}, 0j, own
    radii = [radius for *_, radius in kids]
    total = sum(radii)
    # enough circumference for every subtree (with some slack, as chords are shorter than arcs)
    ring = max(own + max(radii), 1.15 * total / math.pi)
    offsets, circles, angle = {v: 0j}, [(0j, own)], -math.pi / 2
    for sub, centre, radius in kids:
        angle += math.pi * radius / total  # each subtree gets a share of the circle by its size
        direction = complex(math.cos(angle), math.sin(angle))
        # turn the subtree so that its root faces ``v``, then put its circle's centre on the ring
        turn = direction * (centre.conjugate() / abs(centre) if centre else 1)
        at = ring * direction - centre * turn
        offsets.update({n: at + off * turn for n, off in sub.items()})
        circles.append((ring * direction, radius))
        angle += math.pi * radius / total
    return (offsets, *_enclose(circles))


def _enclose(circles: list[tuple[complex, float]], rounds: int = 40) -> tuple[complex, float]:
    """Centre and radius of a small circle around ``circles`` (Bădoiu–Clarkson: step towards the farthest)."""
    centre = circles[0][0]
    for k in range(1, rounds):
        far, r = max(circles, key=lambda c: abs(c[0] - centre) + c[1])
        away = far - centre
        centre += (far + (away / abs(away) if away else 1) * r - centre) / (k + 1)
    return centre, max(abs(c - centre) + r for c, r in circles)


def _place(g: nx.MultiDiGraph, tree_of: dict[str, str], radius: dict[str, float]) -> dict[str, complex]:
    """Centres of the layout trees (keyed by root): a spring layout of the trees' graph, then packed."""
    roots = list(radius)
    trees = nx.Graph()
    trees.add_nodes_from(roots)
    for s, o in g.edges():
        a, b = tree_of[s], tree_of[o]
        if a != b:
            trees.add_edge(a, b, weight=trees.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    if len(roots) < 2:
        return {r: 0j for r in roots}
    # networkx's dense solver (numpy only, and fast) lays out the largest trees; each of the others
    # starts between the trees it is linked to, and the packing below settles it.
    anchors = sorted(roots, key=lambda v: (-radius[v], v))[:SPRING_LIMIT]
    spring = nx.spring_layout(trees.subgraph(anchors), seed=7, weight="weight")
    rng = np.random.default_rng(7)
    start = []
    for v in roots:
        near = [spring[u] for u in trees[v] if u in spring]
        start.append(spring[v] if v in spring else np.mean(near, axis=0) if near else rng.uniform(-1, 1, 2))
    r = np.array([radius[v] for v in roots]) + GAP / 2
    side = math.sqrt(float(np.sum((2 * r) ** 2)))  # of a square that would hold every circle
    xy = _pack(np.array(start) * side / 2, r)
    return {v: complex(x, y) for v, (x, y) in zip(roots, xy)}


def _pack(xy: np.ndarray, r: np.ndarray, rounds: int = 150) -> np.ndarray:
    """Pull circles (centres ``xy``, radii ``r``) together and push overlapping ones apart.

    The spring layout leaves wide gaps, and unlinked clusters drift to its rim; gravity closes the
    gaps while collisions keep circles apart, so the picture is compact and keeps its neighbourhoods.
    After ``rounds`` rounds gravity is off and collisions go on until no two circles overlap.
    """
    xy = xy + np.random.default_rng(7).normal(scale=1e-3, size=xy.shape)  # no two centres coincide
    need = ((r[:, None] + r[None, :]) ** 2).astype(np.float32)
    np.fill_diagonal(need, 0)
    for k in range(3 * rounds):
        pull = 0.06 * max(0.0, 1 - k / rounds)
        xy -= (xy - xy.mean(axis=0)) * pull
        # overlapping pairs, from all squared distances (float32, in place: this is the costly step)
        x, y = xy.T.astype(np.float32)
        dist2 = x[:, None] - x[None, :]
        dist2 *= dist2
        dy = y[:, None] - y[None, :]
        dy *= dy
        dist2 += dy
        i, j = np.nonzero(dist2 < need)
        i, j = i[i < j], j[i < j]
        if not len(i) and not pull:
            break
        delta = xy[i] - xy[j]
        dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-6)
        push = ((r[i] + r[j] - dist) / 2 * 1.05 / dist)[:, None] * delta  # a little more than half, to settle
        np.add.at(xy, i, push)
        np.add.at(xy, j, -push)
    return xy


# -- the overview ------------------------------------------------------------------------------------


def most_mentioned(g: nx.MultiDiGraph) -> list[str]:
    """The nodes of ``g``, the most mentioned first (then the best linked, then by label)."""
    return sorted(g, key=lambda v: (-g.nodes[v]["mentions"], -g.degree(v), g.nodes[v]["label"], v))


def overview(g: nx.MultiDiGraph, cap: int = OVERVIEW_NODES) -> dict:
    """What the explorer draws first: a picture a person can read at any corpus size.

    The insurance groups (the top of the structure) and then the most mentioned entities, ``cap``
    in all; between two of them one line per pair, whatever the relations, with how many facts of
    each relation it stands for; each entity keeps its strongest lines only (``left`` says how many
    were left to the details). Positions and cluster circles come from :func:`layout`.
    """
    groups = [v for v in most_mentioned(g) if g.nodes[v]["cls"] == "InsuranceGroup"][:cap // 4]
    rest = [v for v in most_mentioned(g) if v not in set(groups)]
    shown = g.subgraph(groups + rest[:max(0, cap - len(groups))]).copy()
    positions, clusters = layout(shown)
    pairs: dict[tuple[str, str], dict] = {}
    for s, o, p, d in sorted(shown.edges(keys=True, data=True)):
        if s == o:
            continue
        a, b = sorted((s, o))
        pair = pairs.setdefault((a, b), {"from": a, "to": b, "rels": {}, "evidence": 0})
        texts = sum(not f["registry"] for f in d["facts"]) + d.get("more", 0)  # the static page lists the latest
        pair["rels"][p] = pair["rels"].get(p, 0) + max(texts, 1)  # a registry-only link still counts once
        pair["evidence"] += texts
    # Every line between 150 busy entities is a hairball again: keep each entity's strongest lines
    # (and the structure), which is what a reader follows; a click shows the rest.
    weight = {key: sum(p["rels"].values()) for key, p in pairs.items()}
    strongest = set()
    for v in shown:
        own = sorted((key for key in pairs if v in key), key=lambda key: (-weight[key], key))
        strongest.update(own[:OVERVIEW_LINES])
    kept = [p for key, p in pairs.items() if key in strongest or set(p["rels"]) & set(STRUCTURE_LINKS)]
    return {"nodes": sorted(shown, key=lambda v: (-shown.nodes[v]["mentions"], v)),
            "pairs": kept, "left": len(pairs) - len(kept),
            "positions": {v: list(xy) for v, xy in positions.items()}, "clusters": clusters}


def legend(class_counts: Counter, relation_counts: Counter) -> tuple[list[dict], list[dict]]:
    """The classes and relations the page's legend and filters list, each with its count, style and
    Chinese name (from the ontology)."""
    classes = [{"id": c, "label": _name(f"ik:{c}"), "color": color, "shape": shape, "count": class_counts[c]}
               for c, (color, shape) in CLASS_STYLE.items() if class_counts[c]]
    order = list(RELATION_STYLE) + sorted(set(relation_counts) - set(RELATION_STYLE))
    relations = []
    for p in order:
        if relation_counts[p]:
            color, width = RELATION_STYLE.get(p, OTHER_RELATION)
            relations.append({"id": p, "label": _name(p), "color": color, "width": width,
                              "structure": p in STRUCTURE_LINKS, "count": relation_counts[p]})
    return classes, relations


def entity_record(iri: str, d: dict, index: dict[str, int], articles: bool = True) -> dict:
    """One entity as the page reads it: name, class, aliases and how often it is mentioned; with
    ``articles``, also the articles (as indexes) and the money figures that the details panel shows."""
    record = {"id": iri, "label": d["label"], "cls": d["cls"], "aliases": d["aliases"], "mentions": d["mentions"],
              "keys": [name_key(n) for n in (d["label"], *d["aliases"])]}  # what the page's search compares
    if articles:
        record["articles"] = sorted(index[a] for a in d["articles"] if a in index)
        record["amounts"] = [f | {"article": index.get(f["article"])} for f in d.get("amounts", [])]
        if d.get("more_amounts"):
            record["moreAmounts"] = d["more_amounts"]
    return record


def link_record(s: str, p: str, o: str, facts: list[dict], index: dict[str, int], more: int = 0) -> dict:
    """One relation between two entities with the facts (quote, article, registry) behind it, and
    how many more pieces of evidence it has than ``facts`` quote (the static page lists the latest)."""
    record = {"from": s, "to": o, "rel": p, "facts": [f | {"article": index.get(f["article"])} for f in facts]}
    if more:
        record["more"] = more
    return record


def article_record(a: dict) -> dict:
    """An article as the page cites it (the identifier stays on the server side of the data)."""
    return {"title": a["title"], "date": a["date"], "publisher": a["publisher"], "url": a["url"]}


# -- the page ----------------------------------------------------------------------------------------


def render_html(store: pyoxigraph.Store, title: str = "insurance-kg", max_nodes: int | None = None,
                overview_nodes: int = OVERVIEW_NODES) -> str:
    """The whole explorer page as a string, for opening from disk, read from a store made by
    `ikg build` (or :func:`graph.store.memory_store`): it needs the summary graph.

    The page opens on an overview (see :func:`overview`) and carries the details (facts, evidence,
    articles) of every entity it includes, for search, clicks and filters to open. ``max_nodes``
    includes only that many entities, the most mentioned first (the page says how many were left
    out); ``None`` includes them all.
    """
    from .explore import Explorer  # explore.py builds its answers from this module's records

    return page(Explorer(store).page(max_nodes, overview_nodes), title)


def page(data: dict, title: str) -> str:
    """The explorer's HTML around ``data`` (static or served: the same page reads both)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    return env.get_template("explorer.html").render(
        title=title,
        vis_js=(VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        data=_script_json(data | {"fontSize": FONT_SIZE, "fold": _search_folding(data.get("entities", {}))}),
    )


# Conversions that give a simplified character's traditional forms (opencc's names): a name the page
# holds in simplified script is found when typed in any of them.
_TRADITIONAL = ("s2t", "s2tw", "s2hk")


def _search_folding(entities: dict) -> dict:
    """What the page's search needs to fold a typed name as :func:`graph.lookup.name_key` does
    (the browser does width and case itself): the quotation marks to drop, and each traditional
    character that folds to one of the characters of the page's names, with what it folds to."""
    import opencc

    used = sorted({ch for record in entities.values() for key in record["keys"] for ch in key
                   if not ch.isascii()})
    chars = {}
    for converter in map(opencc.OpenCC, _TRADITIONAL):
        for simple in used:
            written = converter.convert(simple)
            if written != simple and fold_char(written) == simple:
                chars[written] = simple
    return {"quotes": default_punctuation().quotes, "chars": dict(sorted(chars.items()))}


def _script_json(value) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can close or open a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
