"""Segment: split a document into sentences with offsets, and tokenize each sentence."""
from __future__ import annotations

from .clauses import Punctuation, default_punctuation
from .fold import fold
from .records import Document, Sentence
from .tokenize import Tokenizer

# The longest run of text read as one sentence. News sentences are far shorter (the longest of the
# 900 train, dev and seed articles has 265 characters); a page with no end marks (a scraped table, a
# list run together) would otherwise be one sentence, and the stages that compare a sentence's names
# pairwise would take hours on it. A longer run is cut after its last clause mark (，；、 …) within the
# limit, else at the limit.
MAX_SENTENCE = 1000


def split_sentences(doc: Document, punctuation: Punctuation | None = None) -> list[tuple[int, int, int]]:
    """Return (start, end, paragraph) for each sentence of ``doc``; a line is a paragraph. A
    sentence ends at an end mark (。！？) or an ellipsis, with the closing quotes after it."""
    marks = punctuation or default_punctuation()
    pattern = marks.sentence
    spans = []
    position = 0
    for paragraph, line in enumerate(doc.text.split("\n")):
        for match in pattern.finditer(line):
            start, end = match.span()
            # Trim surrounding spaces so that quotes start and end on text.
            while start < end and line[start].isspace():
                start += 1
            while end > start and line[end - 1].isspace():
                end -= 1
            while end - start > MAX_SENTENCE:
                cut = max(line.rfind(mark, start, start + MAX_SENTENCE) for mark in marks.clause) + 1
                cut = cut if cut > start else start + MAX_SENTENCE
                spans.append((position + start, position + cut, paragraph))
                start = cut
                while start < end and line[start].isspace():
                    start += 1
            if end > start:
                spans.append((position + start, position + end, paragraph))
        position += len(line) + 1
    return spans


def segment(doc: Document, tokenizer: Tokenizer | None = None,
            punctuation: Punctuation | None = None) -> list[Sentence]:
    """Sentences of ``doc`` with their folded text, and its tokens when a tokenizer is given."""
    sentences = []
    for index, (start, end, paragraph) in enumerate(split_sentences(doc, punctuation)):
        text = doc.text[start:end]
        norm = fold(text)
        tokens = tuple(tokenizer.tokenize(norm, start)) if tokenizer else ()
        sentences.append(Sentence(doc.id, index, start, end, text, paragraph, tokens, norm))
    return sentences
