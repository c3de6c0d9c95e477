"""The shortest chain of facts linking two entities, each step with the sentence it was read from.

The chain follows relations either way (A supports B and C supports B link A and C), on the entity
graph of graph/network.py. Among chains of the fewest steps, one whose steps have evidence in the
articles wins over one that leans on links known only from the registry.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import networkx as nx
import pyoxigraph

from .errors import IkgError
from .explain import find_entity
from .network import Evidence, edge_evidence
from .query import rows_as_csv

REGISTRY_STEP = 1.001  # a step without evidence costs a little more, never as much as one more step


@dataclass(frozen=True)
class Step:
    """One fact of the chain, in its own direction: ``subject relation object``."""

    subject: str  # labels
    relation: str  # prefixed, ik:supports
    object: str
    evidence: tuple[Evidence, ...]  # empty for a link known only from the registry


@dataclass(frozen=True)
class Chain:
    """The chain from one entity to another."""

    start: str  # labels
    end: str
    steps: tuple[Step, ...]


def _node(store: pyoxigraph.Store, g: nx.MultiDiGraph, name: str) -> str:
    """The graph node ``name`` names, found as `ikg explain` finds it."""
    iri = find_entity(store, name)
    if iri not in g:
        raise IkgError(f"{name!r} is not an entity of the graph")
    return iri


def _pick(g: nx.MultiDiGraph, u: str, v: str) -> tuple[str, str, dict]:
    """The best-backed fact between neighbours ``u`` and ``v``, either way: most evidence, then by name."""
    options = [(u, v, d) for d in (g.get_edge_data(u, v) or {}).values()]
    options += [(v, u, d) for d in (g.get_edge_data(v, u) or {}).values()]
    return min(options, key=lambda o: (-o[2]["evidence"], o[2]["relation"], o[0]))


def shortest_chain(store: pyoxigraph.Store, g: nx.MultiDiGraph, start: str, end: str) -> Chain:
    """The shortest chain of facts in ``g`` from the entity named ``start`` to the one named ``end``
    (names, aliases or IRIs); one-line errors when a name matches nothing or no chain exists."""
    a, b = _node(store, g, start), _node(store, g, end)
    if a == b:
        raise IkgError(f"{start!r} and {end!r} name the same entity")
    weighted = nx.Graph()
    weighted.add_nodes_from(g)
    for u, v, d in g.edges(data=True):
        cost = 1.0 if d["evidence"] else REGISTRY_STEP
        if not weighted.has_edge(u, v) or cost < weighted[u][v]["cost"]:
            weighted.add_edge(u, v, cost=cost)
    try:
        nodes = nx.shortest_path(weighted, a, b, weight="cost")
    except nx.NetworkXNoPath:
        raise IkgError(f"no chain of facts links {g.nodes[a]['label']} and {g.nodes[b]['label']}") from None
    steps = []
    for u, v in zip(nodes, nodes[1:]):
        s, o, d = _pick(g, u, v)
        steps.append(Step(g.nodes[s]["label"], d["relation"], g.nodes[o]["label"],
                          tuple(edge_evidence(store, s, d["relation"], o))))
    return Chain(g.nodes[a]["label"], g.nodes[b]["label"], tuple(steps))


def _article(ev: Evidence) -> str:
    return ev.title + (f" ({ev.date})" if ev.date else "")


def render_chain(chain: Chain, fmt: str) -> str:
    """The chain as numbered steps with quote and article (table), one row per step (CSV), or JSON.
    A step backed by several sentences shows the oldest article's and says how many more there are."""
    if fmt == "json":
        return json.dumps({"from": chain.start, "to": chain.end, "steps": [
            {"subject": s.subject, "relation": s.relation, "object": s.object,
             "evidence": [{"quote": e.quote, "article": e.title, "date": e.date} for e in s.evidence]}
            for s in chain.steps]}, ensure_ascii=False, indent=1)
    if fmt == "csv":
        return rows_as_csv(["step", "subject", "relation", "object", "quote", "article", "date", "evidence"], [
            [i, s.subject, s.relation, s.object, *((s.evidence[0].quote, s.evidence[0].title, s.evidence[0].date)
                                                   if s.evidence else ("", "", "")), len(s.evidence)]
            for i, s in enumerate(chain.steps, 1)])
    count = len(chain.steps)
    lines = [f"{chain.start} → {chain.end}: {count} step{'s' if count != 1 else ''}"]
    for i, step in enumerate(chain.steps, 1):
        lines.append(f"{i}. {step.subject} {step.relation.partition(':')[2]} {step.object}")
        if not step.evidence:
            lines.append("   (from the registry)")
            continue
        first = step.evidence[0]
        more = f" (+{len(step.evidence) - 1} more)" if len(step.evidence) > 1 else ""
        lines.append(f"   > {first.quote}")
        lines.append(f"   — {_article(first)}{more}")
    return "\n".join(lines)
