"""Training data for the relation model: each candidate of a gold article labelled stated or not.

A candidate is stated when the gold has its relation between the entities of its two ends (either
way round for a symmetric one) and the gold's evidence quote overlaps the candidate's sentence;
unstated when the gold has no such relation; and left out (neither) when the gold has it with
evidence from another sentence, which may or may not say it again. The frozen test split is
refused by :func:`graph.training.gold_pairs`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from .errors import ArticleError, IkgError
from .evaluate import GoldArticle, GraphReader, Node, same_entity
from .fold import fold
from .ingest import read_article
from .namespaces import SYMMETRIC
from .pipeline import Pipeline
from .records import Extraction, Sentence
from .relation_model import Candidate, RelationConfig, candidates
from .to_rdf import to_dataset
from .training import gold_pairs

_OVERLAP = 8  # characters of the evidence quote that must stand in the sentence (fewer: the whole quote)


@dataclass
class ArticleCandidates:
    """One gold article as the relation model sees it, with what the pipeline extracted from it."""

    gold: GoldArticle
    extraction: Extraction  # by the pipeline given: its facts are the rules' when the model is off
    sentences: list[Sentence]
    candidates: list[Candidate]
    labels: list[bool | None]  # stated, unstated, or left out

    def examples(self) -> Iterator[tuple[tuple[str, ...], bool]]:
        """The (features, stated?) pairs to train on: the candidates not left out."""
        return ((c.features, y) for c, y in zip(self.candidates, self.labels) if y is not None)


def _overlaps(evidence: str, sentence: str) -> bool:
    quote = "".join(fold(evidence).split())
    text = "".join(sentence.split())
    if len(quote) <= _OVERLAP:
        return quote in text
    return any(quote[i:i + _OVERLAP] in text for i in range(0, len(quote) - _OVERLAP + 1, 2))


def label(candidate: Candidate, gold: GoldArticle, node: Callable[[str], Node]) -> bool | None:
    """Whether the gold says ``candidate``'s sentence states it (None: the gold states it elsewhere);
    ``node`` gives the graph's view (class, labels) of an entity IRI, as the scorer compares them."""
    s, o = node(candidate.subject.iri), node(candidate.object.iri)
    found = False
    for g in gold.relations:
        if g.predicate != candidate.predicate:
            continue
        forward = same_entity(g.subject, s) and same_entity(g.object, o)
        backward = g.predicate in SYMMETRIC and same_entity(g.subject, o) and same_entity(g.object, s)
        if forward or backward:
            found = True
            if _overlaps(g.evidence, candidate.sentence.norm or candidate.sentence.text):
                return True
    return None if found else False


def article_candidates(pipeline: Pipeline, pairs: list[tuple[Path, Path]],
                       config: RelationConfig) -> list[ArticleCandidates]:
    """Every gold article of ``pairs`` (gold folder, articles folder), read by ``pipeline``, with its
    candidates labelled."""
    out = []
    for gold, path in gold_pairs(pairs):
        try:
            doc = read_article(path)
        except ArticleError as exc:
            raise IkgError(str(exc)) from None
        sentences, extraction = pipeline.read(doc)
        out.append(ArticleCandidates(gold, extraction, sentences,
                                     candidates(sentences, extraction.mentions, config), []))
    # The graph's labels of each entity (registry names included), as the scorer compares them.
    reader = GraphReader(to_dataset([a.extraction for a in out], pipeline.registry))

    def node(iri: str) -> Node:
        return reader.node(URIRef(iri))

    for a in out:
        a.labels = [label(c, a.gold, node) for c in a.candidates]
    return out
