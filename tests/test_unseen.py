"""Articles the rules were not written for: the builder still finds what a reader finds.

tests/corpus/unseen/ holds six short articles (plain text, UTF-8 with BOM and CRLF, GB18030,
Markdown, Jekyll HTML, scraped HTML with a footer) about insurers outside the seeds, with
expectations in expected.json written from reading them.
"""
import json
from pathlib import Path

import pytest

from graph.ingest import read_article
from graph.registry import normalise

CORPUS = Path(__file__).resolve().parent / "corpus" / "unseen"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extractions(pipeline):
    return {name: pipeline.extract(read_article(CORPUS / name)) for name in EXPECTED}


def by_surface(ex):
    """normalised surface form -> set of (class, IRI) it was linked to."""
    found = {}
    for lm in ex.mentions:
        found.setdefault(normalise(lm.mention.surface), set()).add((lm.entity.cls, lm.entity.iri))
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_entities_found_with_class(extractions, name):
    found = by_surface(extractions[name])
    missing = [(e["surface"], e["class"]) for e in EXPECTED[name]["entities"]
               if e["class"] not in {cls for cls, _ in found.get(normalise(e["surface"]), ())}]
    assert not missing


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_surface_forms_link_to_one_entity(extractions, name):
    found = by_surface(extractions[name])
    for forms in EXPECTED[name].get("same", []):
        iris = set().union(*({iri for _, iri in found.get(normalise(f), ())} for f in forms))
        assert len(iris) == 1, forms


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_branches_are_units_of_their_insurer(extractions, pipeline, name):
    ex = extractions[name]
    iri = {normalise(lm.mention.surface): lm.entity.iri for lm in ex.mentions}
    facts = {(f.subject.iri, f.predicate, f.object.iri) for f in ex.facts}
    for branch, insurer in EXPECTED[name].get("unit_of", []):
        assert (iri[normalise(branch)], "unitOf", pipeline.registry.lookup(insurer).entity.iri) in facts, branch


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_relations_found(extractions, name):
    ex = extractions[name]
    iri = {}
    for lm in ex.mentions:
        iri.setdefault(normalise(lm.mention.surface), lm.entity.iri)
    facts = {(f.subject.iri, f.predicate, f.object.iri) for f in ex.facts}
    missing = []
    for r in EXPECTED[name].get("relations", []):
        s, o = iri.get(normalise(r["subject"])), iri.get(normalise(r["object"]))
        symmetric = r["predicate"] == "partnersWith" and (o, r["predicate"], s) in facts
        if (s, r["predicate"], o) not in facts and not symmetric:
            missing.append(r)
    assert not missing
