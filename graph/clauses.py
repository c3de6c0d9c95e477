"""Clauses: where a clause of a sentence starts and ends, by the punctuation patterns.toml lists.

Subjects, beneficiaries and the words that make a figure money are all looked for within a clause
(the text between two commas or semicolons), so every stage asks this one module where it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Punctuation:
    """The [punctuation] table of patterns.toml."""

    clause: str  # marks that separate clauses: commas and semicolons
    colon: str  # a colon also starts a clause, for what follows it
    sentence_end: str  # marks that end a sentence
    opening: str  # quotes and brackets that open a name
    closing: str  # and that close it

    def clause_start(self, text: str, position: int, colon: bool = True) -> int:
        """Start of the clause holding ``position`` (after the last separator before it)."""
        marks = self.clause + (self.colon if colon else "")
        return max(text.rfind(c, 0, position) for c in marks) + 1

    def clause_end(self, text: str, position: int) -> int:
        """End of the clause holding ``position`` (the next separator or sentence end, or the text's end)."""
        ends = [i for i in (text.find(c, position) for c in self.clause + self.sentence_end) if i >= 0]
        return min(ends) if ends else len(text)


def alternation(words) -> str:
    """A regular expression matching any of ``words``, longest first (so 中心支公司 beats 支公司)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
