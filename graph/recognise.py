"""Recognise: find the mentions of entities in each sentence.

Registry aliases are matched first (longest match wins); then patterns find names the registry
lacks (branches, insurers by their suffix, quoted products and initiatives) and references that
only context resolves (旗下财险公司, 上海分公司, 公司).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import ahocorasick

from .records import Mention, Sentence
from .registry import Registry, normalise
from .rules import Rules
from .tokenize import Tokenizer

# Aliases this short must start and end on word boundaries ("人保" is not in "个人保险").
_SHORT_ALIAS = 3
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")


class AliasIndex:
    """Every registry alias as it may be written, mapped to its entity, in an Aho-Corasick
    automaton (pyahocorasick): one pass over a sentence finds every alias in it."""

    def __init__(self, surfaces: dict[str, str]):
        self.surfaces = surfaces
        self._automaton = ahocorasick.Automaton()
        for surface, iri in surfaces.items():
            if len(surface) > 1:
                self._automaton.add_word(surface, (len(surface), iri))
        if surfaces:
            self._automaton.make_automaton()

    @classmethod
    def build(cls, registry: Registry) -> "AliasIndex":
        surfaces = {}
        for iri, entry in registry.entries.items():
            for alias in entry.aliases:
                for form in {alias, unicodedata.normalize("NFKC", alias)}:
                    surfaces[form] = iri
        return cls(surfaces)

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Leftmost-longest matches of aliases in ``text``: (start, end, iri)."""
        if not self.surfaces:
            return []
        longest: dict[int, tuple[int, str]] = {}  # start -> (end, iri) of the longest alias there
        for last, (length, iri) in self._automaton.iter(text):
            start = last + 1 - length
            if start not in longest or longest[start][0] < last + 1:
                longest[start] = (last + 1, iri)
        found, reached = [], 0
        for start in sorted(longest):
            if start >= reached:
                end, iri = longest[start]
                found.append((start, end, iri))
                reached = end
        return found


def _runs(text: str, quotes: list) -> list[list]:
    """Quotes that follow one another with nothing but 、 between them, as lists."""
    runs: list[list] = []
    for quote in quotes:
        if runs and text[runs[-1][-1][0].end():quote[0].start()] in ("", "、"):
            runs[-1].append(quote)
        else:
            runs.append([quote])
    return runs


def _as_written(m: Mention, s: Sentence) -> Mention:
    """``m`` with its surface forms as the article writes them."""
    start = m.start - s.start
    parent = s.text[start:start + len(m.parent_surface)] if m.parent_surface else None
    return replace(m, surface=s.text[start:m.end - s.start], parent_surface=parent)


