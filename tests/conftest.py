"""Shared fixtures: the pipeline is loaded once, the seeds are built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph import Pipeline, build
from graph.namespaces import SKOS
from graph.store import load_dataset, memory_store, open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERIES = ROOT / "queries"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


@pytest.fixture(scope="session")
def seed_output(tmp_path_factory, pipeline):
    """(output folder, build report) of one build of seeds/."""
    out = tmp_path_factory.mktemp("output")
    report = build(SEEDS, out, pipeline)
    return out, report


@pytest.fixture(scope="session")
def seed_graph(seed_output):
    """The seeds' graph as a user gets it: read back from output/graph.trig."""
    out, _ = seed_output
    return load_dataset(out / "graph.trig")


@pytest.fixture(scope="session")
def seed_store(seed_output):
    """The store the seeds' build made, opened read-only (what graph.html is written from)."""
    out, _ = seed_output
    return open_store(out / "store")


def store_of(ds):
    """A store holding an rdflib dataset, with the summary graph a build keeps (for the explorer)."""
    return memory_store(ds.serialize(format="nquads", encoding="utf-8"))


def entity(ds, name: str) -> URIRef:
    """The one entity whose preferred or alternative label is ``name``; fails if none or several."""
    found = {s for p in (SKOS.prefLabel, SKOS.altLabel) for s in ds.subjects(p, Literal(name, lang="zh"))}
    assert len(found) == 1, f"{name!r} names {len(found)} entities: {sorted(found)}"
    return found.pop()
