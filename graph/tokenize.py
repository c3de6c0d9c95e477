"""Chinese word tokenizers behind a small registry, so that jieba is one swappable choice.

A tokenizer is built from the domain words (registry aliases) it must never cut apart.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Protocol

from .errors import IkgError
from .records import Token


class Tokenizer(Protocol):
    """Splits text into words with character offsets."""

    def tokenize(self, text: str, offset: int = 0) -> list[Token]: ...

    def pos(self, text: str, guess_unknown: bool = True) -> list[tuple[str, str]]:
        """(word, part-of-speech tag) pairs; an empty list when the tokenizer has no tagger.
        ``guess_unknown=False`` skips guessing the words of runs no dictionary has: faster, and
        enough where a tag is one feature among many (the learned recogniser), not a verdict."""
        ...


TOKENIZERS: dict[str, Callable[[Iterable[str]], Tokenizer]] = {}


def register(name: str):
    """Class decorator: make a tokenizer available under ``name``."""
    def deco(factory):
        TOKENIZERS[name] = factory
        return factory
    return deco


def create(name: str, domain_words: Iterable[str]) -> Tokenizer:
    """Build the tokenizer called ``name`` with ``domain_words`` in its dictionary."""
    try:
        factory = TOKENIZERS[name]
    except KeyError:
        raise IkgError(f"unknown tokenizer {name!r}; known: {', '.join(sorted(TOKENIZERS))}") from None
    return factory(domain_words)


@register("jieba")
class JiebaTokenizer:
    """jieba's HMM tokenizer with the registry's names added as user words."""

    def __init__(self, domain_words: Iterable[str]):
        import jieba

        jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" chatter is not for users
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        for word in sorted(set(domain_words)):
            if len(word) > 1 and " " not in word:
                self._jieba.add_word(word)
        self._tagger = None  # jieba.posseg, built on first use: most documents never need it

    def tokenize(self, text: str, offset: int = 0) -> list[Token]:
        return [Token(w, s + offset, e + offset) for w, s, e in self._jieba.tokenize(text)]

    def pos(self, text: str, guess_unknown: bool = True) -> list[tuple[str, str]]:
        if self._tagger is None:
            import jieba.posseg

            self._tagger = jieba.posseg.POSTokenizer(self._jieba)
        return [(p.word, p.flag) for p in self._tagger.cut(text, HMM=guess_unknown)]
