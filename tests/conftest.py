"""Shared fixtures: the pipeline is loaded once, the seeds are built once per test session."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph import Pipeline, build
from graph.build import find_articles
from graph.evaluate import load_gold
from graph.ingest import read_article
from graph.namespaces import SKOS
from graph.registry import normalise
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


def gold_quote_problems(gold_dir: Path, articles: Path) -> list[tuple[str, str]]:
    """(article, what) for every gold name, evidence quote or amount as written its article lacks.

    Names are compared after NFKC and the registry's normalisation (full-width forms), in the
    article's title and text; quotes exactly but for white space, in its text or in its raw page."""
    def flat(text: str) -> str:
        return normalise(unicodedata.normalize("NFKC", text))

    def squash(text: str) -> str:
        return "".join(text.split())

    paths = {p.stem: p for p in find_articles(articles)}
    problems = []
    for g in load_gold(gold_dir):
        if g.article not in paths:
            problems.append((g.article, "no article"))
            continue
        doc = read_article(paths[g.article])
        text = doc.text
        # a table row may be quoted as the page writes it, markup and all (a GBK page's quotes are in text)
        raw = paths[g.article].read_bytes().decode("utf-8", "replace")
        problems += [(g.article, f"name {e.name}") for e in g.entities if not e.implied
                     and not any(flat(n) in flat(f"{doc.title}\n{text}") for n in (e.name, *e.aliases))]
        problems += [(g.article, f"quote {q}") for q in [r.evidence for r in g.relations] +
                     [m.evidence for m in g.amounts] if squash(q) not in squash(text) and q not in raw]
        problems += [(g.article, f"as written {m.as_written}") for m in g.amounts if m.as_written not in m.evidence]
    return problems
