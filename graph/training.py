"""Training data for the learned recogniser: gold entities located in their articles' sentences.

Every sentence of an annotated article is one example; each occurrence of a gold entity's name or
alias in it is labelled with the entity's class (BIO), overlaps read as the best whole reading.
The frozen test split (any folder named ``test``) is refused, so that it stays unseen.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .build import find_articles
from .errors import ArticleError, IkgError
from .evaluate import GoldArticle, load_gold
from .fold import fold
from .ingest import document_id, read_article
from .learned import SentenceInput, bio_labels
from .pipeline import Pipeline
from .recognise import Recogniser, best_reading, folded, learned_input
from .records import Document
from .segment import segment

# The folder name of the frozen test split (tests/corpus/news/test/): never trained on.
TEST_SPLIT = "test"

Example = tuple[SentenceInput, list[str]]


def refuse_test_split(path: Path) -> None:
    """Raise :class:`IkgError` when ``path`` is, or is inside, a folder named ``test``."""
    if TEST_SPLIT in Path(os.path.realpath(path)).parts:
        raise IkgError(f"{path}: is in a '{TEST_SPLIT}' folder, the frozen test split; it is for "
                       "evaluation only and is never trained on")


def gold_pairs(pairs: list[tuple[Path, Path]]) -> list[tuple[GoldArticle, Path]]:
    """Every gold article of the (gold folder, articles folder) pairs with its article file."""
    out = []
    for gold_dir, articles_dir in pairs:
        refuse_test_split(gold_dir)
        refuse_test_split(articles_dir)
        files = {document_id(p): p for p in find_articles(articles_dir)}
        for gold in load_gold(gold_dir):
            if gold.article not in files:
                raise IkgError(f"{gold.path}: article {gold.article!r} is not in {articles_dir}")
            out.append((gold, files[gold.article]))
    return out


def _names(gold: GoldArticle) -> dict[str, str]:
    """The folded surface forms of the gold's written entities, each with its class."""
    names = {}
    for e in gold.entities:
        if e.scored:  # optional things (客户, generic lines) stay unlabelled, as they are unscored
            for form in (e.name, *e.aliases):
                names.setdefault(fold(form.strip()), e.type)
    return names


def article_examples(recogniser: Recogniser, punctuation, doc: Document, gold: GoldArticle,
                     pos: bool = True) -> Iterator[Example]:
    """One labelled example per sentence of ``doc`` (``pos``: with part-of-speech tags)."""
    names = _names(gold)
    for sentence in segment(doc, recogniser.tokenizer, punctuation):
        view = recogniser.view(folded(sentence))
        text = view.text
        spans = []
        for name, cls in names.items():
            start = text.find(name) if name else -1
            while start >= 0:
                spans.append((start, start + len(name), cls))
                start = text.find(name, start + 1)
        yield learned_input(recogniser, view, pos), bio_labels(len(text), best_reading(spans))


def training_examples(pipeline: Pipeline, pairs: list[tuple[Path, Path]],
                      pos: bool = True) -> tuple[list[Example], int]:
    """The labelled sentences of every gold article of ``pairs``, and how many articles they come
    from (``pos``: with part-of-speech tags, when the model reads them)."""
    recogniser = Recogniser(pipeline.registry, pipeline.rules, pipeline.tokenizer)
    examples: list[Example] = []
    articles = gold_pairs(pairs)
    for gold, path in articles:
        try:
            doc = read_article(path)
        except ArticleError as exc:
            raise IkgError(str(exc)) from None
        examples.extend(article_examples(recogniser, pipeline.rules.punctuation, doc, gold, pos))
    return examples, len(articles)
