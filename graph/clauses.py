"""Clauses: where a clause of a sentence starts and ends, by the punctuation patterns.toml lists.

Subjects, beneficiaries and the words that make a figure money are all looked for within a clause
(the text between two commas or semicolons), so every stage asks this one module where it is.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache

from .data import ONTOLOGY_DIR, patterns_table
from .errors import IkgError


@dataclass(frozen=True)
class Punctuation:
    """The [punctuation] table of patterns.toml."""

    clause: str  # marks that separate clauses: commas and semicolons
    colon: str  # a colon also starts a clause, for what follows it
    sentence_end: str  # marks that end a sentence
    opening: str  # quotes and brackets that open a name
    closing: str  # and that close it
    quotes: str  # quote marks, which names are compared without
    ellipsis: str  # also ends a sentence
    title_dots: str  # middle dots between a title and its subtitle

    @cached_property  # compiled once per table, not once per article
    def sentence(self) -> re.Pattern:
        """A sentence: up to its end marks (or an ellipsis) and the closing quotes after them."""
        ends, dots = re.escape(self.sentence_end), re.escape(self.ellipsis)
        return re.compile(f"[^{ends}{dots}\\n]*(?:(?:[{ends}]+|[{dots}]+)[{re.escape(self.closing)}]*|$)")

    def clause_start(self, text: str, position: int, colon: bool = True) -> int:
        """Start of the clause holding ``position`` (after the last separator before it)."""
        marks = self.clause + (self.colon if colon else "")
        return max(text.rfind(c, 0, position) for c in marks) + 1

    def clause_end(self, text: str, position: int) -> int:
        """End of the clause holding ``position`` (the next separator or sentence end, or the text's end)."""
        ends = [i for i in (text.find(c, position) for c in self.clause + self.sentence_end) if i >= 0]
        return min(ends) if ends else len(text)


def alternation(words) -> str:
    """A regular expression matching any of ``words``, longest first (so 中心支公司 beats 支公司).

    It starts with :func:`starts_ahead`: the same matches, but a position where none of the words
    starts is passed over at once instead of after trying every word (the region list has
    hundreds; that was a tenth of extraction)."""
    words = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    ahead = starts_ahead(words)
    return f"{ahead}(?:{body})" if ahead else body


def starts_ahead(words) -> str:
    """A look-ahead at the first characters of ``words``: it lets a pattern that goes on with
    one of them give up at once elsewhere. Empty when a word is empty (it could match anywhere)."""
    words = list(words)
    if not words or not all(words):
        return ""
    return f"(?=[{''.join(re.escape(c) for c in sorted({w[0] for w in words}))}])"


@lru_cache(maxsize=1)
def default_punctuation() -> Punctuation:
    """The [punctuation] table of the project's patterns.toml, for the stages that run before the
    rules are loaded (segmenting, comparing names)."""
    try:
        table = patterns_table("punctuation")
        return Punctuation(*(str(table[f.name]) for f in fields(Punctuation)))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise IkgError(f"{ONTOLOGY_DIR / 'patterns.toml'}: [punctuation]: cannot read: {exc}") from None
