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
def fold_char(ch: str) -> str:
    """One character folded; a character that would fold to several stays as it is.

    Chinese punctuation (，；：（）) is left alone: the rules are written with it. A full-width plus
    (「产品＋保险」, 1＋N) folds as letters do: the rules write a model's or a scheme's plus in ASCII.
    """
    width = unicodedata.normalize("NFKC", ch)
    if len(width) == 1 and width.isascii() and (width.isalnum() or width == "+"):
        ch = width
    simple = _T2S.convert(ch)
    return simple if len(simple) == 1 else ch


def fold(text: str) -> str:
    """``text`` folded character by character: ``len(fold(text)) == len(text)``."""
    return "".join(map(fold_char, text))


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """:func:`fold` of a name, remembered: the linker compares each name of an article with the
    others, and folding them again each time made a long article's linking slow."""
    return fold(name)
