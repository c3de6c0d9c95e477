"""Run one stage of the pipeline on a sentence or two, for the per-stage tests."""
from __future__ import annotations

from graph.link import Linker
from graph.recognise import Recogniser
from graph.records import Document
from graph.relate import Relator
from graph.segment import segment


def document(text: str, date: str | None = "2022-04-20") -> Document:
    return Document(id="t", path="t.txt", title="", text=text, date=date)


def mentions(pipeline, text: str, disabled=()):
    """The recogniser's mentions of ``text``."""
    recogniser = Recogniser(pipeline.registry, pipeline.rules, pipeline.tokenizer, disabled)
    return recogniser.recognise(segment(document(text), pipeline.tokenizer))


def found(pipeline, text: str, disabled=()) -> set[tuple[str, str]]:
    """(surface, class) of every mention the recogniser finds in ``text``."""
    return {(m.surface, m.cls) for m in mentions(pipeline, text, disabled)}


def linked(pipeline, text: str):
    """Mentions of ``text`` resolved to entities, as the pipeline links them (with the article's market)."""
    sentences = segment(document(text), pipeline.tokenizer)
    recogniser = Recogniser(pipeline.registry, pipeline.rules, pipeline.tokenizer)
    found = recogniser.recognise(sentences)
    return Linker(pipeline.registry, pipeline.rules).link(found, recogniser.market(sentences, found))


def entities(pipeline, text: str):
    """(surface, entity) of each mention of ``text``, resolved."""
    return [(lm.mention.surface, lm.entity) for lm in linked(pipeline, text)]


def related(pipeline, text: str, disabled=()):
    """(facts, figures) the relator reads from ``text``."""
    doc = document(text)
    sentences = segment(doc, pipeline.tokenizer)
    recogniser = Recogniser(pipeline.registry, pipeline.rules, pipeline.tokenizer)
    found = recogniser.recognise(sentences)
    links = Linker(pipeline.registry, pipeline.rules).link(found, recogniser.market(sentences, found))
    return Relator(pipeline.rules, disabled, registry=pipeline.registry).relate(doc, sentences, links)


def assert_family_needed(read, pipeline, text: str, expected, family: str) -> None:
    """``read`` (``found`` or ``triples`` of a stage test) gives ``expected`` for ``text`` with every
    family on, and not with ``family`` off: the case fails if the family is removed."""
    assert expected in read(pipeline, text)
    assert expected not in read(pipeline, text, disabled=[family])
