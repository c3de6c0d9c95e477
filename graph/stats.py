"""Network statistics of the entity graph (graph/network.py): what `ikg stats` reports.

- entities per class and edges per relation;
- the most connected organisations: degree (distinct neighbours) and betweenness centrality, both on
  the graph with directions and parallel relations dropped (a link is a link for "who is central");
  betweenness is estimated from a sample of 500 sources on graphs of more than 2000 entities;
- insurance groups ranked by the beneficiary groups they reach, themselves or through their insurers,
  branches and those units' products and initiatives;
- connected components (directions ignored), largest first.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from .namespaces import ENTITY_CLASSES, ORGANISATION_CLASSES
from .network import STRUCTURE
from .query import rows_as_csv, rows_as_table

SECTIONS = ("classes", "relations", "organisations", "groups", "components")
REACHES = ("ik:supports", "ik:donatesTo")  # organisation -> beneficiary group, directly
OFFERS = "ik:provides"  # organisation -> product or initiative …
OFFER_TARGETS = "ik:targets"  # … -> beneficiary group
EXACT_BETWEENNESS, BETWEENNESS_SAMPLE = 2000, 500  # nodes


@dataclass(frozen=True)
class Section:
    """One table of the statistics."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)


def _members(g: nx.MultiDiGraph, group: str) -> set[str]:
    """The group and everything under it: insurers, their branches (structure links, followed up)."""
    found, todo = {group}, [group]
    while todo:
        parent = todo.pop()
        for child, _, key in g.in_edges(parent, keys=True):
            if key in STRUCTURE and child not in found:
                found.add(child)
                todo.append(child)
    return found


def beneficiaries_reached(g: nx.MultiDiGraph, group: str) -> set[str]:
    """Beneficiary groups the group or its units support or donate to, or that their products and
    initiatives target."""
    reached = set()
    for member in _members(g, group):
        for _, target, key in g.out_edges(member, keys=True):
            if key in REACHES:
                reached.add(target)
            elif key == OFFERS:
                reached.update(t for _, t, k in g.out_edges(target, keys=True) if k == OFFER_TARGETS)
    return {b for b in reached if g.nodes[b]["class"] == "BeneficiaryGroup"}


def _label(g: nx.MultiDiGraph, node: str) -> str:
    return g.nodes[node]["label"]


def network_stats(g: nx.MultiDiGraph, top: int = 10) -> list[Section]:
    """The statistics of ``g``; rankings keep the ``top`` first rows."""
    simple = nx.Graph(g.to_undirected(as_view=True))
    classes = Counter(d["class"] for _, d in g.nodes(data=True))
    mentioned = Counter(d["class"] for _, d in g.nodes(data=True) if d["articles"])
    relations = Counter(d["relation"] for _, _, d in g.edges(data=True))
    evidence = Counter()
    for _, _, d in g.edges(data=True):
        evidence[d["relation"]] += d["evidence"]

    # Exact betweenness is O(nodes × edges); past EXACT_BETWEENNESS nodes, estimate it from a fixed
    # sample of sources (seeded, so the answer does not change from run to run).
    sample = BETWEENNESS_SAMPLE if simple.number_of_nodes() > EXACT_BETWEENNESS else None
    betweenness = nx.betweenness_centrality(simple, k=sample, seed=0)
    organisations = sorted((n for n, d in g.nodes(data=True) if d["class"] in ORGANISATION_CLASSES),
                           key=lambda n: (-simple.degree(n), -betweenness[n], _label(g, n), n))
    groups = sorted(((n, beneficiaries_reached(g, n)) for n, d in g.nodes(data=True)
                     if d["class"] == "InsuranceGroup"), key=lambda x: (-len(x[1]), _label(g, x[0]), x[0]))
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))

    def hub(component):
        return max(component, key=lambda n: (simple.degree(n), betweenness[n], n))

    return [
        Section("classes", "Entities per class", ("class", "entities", "in articles"),
                [(c, classes[c], mentioned[c]) for c in ENTITY_CLASSES if classes[c]]),
        Section("relations", "Edges per relation", ("relation", "edges", "evidence sentences"),
                [(r, n, evidence[r]) for r, n in sorted(relations.items(), key=lambda x: (-x[1], x[0]))]),
        Section("organisations", "Most connected organisations", ("organisation", "class", "degree", "betweenness"),
                [(_label(g, n), g.nodes[n]["class"], simple.degree(n), round(betweenness[n], 4))
                 for n in organisations[:top]]),
        Section("groups", "Groups by the beneficiary groups they reach (themselves, their units, their offers)",
                ("group", "beneficiary groups", "reached"),
                [(_label(g, n), len(reached), sorted(_label(g, b) for b in reached))
                 for n, reached in groups[:top]]),
        Section("components", f"Connected components: {len(components)}, "
                f"{sum(len(c) == 1 for c in components)} of a single entity",
                ("component", "entities", "organisations", "hub"),
                [(i, len(c), sum(g.nodes[n]["class"] in ORGANISATION_CLASSES for n in c), _label(g, hub(c)))
                 for i, c in enumerate(components[:top], 1)]),
    ]


def render_stats(sections: list[Section], fmt: str) -> str:
    """The sections as aligned tables, CSV (one block per section, a blank line between) or JSON."""
    if fmt == "json":
        return json.dumps({s.name: {"title": s.title, "rows": [dict(zip(s.columns, r)) for r in s.rows]}
                           for s in sections}, ensure_ascii=False, indent=1)
    if fmt == "csv":
        return "\n\n".join(rows_as_csv(["section", *s.columns], [[s.name, *_cells(r)] for r in s.rows])
                           for s in sections)
    return "\n\n".join(f"{s.title}\n{rows_as_table(list(s.columns), [_cells(r) for r in s.rows])}" for s in sections)


def _cells(row: tuple) -> list:
    """A row for CSV or a table: lists (the beneficiary groups reached) become one comma-separated cell."""
    return [", ".join(v) if isinstance(v, list) else v for v in row]