class Recogniser:
    """Finds mentions in sentences using the registry's aliases and the rules."""

    def __init__(self, registry: Registry, rules: Rules, tokenizer: Tokenizer):
        self.registry = registry
        self.rules = rules
        self.tokenizer = tokenizer
        self.index = AliasIndex.build(registry)

    def recognise(self, sentences: list[Sentence]) -> list[Mention]:
        """All mentions in ``sentences``, in text order, never overlapping.

        Matching runs on the folded text (中華 reads as 中华, ＡＢＣ as ABC); surface forms are
        taken back from the text as written.
        """
        mentions: list[Mention] = []
        for sentence in sentences:
            shadow = replace(sentence, text=sentence.norm or sentence.text)
            mentions.extend(_as_written(m, sentence) for m in self._sentence(shadow))
        return mentions

    # -- one sentence ---------------------------------------------------------------------------

    def _sentence(self, s: Sentence) -> list[Mention]:
        text = s.text
        taken = [False] * len(text)
        out: list[Mention] = []

        def free(start: int, end: int) -> bool:
            return start < end and not any(taken[start:end])

        def add(m: Mention) -> None:
            for k in range(m.start - s.start, m.end - s.start):
                taken[k] = True
            out.append(m)

        boundaries = self._boundaries(s)
        aliases = [(a, b, iri) for a, b, iri in self.index.matches(text)
                   if b - a > _SHORT_ALIAS or (a in boundaries and b in boundaries)]
        alias_spans = {(a, b) for a, b, _ in aliases}

        for m in self._quoted(s, alias_spans):
            add(m)
        for a, b, iri in aliases:
            if free(a, b):
                add(self._alias_mention(s, a, b, iri))
        for m in self._pattern_names(s) + self._suffix_names(s, boundaries):
            if free(m.start - s.start, m.end - s.start):
                add(m)
        for m in self._references(s):
            if free(m.start - s.start, m.end - s.start):
                add(m)
        for m in self._unquoted_products(s):
            if free(m.start - s.start, m.end - s.start):
                add(m)
        return sorted(out, key=lambda m: m.start)

    def _boundaries(self, s: Sentence) -> set[int]:
        if not s.tokens:  # no tokenizer: every position is a boundary
            return set(range(len(s.text) + 1))
        cuts = {t.start - s.start for t in s.tokens} | {t.end - s.start for t in s.tokens}
        return cuts

    def _alias_mention(self, s: Sentence, a: int, b: int, iri: str) -> Mention:
        entry = self.registry.entries[iri]
        base = Mention(s.text[a:b], s.start + a, s.start + b, s.index, entry.entity.cls, "alias", entity=iri)
        return self._with_unit(base, s.text, s.start)

    def _quoted(self, s: Sentence, alias_spans: set[tuple[int, int]]) -> list[Mention]:
        """Quoted names that are products or initiatives, by their ending or the words around them.

        Quotes in a row (“国寿准行”“云端赔”等线上化工具) share the class their list is given.
        """
        quotes = []
        for q in self.rules.quote.finditer(s.text):
            group = next(g for g in range(1, (q.lastindex or 0) + 1) if q.group(g) is not None)
            quotes.append((q, q.group(group), q.start(group), q.end(group)))
        out = []
        for run in _runs(s.text, quotes):
            last = run[-1][0]
            shared = self._quote_class("", s.text[last.end():], s.text[:run[0][0].start()])
            for q, name, a, b in run:
                if (a, b) in alias_spans or not name.strip():
                    continue
                cls = self._quote_class(name, s.text[q.end():] if q is last else "", s.text[:q.start()]) or shared
                if cls:
                    out.append(Mention(name, s.start + a, s.start + b, s.index, cls, "pattern"))
        return out

    def _quote_class(self, name: str, after: str, before: str) -> str | None:
        r = self.rules
        if (name and r.initiative_inside.search(name)) or (after and r.initiative_after.search(after)):
            return "Initiative"
        if ((name and r.product_inside.search(name)) or (after and r.product_after.search(after))
                or r.product_before.search(before)):
            return "Product"
        return None

    def _branch_after(self, text: str, end: int, cls: str) -> re.Match | None:
        """A unit's suffix right after an organisation's name: 上海分公司, 周口中心支公司, 河南省分行 …"""
        r = self.rules
        if cls in ("Insurer", "InsuranceGroup"):
            m = r.branch.match(text, end) or r.local_branch.match(text, end)
        elif cls == "Partner":
            m = r.partner_branch.match(text, end)
        else:
            return None
        if m and m["region"] in r.local_unit_stopwords:
            return None
        return m

    def _with_unit(self, mention: Mention, text: str, offset: int) -> Mention:
        """Extend a name by the unit that follows it (平安产险 + 上海分公司); a partner's unit stays a Partner."""
        unit = self._branch_after(text, mention.end - offset, mention.cls)
        if not unit:
            return mention
        return replace(mention, surface=text[mention.start - offset:unit.end()], end=offset + unit.end(),
                       cls="Partner" if mention.cls == "Partner" else "Branch", entity=None,
                       parent=mention.entity, parent_surface=mention.surface, region=unit["region"],
                       unit=unit["unit"])

    def _pattern_names(self, s: Sentence) -> list[Mention]:
        """Names a pattern gives whole: 河南银保监局, 北京保险行业协会 …"""
        return [Mention(m.group(), s.start + m.start(), s.start + m.end(), s.index, cls, "pattern")
                for cls, pattern in self.rules.pattern_names for m in pattern.finditer(s.text)]

    def _suffix_names(self, s: Sentence, boundaries: set[int]) -> list[Mention]:
        """Names the registry lacks, by their suffix: 某某人寿, 某某保险上海分公司, 周口农商银行 …"""
        out = []
        for rule in self.rules.suffix_names:
            for m in rule.suffix.finditer(s.text):
                start = self._name_start(s, m.start(), rule.max_stem, boundaries)
                if start is None:
                    continue
                if rule.check_pos and any(tag in self.rules.reject_pos
                                          for _, tag in self.tokenizer.pos(s.text[start:m.start()])):
                    continue
                mention = self._with_unit(Mention(s.text[start:m.end()], s.start + start, s.start + m.end(),
                                                  s.index, rule.cls, "pattern"), s.text, s.start)
                if rule.needs_branch and mention.unit is None:
                    continue
                out.append(mention)
        return out

    def _name_start(self, s: Sentence, suffix_start: int, max_stem: int, boundaries: set[int]) -> int | None:
        """Where a name ending at ``suffix_start`` begins, walking back over words."""
        r = self.rules
        if suffix_start not in boundaries:
            return None
        tokens = [t for t in s.tokens if t.end - s.start <= suffix_start]
        start = suffix_start
        for token in reversed(tokens):
            if token.text in r.name_boundary_tokens or not _NAME_CHAR.fullmatch(token.text[-1]):
                break
            if suffix_start - (token.start - s.start) > max_stem:
                return None  # no boundary in reach: a clause, not a name ("有效期内经医院")
            start = token.start - s.start
        stem = s.text[start:suffix_start]
        if len(stem) < 2 or any(stem.endswith(w) for w in r.stem_stopwords):
            return None
        return start

    def _references(self, s: Sentence) -> list[Mention]:
        """Words that only context resolves: 旗下财险公司, 上海分公司, 徐汇支公司, 公司."""
        r = self.rules
        out = []
        for name, line in self.registry.generic_names.items():
            for prefix in r.line_reference_prefixes:
                for m in re.finditer(re.escape(prefix + name), s.text):
                    out.append(Mention(m.group(), s.start + m.start(), s.start + m.end(), s.index,
                                       "Insurer", "reference", line=line))
        local = (m for m in r.local_branch.finditer(s.text)
                 if r.clause_start.fullmatch(s.text[m.start() - 1:m.start()] or " ")
                 and m["region"] not in r.local_unit_stopwords)
        for m in [*r.bare_branch.finditer(s.text), *local]:
            out.append(Mention(m.group(), s.start + m.start(), s.start + m.end(), s.index, "Branch",
                               "reference", region=m["region"], unit=m["unit"]))
        for m in r.anaphor.finditer(s.text):
            out.append(Mention(m.group(), s.start + m.start(), s.start + m.end(), s.index, "Insurer", "reference"))
        for m in r.product_anaphor.finditer(s.text):
            out.append(Mention(m.group(), s.start + m.start(), s.start + m.end(), s.index, "Product", "reference"))
        # Longer references first, so that 旗下财险公司 wins over 公司.
        return sorted(out, key=lambda m: (m.start - m.end, m.start))

    def _unquoted_products(self, s: Sentence) -> list[Mention]:
        r = self.rules
        out = []
        for m in r.unquoted_product.finditer(s.text):
            name = m.group(1)
            if r.unquoted_product_exclude.search(name) or normalise(name) in self.registry.aliases:
                continue
            out.append(Mention(name, s.start + m.start(1), s.start + m.end(1), s.index, "Product", "pattern"))
        return out
