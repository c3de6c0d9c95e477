"""Segment: split a document into sentences with offsets, and tokenize each sentence."""
from __future__ import annotations

from .clauses import Punctuation, default_punctuation
from .fold import fold
from .records import Document, Sentence
from .tokenize import Tokenizer



def split_sentences(doc: Document, punctuation: Punctuation | None = None) -> list[tuple[int, int, int]]:
    """Return (start, end, paragraph) for each sentence of ``doc``; a line is a paragraph. A
    sentence ends at an end mark (。！？) or an ellipsis, with the closing quotes after it."""
    pattern = (punctuation or default_punctuation()).sentence
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
