"""Fold text for matching: full-width letters, digits and plus signs → ASCII, traditional → simplified Chinese.

Each character folds to exactly one character, so offsets into the folded text are offsets into
the article: rules match on the folded text, quotes and surface forms come from the original.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _narrow(ch: str) -> str:
    """A full-width letter, digit or plus as ASCII; any other character as it is.

    Chinese punctuation (，；：（）) is left alone: the rules are written with it. A full-width plus
    (「产品＋保险」, 1＋N) folds as letters do: the rules write a model's or a scheme's plus in ASCII.
    """
    width = unicodedata.normalize("NFKC", ch)
    return width if len(width) == 1 and width.isascii() and (width.isalnum() or width == "+") else ch


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """One character folded; a character that would fold to several stays as it is."""
    ch = _narrow(ch)
    simple = _T2S.convert(ch)
    return simple if len(simple) == 1 else ch


def fold(text: str) -> str:
    """``text`` folded: ``len(fold(text)) == len(text)``. Traditional script is read a phrase at a time,
    since a character's simplified form can hang on its neighbour (計畫 is 计划, not 计画; 藉此 is 借此),
    unless that would move a character; then character by character."""
    narrow = "".join(map(_narrow, text))
    if narrow.isascii():
        return narrow
    phrased = _T2S.convert(narrow)
    return phrased if len(phrased) == len(text) else "".join(map(fold_char, text))


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """:func:`fold` of a name, remembered: the linker compares each name of an article with the
    others, and folding them again each time made a long article's linking slow."""
    return fold(name)
