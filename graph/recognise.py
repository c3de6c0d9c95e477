"""Recognise: find the mentions of entities in each sentence.

Recognition is a list of named components (:data:`RECOGNISERS`), one per rule family, run in
order over each sentence; a component's mention is kept only where no earlier one claimed the
text. Any component can be switched off by name, so an ablation is one argument.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

import ahocorasick

from . import news_tagger
from .clauses import alternation
from .errors import IkgError
from .fold import fold
from .ingest import credit_span
from .learned import LearnedModel, SentenceInput
from .namespaces import INSURER_CLASSES, ORGANISATION_CLASSES, PUBLIC_CLASSES
from .records import Mention, Sentence, Token
from .registry import Registry, normalise
from .rules import Rules, SuffixName
from .tables import row_cells
from .tokenize import Tokenizer

# Aliases this short must start and end on word boundaries ("人保" is not in "个人保险").
_SHORT_ALIAS = 3
_COVER_OR_PROGRAMME = ("Product", "Initiative")  # the classes one quoted name may flip between
_BODIES = ("Partner", "Regulator", "IndustryBody")  # organisations a pattern names: no list has them all
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
        """Every alias in ``text``, overlapping ones included: (start, end, iri)."""
        if not self.surfaces:
            return []
        return [(last + 1 - length, last + 1, iri) for last, (length, iri) in self._automaton.iter(text)]


def best_reading(spans: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """The non-overlapping spans that cover the most text, with the fewest pieces on a tie, and
    on a further tie the one ending last.

    Overlapping names are read as a whole: in 中国平安产险上海分公司 the reading 平安产险上海分公司
    (nine characters) beats 中国平安 (four), where leftmost-longest would take the group's name; in
    中国太保产险 the subsidiary 太保产险 (ending last) beats 中国太保, which would leave 产险 dangling.
    """
    spans = sorted(spans, key=lambda x: (x[1], x[0]))
    ends = [b for _, b, _ in spans]
    # best[i]: the best score and choice using only the first i spans (weighted interval scheduling)
    best: list[tuple[tuple[int, int], tuple]] = [((0, 0), ())]
    for i, (a, b, payload) in enumerate(spans):
        j = bisect.bisect_right(ends, a, 0, i)  # spans ending at or before a
        (covered, pieces), chosen = best[j]
        take = ((covered + b - a, pieces - 1), chosen + ((a, b, payload),))
        best.append(take if take[0] >= best[i][0] else best[i])
    return sorted(best[-1][1], key=lambda x: x[0])


def _runs(text: str, quotes: list, joiners: frozenset[str]) -> list[list]:
    """Quotes that follow one another with nothing but a list joiner (、) between them, as lists."""
    runs: list[list] = []
    for quote in quotes:
        if runs and text[runs[-1][-1][0].end():quote[0].start()] in joiners | {""}:
            runs[-1].append(quote)
        else:
            runs.append([quote])
    return runs


def _taken(s: Sentence, mentions: Iterable[Mention]) -> list[bool]:
    """For each character of ``s``, whether one of ``mentions`` covers it."""
    taken = [False] * len(s.text)
    for m in mentions:
        taken[m.start - s.start:m.end - s.start] = [True] * (m.end - m.start)
    return taken


def _occurrences(word: str, text: str) -> list[int]:
    """Where the non-empty ``word`` starts in ``text``, left to right, occurrences not overlapping
    (what ``re.finditer`` of the escaped word gives, without building and looking up a pattern for
    every word of every sentence)."""
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + len(word))
    return out


def _as_written(m: Mention, s: Sentence) -> Mention:
    """``m`` with its surface forms as the article writes them, its whole name too (an article in
    traditional script writes 專項行動, not the folded 专项行动 the rules read)."""
    start, end = m.start - s.start, m.end - s.start
    parent = None
    if m.parent_surface:  # the parent's name starts the mention, or ends it (厦门人保财险)
        at = start + max(m.surface.find(m.parent_surface), 0)
        parent = s.text[at:at + len(m.parent_surface)]
    whole = m.whole
    if whole and whole.startswith(m.surface):
        # the words after the name, right after it or past its closing quote (“X”专项行动)
        tail = whole[len(m.surface):]
        at = next((i for i in range(end, min(end + 2, len(s.text)) + 1) if fold(s.text[i:i + len(tail)]) == tail), None)
        whole = s.text[start:end] + s.text[at:at + len(tail)] if at is not None else whole
    return replace(m, surface=s.text[start:end], parent_surface=parent, whole=whole)


@dataclass
class SentenceView:
    """One sentence as the components see it (folded text), with what several of them share,
    computed once: word boundaries, the best reading of registry aliases, names found by suffix."""

    sentence: Sentence
    boundaries: set[int]
    aliases: list[tuple[int, int, str, re.Match | None]]  # (start, end, iri, unit after it)
    alias_spans: set[tuple[int, int]]  # every alias match, read or not: a quoted alias is no product
    patterned: list[Mention] = field(default_factory=list)  # names patterns give whole
    suffixed: list[tuple[Mention, bool]] = field(default_factory=list)  # (name, needs a unit)
    over_insurers: list[Mention] = field(default_factory=list)  # names read whole over an insurer's name
    matches: list[tuple[int, int, str]] = field(default_factory=list)  # the alias automaton's (start, end, iri)

    @property
    def text(self) -> str:
        return self.sentence.text


# A component reads a sentence and proposes mentions; it gets the recogniser for its knowledge.
Component = Callable[["Recogniser", SentenceView], Iterable[Mention]]
_COMPONENTS: dict[str, Component] = {}


def component(name: str):
    """Register a recogniser component under ``name``."""
    def deco(fn: Component) -> Component:
        _COMPONENTS[name] = fn
        return fn
    return deco


class Recogniser:
    """Finds mentions in sentences using the registry's aliases and the rules."""

    def __init__(self, registry: Registry, rules: Rules, tokenizer: Tokenizer,
                 disabled: Iterable[str] = (), learned: LearnedModel | None = None):
        self.registry = registry
        self.rules = rules
        self.tokenizer = tokenizer
        self.learned = learned  # the trained CRF of the "learned" component; None: it finds nothing
        self.index = AliasIndex.build(registry)
        unknown = set(disabled) - set(RECOGNISERS)
        if unknown:
            raise IkgError(f"unknown recogniser component {sorted(unknown)[0]!r}; "
                           f"choose from {', '.join(RECOGNISERS)}")
        self.enabled = tuple(name for name in RECOGNISERS if name not in set(disabled))

    def recognise(self, sentences: list[Sentence]) -> list[Mention]:
        """All mentions in ``sentences``, in text order, never overlapping.

        Matching runs on the folded text (中華 reads as 中华, ＡＢＣ as ABC); surface forms are
        taken back from the text as written.
        """
        short_names: dict[str, Mention] = {}  # 国元保险 → the registry name it was given for
        shadows = [folded(sentence) for sentence in sentences]
        events = self._quoted_events(shadows)
        found = []
        for shadow in shadows:
            found.append([m for m in self._sentence(shadow) if not (m.kind == "pattern" and m.surface in events)])
        found = self._groups_in_insurer_columns(shadows, found)
        found = self._shares_insurers(shadows, found)
        found = [self._learn_short_names(shadow, names, short_names) for shadow, names in zip(shadows, found)]
        if short_names:  # a headline may use a short name the body defines later
            found = [self._learn_short_names(shadow, names, short_names) for shadow, names in zip(shadows, found)]
        found = self._one_class_per_name(found)
        found = self._named_again(shadows, found)
        found = self._kind_named_bare(shadows, found)
        found = self._local_bodies(shadows, found)
        found = self._placed(shadows, found)
        return [_as_written(m, sentence) for sentence, names in zip(sentences, found) for m in names]

    def _named_again(self, sentences: list[Sentence], found: list[list[Mention]]) -> list[list[Mention]]:
        """A product or programme the article names somewhere (推出“沪惠保”, 推出区级特色农业保险) is named
        wherever it writes that name again, without the quotes or the verb that gave it away
        (同X订立了区级特色农业保险保单, 沪惠保的承保机构为X): each such place, word-aligned, not inside
        another name (a shorter product inside it gives way) and not the head right after a quoted one
        (“吉牛保”肉牛价格指数保险), is a mention of it too. Names shorter than ``named_again_min_length``
        (``named_again_quoted_min_length`` for one the article quotes somewhere: “豫健保”) are left alone.
        So is a group the article names after a word of help (让茶农最头疼的…；茶农无须报案), any length,
        unless written as an office's start, one person or a role taken on (``role_before``). So is a
        body a pattern found once (收到冬衣的是玉树的贡成五福养老院 … 把冬衣捐给贡成五福养老院, where 给 hides
        the name's start), from ``named_again_body_min_length`` characters. A programme named as its brand and
        its own part (泰康之家·沈园) is named again by that part alone (沈园), a short name of it."""
        named: dict[str, Mention] = {}
        opening = self.rules.punctuation.opening
        for s, names in zip(sentences, found):
            for m in names:
                quoted = m.start > s.start and s.text[m.start - s.start - 1] in opening
                shortest = (self.rules.named_again_quoted_min_length if quoted
                            else self.rules.named_again_min_length)
                if m.kind == "pattern" and (m.cls == "BeneficiaryGroup" or (
                        m.cls in _COVER_OR_PROGRAMME and len(m.surface) >= shortest) or (
                        m.cls in _BODIES and len(m.surface) >= self.rules.named_again_body_min_length)):
                    named.setdefault(m.surface, m)
                own = m.surface.rpartition(self.rules.named_tail_separator)[2]
                if (m.kind == "pattern" and m.cls in _COVER_OR_PROGRAMME and own != m.surface and len(own) >= 2
                        and own not in self.rules.programme_generic_words):
                    named.setdefault(own, replace(m, short_for=m.short_for or m.whole or m.surface))
        if not named:
            return found
        out, closing = [], self.rules.punctuation.closing
        roles = self.rules.beneficiaries.role_before
        for s, names in zip(sentences, found):
            # a shorter product or programme inside the name is the name's own word (the kind 惠民保 of a
            # headline's 东营惠民保): the name takes its place; any other mention blocks it
            taken = _taken(s, (m for m in names if m.cls not in _COVER_OR_PROGRAMME))
            starts = {t.start - s.start for t in s.tokens}
            ends = {t.end - s.start for t in s.tokens}
            added = []
            for name in sorted(named, key=len, reverse=True):  # the longest name first
                for a in _occurrences(name, s.text):
                    b = a + len(name)
                    if any(taken[a:b]) or s.tokens and not (a in starts and b in ends):
                        continue
                    if a and s.text[a - 1] in closing:  # the head of a quoted name (“吉牛保”肉牛价格指数保险)
                        continue
                    inner = [m for m in names if s.start + a < m.end and m.start < s.start + b]
                    if any(m.start < s.start + a or m.end > s.start + b
                           or (m.start, m.end) == (s.start + a, s.start + b) for m in inner):
                        continue  # another name across its edge, or the name itself, already a mention
                    again = replace(named[name], start=s.start + a, end=s.start + b, sentence=s.index)
                    if self._starts_an_office(s, again) or self._one_of_a_group(s, again) or (
                            again.cls == "BeneficiaryGroup" and roles and roles.search(s.text, 0, a)):
                        continue  # a group word that starts an office's name (志愿者组织), names one person, or
                        # the role someone takes on (担任楼层志愿者)
                    names = [m for m in names if m not in inner]
                    taken[a:b] = [True] * (b - a)
                    added.append(again)
            out.append(sorted(names + added, key=lambda m: m.start) if added else names)
        return out

    def _kind_named_bare(self, sentences: list[Sentence], found: list[list[Mention]]) -> list[list[Mention]]:
        """A group named by its crop (胶农), in an article whose group helped is a generic word of that kind
        (为种植户…: ``generic_groups``), is named wherever the article writes it, though no word of help stands
        before it there (胶农的收入…): the article's growers are those, and the linker takes the generic word
        for them. Only where the article writes one such word (not 果农 and 菜农) and finds no group of the kind."""
        r = self.rules
        kinds = [r.generic_groups[m.surface] for names in found for m in names
                 if m.cls == "BeneficiaryGroup" and m.surface in r.generic_groups]
        named = {m.surface for names in found for m in names if m.cls == "BeneficiaryGroup"}
        if not kinds or any(kind.match(name) for kind in kinds for name in named if name not in r.generic_groups):
            return found  # it names one already (金柚种植户): the linker takes the generic word for that one
        written = {word for word in r.beneficiaries.bare_heads
                   if word not in r.generic_groups and any(kind.match(word) for kind in kinds)
                   and any(word in s.text for s in sentences)}
        if len(written) != 1:
            return found
        word = written.pop()
        out = []
        for s, names in zip(sentences, found):
            taken = _taken(s, names)
            starts = {t.start - s.start for t in s.tokens}
            ends = {t.end - s.start for t in s.tokens}
            added = [Mention(word, s.start + a, s.start + a + len(word), s.index, "BeneficiaryGroup", "pattern")
                     for a in _occurrences(word, s.text)
                     if not any(taken[a:a + len(word)]) and a in starts and a + len(word) in ends]
            out.append(sorted(names + added, key=lambda m: m.start) if added else names)
        return out

    def _local_bodies(self, sentences: list[Sentence], found: list[list[Mention]]) -> list[list[Mention]]:
        """In the news of a market outside the mainland (:meth:`_market`), the bare names its own news
        gives its bodies (ik:localName of a Regulator: 金管局 in Macao news, 保險局 and 銀行局 in Taiwan
        news), wherever no longer name holds them; elsewhere they name nothing (a mainland 金管局).
        A registry alias that is one of the market's local names (宏利, 保誠 in Hong Kong news priced in 港元) names
        the local firm: the linker, which counts only the market's insurers named in full, may not know the market."""
        market = self._market(sentences, found)
        local = self.registry.local_names.get(market, {})
        found = [[replace(m, cls=entry.entity.cls, entity=entry.entity.iri) if m.kind == "alias" and (
            entry := self.registry.local_entry(market, m.surface)) else m for m in mentions] for mentions in found]
        names = {name: self.registry.entries[iri].entity for name, iri in local.items()
                 if self.registry.entries[iri].entity.cls in PUBLIC_CLASSES and name not in self.registry.aliases}
        if not names:
            return found
        out = []
        for s, mentions in zip(sentences, found):
            taken = _taken(s, mentions)
            added = []
            for name, entity in names.items():
                for a in _occurrences(name, s.text):
                    b = a + len(name)
                    if any(taken[a:b]) or self._after_place(s.text[:a]):
                        continue  # 北京市金管局, 市金管局: a mainland place's own body
                    taken[a:b] = [True] * (b - a)
                    added.append(Mention(name, s.start + a, s.start + b, s.index, entity.cls, "alias",
                                         entity=entity.iri))
            out.append(sorted(mentions + added, key=lambda m: m.start) if added else mentions)
        return out

    def market(self, sentences: list[Sentence], mentions: list[Mention]) -> str | None:
        """The market outside the mainland whose news the article is (:meth:`_market`), from the
        mentions :meth:`recognise` found: the linker reads its local names by it too."""
        found = [[m for m in mentions if m.sentence == s.index] for s in sentences]
        return self._market([folded(s) for s in sentences], found)

    def _after_place(self, before: str) -> bool:
        """Whether ``before`` ends with a place or a level (北京, 北京市, 市, 区): a body named right after
        it is that place's."""
        levels = {*self.rules.implied_levels, *self.rules.implied_local_levels}
        return bool(self.rules.region_before.search(before)) or any(before.endswith(lv) for lv in levels)

    def _market(self, sentences: list[Sentence], found: list[list[Mention]]) -> str | None:
        """The market outside the mainland whose news the article is: the one of which it names
        ``local_market_insurers`` registry firms or bodies (ik:market), or writes its places (香港,
        本港) as many times and more often than any other region of the region list."""
        named = (m.entity for names in found for m in names if m.kind != "reference")
        market = self.registry.market_of(named, self.rules.local_market_insurers)
        if market is not None or not self.rules.market_places:
            return market
        own = {w for words in self.rules.market_places.values() for w in words}
        counts = Counter()
        for s in sentences:
            for market, words in self.rules.market_places.items():
                counts[market] += sum(len(_occurrences(w, s.norm)) for w in words)  # 臺灣 as 台湾
            counts[None] += sum(1 for m in self._region_names.finditer(s.norm) if m.group() not in own)
        ranked = counts.most_common(2) + [(None, 0)]
        (first, n), (_, second) = ranked[0], ranked[1]
        return first if first is not None and n >= self.rules.local_market_insurers and second < n else None

    @cached_property
    def _region_names(self) -> re.Pattern:
        """Any region of the region list, the longest first."""
        return re.compile(alternation(self.rules.region_names))

    def _placed(self, sentences: list[Sentence], found: list[list[Mention]]) -> list[list[Mention]]:
        """Each government body, association or charity named without its place (县财政, 市政府, 市保险行业协会,
        州慈善总会) with the place of its level the sentence names nearest before it (江苏随后层层转发，省经信委…), or else
        the one the article names most, at least twice and more often than any other (a headline's and
        body's 青阳县): the linker's last reading, where no body or branch named nearby places it."""
        levels = sorted([*self.rules.implied_levels, *self.rules.implied_local_levels], key=len, reverse=True)
        named = [(s.index, s.start + m.start(), self._places[m.group()])
                 for s in sentences for m in self._place_names.finditer(s.text)
                 if not self._joiner_and_level(s.text, m.start(), m.end())]  # 市政府|和县政府 names no 和县
        out = []
        for names in found:
            placed = []
            for m in names:
                if (m.cls in PUBLIC_CLASSES or m.kind == "reference") and self.rules.implied_place.fullmatch(m.surface):
                    body = m.surface.removeprefix(self.rules.implied_prefix(m.surface))
                    level = next(lv for lv in levels if body.startswith(lv))
                    places = [(index, at, place) for index, at, place in named if place.endswith(level)]
                    near = [place for index, at, place in places if index == m.sentence and at < m.start]
                    counts = Counter(place for _, _, place in places).most_common(2)
                    if near:
                        m = replace(m, place=near[-1])
                    elif counts and counts[0][1] >= 2 and (len(counts) == 1 or counts[0][1] > counts[1][1]):
                        m = replace(m, place=counts[0][0])
                placed.append(m)
            out.append(placed)
        return out

    @cached_property
    def _places(self) -> dict[str, str]:
        """Place names as the text writes them, each with the place they name at its level: a region
        that fits a level (山东 → 山东省, 东营 → 东营市), or a county-level place of the county list
        (青阳县, 海伦市)."""
        levels = self.rules.implied_levels
        out = {}
        for level in levels:
            out |= {region: region + level for region in self.rules.region_names
                    if self.rules.fits_level(region, level)}
        out |= {place: place for place in self.rules.local_places
                if place[-1:] in {*levels, *self.rules.implied_local_levels}}
        return out

    @cached_property
    def _place_names(self) -> re.Pattern:
        """Any of :attr:`_places`, the longest first."""
        return re.compile(alternation(self._places))

    def _one_class_per_name(self, found: list[list[Mention]]) -> list[list[Mention]]:
        """A name read as a product in one place and as a programme in another (“西湖益联保”于2021年推出
        …在“西湖益联保”项目中) is one thing: the class most of its mentions give, on a tie the one its
        own ending gives (…保, …险: cover; …计划, …行动: a programme), else its first mention's."""
        votes: dict[str, list[str]] = {}
        for names in found:
            for m in names:
                if m.kind == "pattern" and m.cls in _COVER_OR_PROGRAMME:
                    votes.setdefault(m.surface, []).append(m.cls)
        chosen = {}
        for name, classes in votes.items():
            if len(set(classes)) < 2:
                continue
            products, initiatives = classes.count("Product"), classes.count("Initiative")
            if products != initiatives:
                chosen[name] = "Product" if products > initiatives else "Initiative"
            elif self.rules.initiative_inside.search(name):
                chosen[name] = "Initiative"
            elif self.rules.product_inside.search(name):
                chosen[name] = "Product"
            else:
                chosen[name] = classes[0]
        if not chosen:
            return found
        return [[replace(m, cls=chosen[m.surface]) if m.kind == "pattern" and m.surface in chosen
                 and m.cls in _COVER_OR_PROGRAMME else m for m in names] for names in found]

    def _quoted_events(self, sentences: list[Sentence]) -> set[str]:
        """Quoted words the article shows to be an event or a slogan somewhere (台风“贝碧嘉”): no
        name of a product or programme anywhere in it (据测算，“贝碧嘉”造成的…)."""
        out = set()
        for s in sentences:
            defined = {d.start("short") for d in self.rules.short_name.finditer(s.text)}  # （以下简称“X”）names X
            for q in self.rules.quote.finditer(s.text):
                if q.start() + 1 in defined:
                    continue
                name = next(g for g in q.groups() if g is not None)
                if self._not_a_name(name, s.text[q.end():], s.text[:q.start()]):
                    out.add(name)
        return out

    def _learn_short_names(self, s: Sentence, mentions: list[Mention], short_names: dict[str, Mention]) -> list[Mention]:
        """``mentions`` with the article's own short names: after 国元农业保险股份有限公司（以下简称
        “国元保险”）, 国元保险 is that registry entity wherever the article writes it, though the
        registry lacks the alias."""
        for m in mentions:
            known = self.registry.lookup(m.surface) if m.kind == "alias" and m.entity else None
            if known and known.entity.iri != m.entity:  # read otherwise here (a group listed with insurers):
                short_names.setdefault(m.surface, m)  # so in the rest of the article
            named = m
            if m.unit and m.parent and m.parent_surface and m.surface.startswith(m.parent_surface):
                # 中国人寿保险股份有限公司（简称“中国人寿”）广西分公司: the short name is the insurer's
                named = Mention(m.parent_surface, m.start, m.start + len(m.parent_surface), m.sentence,
                                self.registry.entries[m.parent].entity.cls, "alias", entity=m.parent)
            short = self._short_after(s, named) if named.kind != "reference" else None
            if short and len(short["short"]) > 1:
                # a name the registry lacks: later mentions of the short name stand for the full one
                short_names.setdefault(short["short"], named if named.entity or named.unit
                                       else replace(named, short_for=named.surface))
            short = self._short_after(s, m) if m.unit and m.parent else None
            if short and len(short["short"]) > 1:  # a branch's: …海南省分公司（简称“海南人保”）
                short_names.setdefault(short["short"], replace(m, parent_surface=None))
            full = self._full_after(s, m, mentions)
            if full is not None and (m.entity or m.unit):  # 信美相互人寿（全称信美人寿相互保险社）: the registry's
                short_names.setdefault(full.surface, m)
            elif full is not None:  # “防贫保”，全称是“精准防贫综合保险”: the short name stands for the full one
                short_names.setdefault(m.surface, full if full.entity or full.unit
                                       else replace(full, short_for=full.surface))
        if not short_names:
            return mentions
        # The article's own short name wins over another registry entity's alias of the same text,
        # or inside it: after 中国人寿保险股份有限公司（简称“中国人寿”）, 中国人寿 is the life company,
        # not the group; after …海南省分公司（简称“海南人保”）, 海南人保 is the branch, not 人保.
        spans = [(a + s.start, a + len(name) + s.start, short_names[name])
                 for name in short_names for a in _occurrences(name, s.text)]
        mentions = [m for m in mentions if not any(
            a <= m.start and m.end <= b and (
                (m.kind == "alias" and m.entity and ((a, b) != (m.start, m.end) or named.entity != m.entity))
                # the suffix rule's 长江期货 is the short name; so is a pattern's name of the registry
                # name's kind (中国保险行业协会（下称“保险业协会”）: one body, not a second)
                # and a pattern's reading of the short name itself, whatever its class (宏利金融（Manulife Financial）)
                or (m.kind == "pattern" and (named.short_for or (named.entity and (
                    named.cls == m.cls or (a, b) == (m.start, m.end))))))
            for a, b, named in spans)]
        taken = _taken(s, mentions)
        for definition in self.rules.short_name.finditer(s.text):  # the definition itself is no mention
            taken[definition.start():definition.end()] = [True] * (definition.end() - definition.start())
        added = []
        for name, named in short_names.items():
            for a in _occurrences(name, s.text):
                b = a + len(name)
                if not any(taken[a:b]):
                    taken[a:b] = [True] * (b - a)
                    added.append(replace(named, surface=name, start=s.start + a, end=s.start + b,
                                         sentence=s.index, kind="alias"))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _sentence(self, s: Sentence) -> list[Mention]:
        view = self.view(s)
        taken = [False] * len(s.text)
        if credit := credit_span(s.text):  # a dateline's or the last line's publisher is no mention
            taken[credit[0]:credit[1]] = [True] * (credit[1] - credit[0])
        out: list[Mention] = []
        whole = [False] * len(s.text)  # the words after a quoted name that belong to its whole name
        for name in self.enabled:
            for m in _COMPONENTS[name](self, view):
                a, b = m.start - s.start, m.end - s.start
                if name in _MODELS and any(whole[a:b]):
                    continue  # “某某 为爱加油”|客户关爱计划: the quoted programme's own words, no name of their own
                # a group word that begins an office's name (残疾人 of 省残疾人联合会) leaves it to the others
                if a < b and not any(taken[a:b]) and not self._starts_an_office(s, m):
                    taken[a:b] = [True] * (b - a)
                    out.append(m)
                    if m.whole and m.whole.startswith(m.surface) and (head := m.whole[len(m.surface):]):
                        at = s.text.find(head, b, b + len(head) + 2)  # past the closing quote
                        if at != -1:
                            whole[b:at + len(head)] = [True] * (at + len(head) - b)
        out = [m for m in out if not self._one_of_a_group(s, m)
               and not self.rules.unbalanced_bracket.search(m.surface)  # a rule's or a model's cut through a bracket
               and not self.rules.outlet_after.match(s.text, m.end - s.start)  # 中国银行|保险报 is a paper
               and not self.rules.post_after.match(s.text, m.end - s.start)]  # 县委|副书记 is a person's post
        out += self._list_aliases(s, out, taken)
        out += self._firms_listed_with_partners(s, out, taken)
        out = self._institutes_of_universities(s, out)
        out = self._groups_listed_with_insurers(s, sorted(out, key=lambda m: m.start))
        return self._with_short_names(s, out)

    def _list_aliases(self, s: Sentence, mentions: list[Mention], taken: list[bool]) -> list[Mention]:
        """Words too common to be aliases (平安) that name a firm as an item of a 、-list beside an
        organisation's name (阿里、腾讯、平安共同发起; 平安、人保、国寿这些老牌公司); an insurer's short name
        that another kind of firm shares (平安健康) only beside an insurer's (中荷人寿、平安健康、德华安顾)."""
        bounds = {t.start - s.start for t in s.tokens} | {t.end - s.start for t in s.tokens}
        out = []
        # an insurer's list alias (平安健康, also a health platform's name) needs an insurer beside it
        aliases = [(word, name, ORGANISATION_CLASSES) for word, name in self.rules.list_aliases.items()]
        aliases += [(word, name, INSURER_CLASSES) for word, name in self.rules.insurer_list_aliases.items()]
        known = [(word, entry, beside) for word, name, beside in aliases
                 if (entry := self.registry.lookup(name)) is not None]
        joiner = self.rules.list_alias_joiner
        if not joiner:
            return out
        # an item found stands beside the next one (泰康、新华、阳光、太平等: 阳光 is beside 新华), so read again
        # until no new item is found
        grown = True
        while grown:
            grown = False
            for word, entry, beside in known:
                starts = {m.start - s.start for m in (*mentions, *out) if m.cls in beside}
                ends = {m.end - s.start for m in (*mentions, *out) if m.cls in beside}
                for a in _occurrences(word, s.text):
                    b = a + len(word)
                    if any(taken[a:b]) or a not in bounds or b not in bounds or not self._item_ends(s.text, b):
                        continue
                    if ((s.text[a - len(joiner):a] == joiner and a - len(joiner) in ends)
                            or (s.text.startswith(joiner, b) and b + len(joiner) in starts)):
                        taken[a:b] = [True] * (b - a)
                        out.append(Mention(word, s.start + a, s.start + b, s.index, entry.entity.cls, "alias",
                                           entity=entry.entity.iri))
                        grown = True
        return out

    def _firms_listed_with_partners(self, s: Sentence, mentions: list[Mention], taken: list[bool]) -> list[Mention]:
        """Firms named by a short name the registry lacks, as items of a 、-list whose other items are
        firms and one at least a partner (镁信健康、某某科技、某某惠保等; 蚂蚁金服、某某基金、某某能源和某某教育):
        a list names things of one kind, so its unknown items are partners too."""
        rule = self.rules.listed_firms
        if rule is None:
            return []
        spans = {(m.start - s.start, m.end - s.start): m for m in mentions}
        out = []
        for run in rule.run.finditer(s.text):
            items = [[i.start(), i.end()] for i in rule.item.finditer(s.text, run.start(), run.end())]
            if len(items) < rule.min_items:
                continue
            first = items[0]
            if not any((a, first[1]) in spans for a in range(first[0], first[1])):
                # the first item may carry the clause's verb before it (发起方包括|某某能源): it starts after it
                offset, cut = first[0], None
                for word, tag in self.tokenizer.pos(s.text[first[0]:first[1]]):
                    offset += len(word)
                    if tag in rule.cut_pos:
                        cut = offset
                        break
                opened = first[0] == 0 or s.text[first[0] - 1] in rule.openers
                if cut is not None:
                    first[0] = cut
                elif not opened:
                    items = items[1:]
            known = [next((m for (a, b), m in spans.items() if i[0] <= a and b == i[1]), None) for i in items]
            if (not any(m is not None and m.cls == "Partner" for m in known)
                    or any(m is not None and m.cls not in rule.classes for m in known)):
                continue
            for (a, b), m in zip(items, known):
                if m is None and rule.min_chars <= b - a and not any(taken[a:b]):
                    taken[a:b] = [True] * (b - a)
                    out.append(Mention(s.text[a:b], s.start + a, s.start + b, s.index, "Partner", "pattern"))
        return out

    def _institutes_of_universities(self, s: Sentence, mentions: list[Mention]) -> list[Mention]:
        """A university's (or college's) research centre, institute or laboratory written right after
        its name is one body, named whole (某某大学中国保险与养老金研究中心, 某某大学先进材料实验室), not
        the university and a stray word; not where a clause's verb comes between (与…共建实验室). So is
        a government body's (国家知识产权局知识产权发展研究中心): a public institution under it, of its class,
        when no word of its name reads as a verb (某局批复同意某研究院 names two)."""
        rule = self.rules.institutes
        if rule is None:
            return mentions
        out = list(mentions)
        for m in sorted(mentions, key=lambda m: m.start):
            body = m.cls in rule.body_classes
            if not (body or (m.cls == "Partner" and rule.parent.search(m.surface))) or m not in out:
                continue
            rest = rule.rest.match(s.text, m.end - s.start)
            if rest is None or rule.not_inside.search(rest.group()) or (
                    body and self._has_rejected_word(rest.group(), frozenset())):
                continue
            end = s.start + rest.end()
            out = [n for n in out if not (m.start <= n.start and n.end <= end)]
            out.append(Mention(s.text[m.start - s.start:rest.end()], m.start, end, s.index, m.cls, "pattern"))
        return sorted(out, key=lambda m: m.start)

    def _groups_listed_with_insurers(self, s: Sentence, mentions: list[Mention]) -> list[Mention]:
        """A group in a list of insurers of one line of business and no other group (人民人寿、中国人寿、
        太平人寿; 人保财险、平安产险、中华保险) is the insurer of that line that owns its branches: a list
        names firms of one kind. In a list of insurers of several lines (中国人寿、人保财险、平安产险) the
        group stays the group, as readers take it."""
        runs: list[list[int]] = []
        for i, m in enumerate(mentions):
            if m.cls not in ("Insurer", "InsuranceGroup") or m.unit:
                continue
            prev = mentions[runs[-1][-1]] if runs else None
            if prev is not None and runs[-1][-1] == i - 1 and s.text[prev.end - s.start:m.start - s.start] in self.rules.list_joiners:
                runs[-1].append(i)
            else:
                runs.append([i])
        out = list(mentions)
        for run in runs:
            found = self._listed_group_as_insurer([mentions[i] for i in run])
            if found is not None:
                out[run[found[0]]] = found[1]
        return out

    def _shares_insurers(self, sentences: list[Sentence], found: list[list[Mention]]) -> list[list[Mention]]:
        """In an article about stakes (`stake_words`: 举牌, 增持, 持股), a group's bare name is the insurer whose
        shares trade under it (ik:sharesInsurer: 中国人寿 is the listed life company); a name written as the
        group's (`group_written`: 国寿集团) stays the group."""
        r = self.rules
        if r.stake_words is None or not any(r.stake_words.search(s.text) for s in sentences):
            return found

        def listed(m: Mention) -> Mention:
            entry = self.registry.entries.get(m.entity) if m.entity and m.cls == "InsuranceGroup" else None
            if (entry is None or entry.shares_insurer not in self.registry.entries or m.unit
                    or (r.group_written and r.group_written in m.surface)):
                return m
            return replace(m, cls="Insurer", entity=entry.shares_insurer)
        return [[listed(m) for m in names] for names in found]

    def _listed_group_as_insurer(self, items: list[Mention]) -> tuple[int, Mention] | None:
        """The one group among ``items`` (insurers and groups of one list, or of one table column) read
        as the insurer its name means there (ik:listInsurer), with its place among them, when the
        other items are insurers of that insurer's line of business (or of no line the registry
        knows); else None."""
        groups = [i for i, m in enumerate(items) if m.cls == "InsuranceGroup"]
        if len(groups) != 1 or len(items) < 2:
            return None
        m = items[groups[0]]
        insurer = self.registry.entries[m.entity].list_insurer if m.entity else None
        lines = {entry.line for i, n in enumerate(items) if i != groups[0]
                 and (entry := self.registry.entries.get(n.entity)) and entry.line}
        if insurer not in self.registry.entries or not lines <= {self.registry.entries[insurer].line}:
            return None
        return groups[0], replace(m, cls="Insurer", entity=insurer)

    def _groups_in_insurer_columns(self, sentences: list[Sentence], found: list[list[Mention]]) -> list[list[Mention]]:
        """A group heading a row of a table whose other rows are headed by insurers (中国人寿 | 270% above
        平安人寿 | 226% and 新华人寿 | 272%) is read as in a list of them: a column names firms of one kind;
        so is an insurer's list alias heading a row there (平安健康 | 26亿元 among 英大财险 and 太保健康)."""
        tables: list[list[tuple[int, int]]] = []  # per table, (sentence, mention) of each row's first cell
        aliased: list[list[tuple[int, Mention]]] = []  # per table, insurers' list aliases heading rows alone
        last_row = None
        for si, (s, names) in enumerate(zip(sentences, found)):
            cells = row_cells(s.text)
            if cells is None:
                continue
            if last_row != si - 1:
                tables.append([])
                aliased.append([])
            last_row = si
            a, b = cells[0]
            head = next((i for i, m in enumerate(names) if m.cls in ("Insurer", "InsuranceGroup") and not m.unit
                         and s.text[a:b].strip() == s.text[m.start - s.start:m.end - s.start]), None)
            if head is not None:
                tables[-1].append((si, head))
            word = s.text[a:b].strip()
            entry = self.registry.lookup(self.rules.insurer_list_aliases.get(word, ""))
            if entry is not None and not any(m.start < s.start + b and s.start + a < m.end for m in names):
                at = s.start + s.text.index(word, a)
                aliased[-1].append((si, Mention(word, at, at + len(word), s.index, entry.entity.cls, "alias",
                                                entity=entry.entity.iri)))
        out = [list(names) for names in found]
        for column, extra in zip(tables, aliased):
            hit = self._listed_group_as_insurer([found[si][i] for si, i in column])
            if hit is not None:
                si, i = column[hit[0]]
                out[si][i] = hit[1]
            if len(column) >= 2:  # a column of insurers' names: its list aliases are insurers too
                for si, m in extra:
                    out[si] = sorted([*out[si], m], key=lambda n: n.start)
        return out

    def _item_ends(self, text: str, end: int) -> bool:
        """Whether a list's item ends at ``end``: a mark or joiner follows, or a word that names
        nothing (平安|共同发起), not one that goes on the name (平安|资本, 平安|健康)."""
        after = text[end:end + 1]
        if not after or after in self.rules.punctuation.clause + self.rules.punctuation.sentence_end or any(
                text.startswith(j, end) for j in (*self.rules.list_joiners, *self.rules.list_enders)):
            return True
        words = self.tokenizer.pos(text[end:end + 6])
        goes_on = self.rules.list_alias_goes_on_pos
        return bool(words) and words[0][1] not in goes_on and words[0][1][:1] not in goes_on

    def _one_of_a_group(self, s: Sentence, m: Mention) -> bool:
        """Whether a group word names one firm or person (一家…企业, 市民施先生, 种粮大户李某), not a group."""
        r = self.rules.beneficiaries
        if m.cls != "BeneficiaryGroup":
            return False
        end = m.end - s.start
        if r.one_before.search(s.text, 0, m.start - s.start) or r.person_after.match(s.text, end):
            return True
        # a person's name right after: one the tagger guesses, not a dictionary word it tags so (康复)
        word, tag = next(iter(self.tokenizer.pos(s.text[end:end + r.max_stem])), ("", ""))
        return tag in r.person_pos and len(self.tokenizer.pos(word, guess_unknown=False)) > 1

    def _starts_an_office(self, s: Sentence, m: Mention) -> bool:
        """Whether a group word is the start of an office's name (残疾人联合会, 退役军人事务局): the
        name is the office's, for the organisation rules to read."""
        return m.cls == "BeneficiaryGroup" and bool(self.rules.beneficiaries.office_after.match(s.text, m.end - s.start))

    def _short_after(self, s: Sentence, m: Mention) -> re.Match | None:
        """The short name sentence ``s`` gives right after ``m`` (group ``short``): one a word
        introduces (（以下简称“众安保险”）), its name in Latin script in brackets (宏利金融（Manulife Financial）),
        or one in brackets alone that is the name's own characters in order (香港保险业监管局（保监局）), not
        another word in brackets (（上海）, （筹）). Not in brackets alone after a name that stands for another
        firm in some market's news (中國人壽（中壽）in Taiwan news): which firm the short name is, the linker
        could not tell."""
        at = m.end - s.start
        found = self.rules.short_name.match(s.text, at) or self.rules.foreign_name.match(s.text, at)
        if found is not None:
            return found
        found = self.rules.bare_short_name.match(s.text, at)
        if found is None or any(normalise(m.surface) in names for names in self.registry.local_names.values()):
            return None
        short, full = found["short"], m.surface
        rest = iter(full)
        return found if len(short) < len(full) and all(c in rest for c in short) else None

    def _full_after(self, s: Sentence, m: Mention, mentions: list[Mention]) -> Mention | None:
        """The full, new or defined name sentence ``s`` gives right after ``m`` (“防贫保”，全称是“精准防贫综合
        保险”, “X基金”正式更名，成了“Y基金”, “X集团”指Y集团): the mention of ``m``'s class that starts where the words of
        ``full_name`` end, not one holding ``m``'s own words (which would stand for itself) nor another
        registry entity (the registry knows its own former names); None when there is none. A word
        that refers back (它的全称是…) names nothing of its own."""
        found = self.rules.full_name.match(s.text, m.end - s.start) if m.kind != "reference" else None
        if found is None:
            return None
        return next((f for f in mentions if f.start == s.start + found.end() and f.cls == m.cls
                     and f.kind != "reference" and m.surface not in f.surface
                     and not (f.entity and m.entity and f.entity != m.entity)), None)

    def _with_short_names(self, s: Sentence, mentions: list[Mention]) -> list[Mention]:
        """A full name the registry lacks, followed by （以下简称“众安保险”） with a registry name,
        is that registry entity: 众安在线财产保险股份有限公司 is 众安保险."""
        by_start = {m.start: m for m in mentions}
        out = []
        for m in mentions:
            short = self.rules.short_name.match(s.text, m.end - s.start)
            named = by_start.get(s.start + short.start("short")) if short else None
            if (m.entity is None and m.unit is None and m.kind == "pattern" and named is not None
                    and named.entity and named.end == s.start + short.end("short")):
                m = replace(m, cls=named.cls, kind="alias", entity=named.entity)
            out.append(m)
        return out

    def view(self, s: Sentence) -> SentenceView:
        """What the components share about the (folded) sentence ``s``."""
        boundaries = ({t.start - s.start for t in s.tokens} | {t.end - s.start for t in s.tokens} if s.tokens
                      else set(range(len(s.text) + 1)))  # no tokenizer: every position is a boundary
        units = "branches" in self.enabled
        patterned = self._pattern_names(s) if "pattern_names" in self.enabled else []
        view = SentenceView(s, boundaries, [], set(), patterned)
        if "suffix_names" in self.enabled or units:
            view.suffixed = self._suffix_names(view, units)
        # A registry name inside a longer pattern name is part of it: 国家金融监督管理总局温州监管分局
        # is the local office, not the national body followed by noise; so is an insurer's name
        # inside the name of a body named after it (太保蓝公益基金会, 泰康仙林鼓楼医院).
        # A partner's brand at the head of a firm's legal name is part of it (摩根大通证券（远东）有限公司).
        inside = [(m.start - s.start, m.end - s.start) for m in patterned]
        insurers_inside = inside + [(m.start - s.start, m.end - s.start) for m in view.over_insurers]
        # A group's name before an insurer's ending is a subsidiary the registry lacks (英杰华人寿 of
        # 英杰华), not the group and a stray word; 平安保险公司 is still the group.
        subsidiaries = [(m.start - s.start, m.end - s.start) for m, needs_unit in view.suffixed
                        if m.cls == "Insurer" and not needs_unit and not m.unit]
        # …and a firm's name at the head of an industry body's (中国移动|机器人产业联盟: an alliance of a field)
        partners_inside = inside + [(m.start - s.start, m.end - s.start) for m, _ in view.suffixed
                                    if m.cls in ("Partner", "IndustryBody") and not m.unit]  # 邮储银行河南省分行 is the bank's unit
        # A city's department the region list lacks holds the registry's bare 市财政局 (Shanghai's
        # where the text names no other city): 中山市财政局 is Zhongshan's.
        regulators_inside = inside + [(m.start - s.start, m.end - s.start) for m, _ in view.suffixed
                                      if m.cls == "Regulator"]
        # …and a body named without its place holds the registry's bare 市委 or 市政府: 市委宣传部 and
        # 市政府金融办 are read whole, the longest reading of the body
        if "references" in self.enabled:
            regulators_inside += [m.span() for m in self.rules.implied_place.finditer(s.text)]
        candidates, spans = [], set()
        view.matches = self.index.matches(s.text)  # one pass of the automaton; the learned model reads it too
        for a, b, iri in view.matches:
            cls = self.registry.entries[iri].entity.cls
            # a group's word inside a firm's name is part of it (广东省志愿者联合会)
            around = (insurers_inside if cls in ("Insurer", "InsuranceGroup")
                      else partners_inside if cls in ("Partner", "BeneficiaryGroup")
                      else regulators_inside if cls == "Regulator" else inside)
            if any(pa <= a and b <= pb and (a, b) != (pa, pb) for pa, pb in around):
                continue
            if any(s.text.startswith(w, b - 1) for w in self.rules.alias_split_words):
                continue  # 农业农村部|门: the name's last character starts a word (部门, a department)
            if cls == "Insurer" and self.rules.market_after.match(s.text, b):
                continue  # 台湾人寿|保险市场: the market's life insurance, not the firm
            if b - a <= _SHORT_ALIAS and any(s.text.startswith(w, a + 1 - len(w)) for w in self.rules.alias_joined_words
                                             if a + 1 >= len(w)):
                continue  # 没|人保: the name's first character ends a word (没人, no one)
            if (cls in ("Insurer", "InsuranceGroup") and self.rules.alias_continued.match(s.text, b)
                    and not self._verb_follows(s.text, b)):
                continue  # 泰康|拜博口腔医院: the name heads another organisation's (not 平安产险|收购|某科技公司)
            if cls in ("Insurer", "InsuranceGroup") and self._listed_in_market(s.text, a, b, view.matches):
                continue  # 中国太平|香港上市: the group listed in Hong Kong, not its arm there (太平香港)
            if cls == "InsuranceGroup" and any(pa <= a and b < pb and self._insurer_ending(s.text[b:pb])
                                               for pa, pb in subsidiaries):
                continue
            region = self._region_before(s.text, a, b, iri) if units else None
            if region and b in boundaries and (region.start() in boundaries or self._after_glued_opener(s, region)):
                candidates.append((region.start(), b, (iri, b, region)))
            if b - a > _SHORT_ALIAS or (a in boundaries and b in boundaries):
                spans.add((a, b))
                unit = self._unit_after(s.text, b, cls) if units else None
                candidates.append((a, unit.end() if unit else b, (iri, b, unit)))
        view.aliases = [(a, b, iri, unit) for a, _, (iri, b, unit) in best_reading(candidates)]
        view.alias_spans = spans
        return view

    # -- what components share ----------------------------------------------------------------

    def _pattern_names(self, s: Sentence) -> list[Mention]:
        """Names a pattern gives whole (河南银保监局, 北京保险行业协会 …), or within the context it
        needs (the hotline number after 客服热线)."""
        out = []
        for cls, pattern in self.rules.pattern_names:
            part = "name" if "name" in pattern.groupindex else 0  # a group `name` marks the name in its context
            for m in pattern.finditer(s.text):
                # a group `whole`: the name with the words after it, one more of its names (95519服务热线)
                whole = m.group("whole") if "whole" in pattern.groupindex else None
                out.append(Mention(m.group(part), s.start + m.start(part), s.start + m.end(part), s.index, cls, "pattern",
                                   whole=whole if whole and whole != m.group(part) else None))
        return out

    def _unit_after(self, text: str, end: int, cls: str) -> re.Match | None:
        """A unit's suffix right after an organisation's name: 上海分公司, 周口中心支公司, 河南省分行 …"""
        r = self.rules
        if cls in ("Insurer", "InsuranceGroup"):
            m = r.branch.match(text, end) or r.local_branch.match(text, end) or r.initial_branch.match(text, end)
        elif cls == "Partner":
            m = r.partner_branch.match(text, end)
        else:
            return None
        if m and (m["region"] in r.local_unit_stopwords
                  or ((m["unit"] in r.place_units or m["unit"] in r.office_units) and not self.local_unit_named(m))):
            return None  # 人保财险全县公司: 公司 after a word, no place, is the insurer's own
        if m and m["region"] and self._joins_a_place(m["region"]):
            return None  # 人保财险和温岭支公司: two firms of a list, the second named by its place alone
        # a unit of that unit right after it (广东分公司河源中心支公司), and of that one in turn
        # (江苏分公司常州分公司武进支公司), is the branch the text names
        while m and cls != "Partner" and (lower := self._lower_unit(text, m.end())):
            m = lower
        return m

    def _lower_unit(self, text: str, end: int) -> re.Match | None:
        """A unit named right after a branch's unit: by a region (河源中心支公司), or by a place, zone or
        number that names one (吴江支公司, 南沙片区支公司, 一五二团营销服务部)."""
        m = self.rules.branch.match(text, end)
        if m:
            return m
        m = self.rules.local_branch.match(text, end)
        return m if m and self.local_unit_named(m) else None

    def local_unit_named(self, m: re.Match) -> bool:
        """Whether a local unit's match ``m`` is named by a place (徐汇支公司) or a number (十团支公司),
        not by a word before the unit (带领中支5名员工: a verb; 大部分公司, 结果支公司, 下属支公司: no place). A county
        the county list names is a place however jieba tags it (从化支公司: 从 read as a preposition)."""
        region = m["region"]
        return region not in self.rules.local_unit_stopwords and bool(
            self.rules.numbered_unit.fullmatch(region)
            or self._listed_county(region, self.rules.implied_local_levels)
            or (not self._has_rejected_word(region, frozenset()) and self._names_a_place(region)))

    def _after_glued_opener(self, s: Sentence, region: re.Match) -> bool:
        """Whether jieba glued a preposition to the region's place (由岳阳|人保财险): the place still starts
        there, as after 由|厦门."""
        word = _word_across(s, region.start())
        return (word is not None and word.end - s.start == region.end()
                and s.text[word.start - s.start:region.start()] in self.rules.branch_reference_openers)

    def _region_before(self, text: str, start: int, end: int, iri: str) -> re.Match | None:
        """A region right before an insurer's name ``text[start:end]``, which names its local branch:
        厦门人保财险, 浙江国寿 are the insurer's 厦门分公司 and 浙江分公司, and a county of the county list
        with its level written (黄岩区太保产险) its branch in that county; a group's name so qualified is the
        group's branch there (宁波平安保险), or the branch of the insurer that owns its branches (国寿). Not
        before a full legal name (黑龙江|阳光农业相互保险公司): the place there is part of the firm's name."""
        if self.registry.entries[iri].entity.cls not in ("Insurer", "InsuranceGroup"):
            return None
        if text[start:end].endswith(self.rules.legal_name_endings):
            return None
        return (self.rules.region_before.search(text, max(0, start - self.rules.region_before_reach), start)
                or self.rules.county_before.search(text, max(0, start - self.rules.local_place_reach), start))

    def _with_unit(self, mention: Mention, unit: re.Match | None, text: str, offset: int) -> Mention:
        """Extend a name by the unit that follows it (平安产险 + 上海分公司); a partner's unit stays a Partner,
        as does the local office of a group whose own business is not insurance (中国邮政集团…分公司)."""
        if not unit:
            return mention
        partner = mention.cls == "Partner" or (
            mention.entity is not None and self.registry.entries[mention.entity].units_are_partners)
        return replace(mention, surface=text[mention.start - offset:unit.end()], end=offset + unit.end(),
                       cls="Partner" if partner else "Branch", entity=None,
                       parent=mention.entity, parent_surface=mention.surface,
                       region=self.rules.region_initials[unit["region"]] if unit.re is self.rules.initial_branch
                       else unit["region"], unit=unit["unit"])

    def _suffix_names(self, view: SentenceView, units: bool) -> list[tuple[Mention, bool]]:
        """Names the registry lacks, by their suffix (某某人寿, 某某保险上海分公司, 周口农商银行 …),
        extended by the unit after them; each with whether its rule needs a unit to make a name."""
        s, out = view.sentence, []
        for rule in self.rules.suffix_names:
            for m in rule.suffix.finditer(s.text):
                if rule.ends_word and not any(t.end - s.start == m.end() for t in s.tokens):
                    continue
                if rule.word_stem_pos:  # 北京朝阳门|街道: the place word right before it is the stem
                    word = next((t for t in s.tokens if t.end - s.start == m.start()), None)
                    if word is None or len(word.text) < 2 or not self._one_word_of(word.text, rule.word_stem_pos):
                        continue
                    out.append((Mention(word.text + m.group(), word.start, s.start + m.end(), s.index, rule.cls,
                                        "pattern"), rule.needs_branch))
                    continue
                start = self._place_start(s.text, m.start(), rule, view.boundaries) if rule.places else None
                if start is None:
                    start = self._name_start(s, m.start(), rule.max_stem, view.boundaries, rule.ends_stem,
                                             count_ends=rule.named_stem, insurer_stem=rule.over_insurers)
                    reach = self._reach(s.text, m.start(), rule.max_stem)
                    if start is None and rule.restart_at_place:  # no boundary in reach: a place may open it
                        start = self._place_after_clause(s.text, reach, m.start(), rule, first=True)
                    if start is None and rule.restart_after_verb:  # …or the clause's verb ends before it
                        start = self._name_after_verb(s.text, reach, m.start(), rule,
                                                      words_from=self._reach(s.text, m.start(), 3 * rule.max_stem))
                    if start is None and not rule.place_pos:
                        start = self._held_whole(s, m.start(), m.end())
                    if rule.place_pos and (start is None or not self._is_rule_place(s.text[start:m.start() + 1], rule)):
                        start = self._place_word_start(s, m.start())  # 当天|中山市人民政府: no boundary before the place
                    if start is None or (rule.place_pos and not self._is_rule_place(s.text[start:m.start() + 1], rule)):
                        continue
                if rule.not_after_quote and start and s.text[start - 1] in self.rules.punctuation.closing:
                    continue
                if (rule.check_pos and self._has_rejected_word(s.text[start:m.start()], rule.pos_inside,
                                                                rule.pos_inside_after_place, rule.pos_inside_after_name,
                                                                rule.pos_after_noun)
                        and not self._is_known_name(s.text[start:m.end()])):
                    stem_start = start
                    start = self._place_after_clause(s.text, start, m.start(), rule) if rule.restart_at_place else None
                    if start is None and rule.restart_after_verb:
                        start = self._name_after_verb(s.text, stem_start, m.start(), rule)
                    if start is None and not rule.place_pos:
                        start = self._held_whole(s, m.start(), m.end())
                    if start is None:
                        continue
                if rule.restart_after_verb and self._led_by_known_doer(s.text, start, m.start()):
                    # 平安产险|收购|某某科技有限公司: the registry's firm and its verb are the clause, not the name
                    start = self._name_after_verb(s.text, start, m.start(), rule)
                    if start is None:
                        continue
                if rule.stem_pos and not self._is_brand(s.text[start:m.start()], rule.stem_pos):
                    continue
                if rule.opens_with_place and not self._opens_with_place(s.text[start:m.start()]):
                    continue
                if rule.kind_stem_pos and self._one_word_of(s.text[start:m.start()], rule.kind_stem_pos) \
                        and not self._is_known_name(s.text[start:m.end()]):
                    continue  # 传统|保险公司: a kind of firm, not one
                if rule.cls == "Insurer" and self.rules.market_after.match(s.text, m.end()):
                    continue  # 台湾人寿|保险市场: a market's life insurance, not a firm
                stem, aliases_too = s.text[start:m.start()], m.group() in rule.brand_alias_suffixes
                # a donor's name (平安|希望小学) names the school, whatever jieba tags its words
                branded = bool(rule.brand_class) and self._is_insurer_name(stem, aliases_too)
                # an insurer's name, a list alias too, is the donor's name, not a common word (平安|基金会)
                if rule.common_clause_stem and not branded and not self._is_insurer_name(stem, True) \
                        and self._common_clause(stem):
                    continue
                if rule.named_stem and not (branded or self._holds_name_word(stem)):
                    continue
                if rule.cls == "Partner" and s.text.startswith(self.rules.kind_heads, start):
                    continue  # 农村|公办小学, 二级|康复医院: a kind of school or hospital, not one
                if rule.cls == "Product" and _line_of_business(self, s.text[start:m.end()]):
                    continue  # 普惠型补充医疗保险: words of a kind of cover only, a line, not a product
                cls = rule.brand_class if branded else rule.cls
                name = Mention(s.text[start:m.end()], s.start + start, s.start + m.end(), s.index, cls, "pattern")
                unit = self._unit_after(s.text, m.end(), cls) if units else None
                out.append((self._with_unit(name, unit, s.text, s.start), rule.needs_branch))
                if rule.over_insurers:
                    view.over_insurers.append(name)
        return out

    @staticmethod
    def _place_word_start(s: Sentence, level: int) -> int | None:
        """Where the word that holds the level character at ``level`` starts (中山|市 in one word 中山市):
        a place jieba reads whole names the body after it wherever its clause started (当天中山市人民政府,
        昨日奉新县农业农村局), the time word or adverb before it being no part of the name."""
        holder = _word_across(s, level)
        # a name and its level, not a two-character word jieba reads as a place (城市|政府)
        return holder.start - s.start if holder and level - (holder.start - s.start) >= 2 else None

    def _is_brand(self, stem: str, tags: frozenset[str]) -> bool:
        """Whether ``stem`` is a brand: words of ``tags`` only, after the place that may open it (江北|慈湖);
        a word jieba takes for a place that no region or county list has is a brand's too (天齐|锂业)."""
        words = self.tokenizer.pos(stem)
        if len(words) > 1 and words[0][1] in self.rules.name_place_pos:
            words = words[1:]
        return all(tag in tags or (tag in self.rules.name_place_pos and not self._known_place(word)
                                   and word not in self.rules.beneficiaries.kind_places)  # 城市|信息: a kind
                   for word, tag in words)

    def _known_place(self, word: str) -> bool:
        """Whether ``word`` is a region of the list or a county-level place, with or without its level."""
        return bool(self.rules.region_before.fullmatch(word)) or self._listed_county(word, self.rules.place_level_words)

    def _listed_county(self, place: str, levels: Iterable[str]) -> bool:
        """Whether the county list names ``place``, as written or with one of ``levels`` after it (零陵区, 零陵)."""
        counties = self.rules.local_places
        return place in counties or any(place + level in counties for level in levels)

    def _fit_stem(self, stem: str, rule: SuffixName) -> bool:
        """Whether ``stem`` may open a name of ``rule`` found whole elsewhere (by the news tagger). It may not
        be a kind of body (三甲|医院; 中资|银行, 同一|集团: a short stem that is one common word, where a rare place
        is no word of jieba's: 者东|镇人民政府), be opened by a word no name starts with (兴建|康复医院, 3月|区总工会)
        nor hold one with words after it (御寒衣物|交到|山区中心|校: a clause; a trade's verb may end it:
        双丰|种植|专业合作社), a clause's boundary word or a count."""
        if rule.cls == "Partner" and stem.startswith(self.rules.kind_heads):
            return False
        if rule.opens_with_place and not self._opens_with_place(stem):
            return False
        words = self.tokenizer.pos(stem)
        if len(stem) < 3 and len(words) == 1 and words[0][1] not in self.rules.name_start_pos:
            return False
        return not (self._has_rejected_word(stem, self.rules.reject_pos)
                    or any(tag in self.rules.reject_pos for _, tag in words[1:-1]))

    def _holds_name_word(self, stem: str) -> bool:
        """Whether ``stem`` holds a proper name, a place, a word jieba does not know (祥泰|种植, 上海|浦信|蔬果) or a
        name the registry knows (太平洋保险|希望小学): common words alone (种子|生产) name a kind of body, not one."""
        return (any(tag in self.rules.name_start_pos for _, tag in self.tokenizer.pos(stem))
                or bool(self.index.matches(stem)))

    def _common_clause(self, stem: str) -> bool:
        """Whether ``stem`` is a clause of common words: no proper name or place, and a word of an adjective's
        or set phrase's tag (医疗|光靠|政府|医保, 部门|明确要求), which no body's name of common words holds."""
        words = self.tokenizer.pos(stem)
        return (not any(tag in self.rules.name_start_pos for _, tag in words)
                and any(tag in self.rules.clause_pos for _, tag in words))

    def _is_insurer_name(self, stem: str, list_aliases: bool = False) -> bool:
        """Whether ``stem`` is, whole, the registry's name of an insurer or group (太平洋保险), or with
        ``list_aliases`` a list alias of one (平安)."""
        name = self.rules.list_aliases.get(stem, stem) if list_aliases else stem
        iri = self.registry.aliases.get(normalise(name))
        return iri is not None and self.registry.entries[iri].entity.cls in INSURER_CLASSES

    def _led_by_known_doer(self, text: str, start: int, suffix_start: int) -> bool:
        """Whether the stem ``text[start:suffix_start]`` opens with an organisation the registry knows
        followed by a verb of the clause (众诚保险|拿下|某某保险经纪有限公司)."""
        stem = text[start:suffix_start]
        return any(a == 0 and self.registry.entries[iri].entity.cls in ORGANISATION_CLASSES and self._verb_follows(stem, b)
                   for a, b, iri in self.index.matches(stem))

    def _verb_follows(self, text: str, at: int) -> bool:
        """Whether the word at ``at`` in ``text`` is a verb of the clause (收购, 拿下, 入股); not one
        character jieba reads as a verb in a brand (泰康|拜|博口腔医院)."""
        words = self.tokenizer.pos(text[at:])
        return bool(words) and len(words[0][0]) > 1 and words[0][1] in self.rules.clause_verb_pos

    def _held_whole(self, s: Sentence, suffix_start: int, suffix_end: int) -> int | None:
        """Where a name starts that jieba's dictionary holds whole as one organisation's word ending
        with the suffix (请来|清华大学): the clause before it is no stem, the word is the name; None
        when there is no such word, or its own stem is a kind (公立医院)."""
        holder = next((t for t in s.tokens if t.start - s.start < suffix_start and t.end - s.start == suffix_end), None)
        if holder is None:
            return None
        own = s.text[holder.start - s.start:suffix_start]
        if len(own) < 2 or any(own.endswith(w) for w in self.rules.stem_stopwords) or not self._is_known_name(holder.text):
            return None
        return holder.start - s.start

    def _place_after_clause(self, text: str, start: int, suffix_start: int, rule: SuffixName,
                            first: bool = False) -> int | None:
        """Where a name whose stem reads as a clause starts again at a place (被转往|日喀则市人民医院):
        the words before the place belong to the clause; None when no place leaves a clean stem.
        ``first``: the stem was cut at the rule's reach, so the place may be its first word, and must
        say its level (天津市, not 神山 of 雷神山医院), or be a region of the list before a place that says
        its level: news writes a province without its own (正在|宁夏青铜峡市人民医院)."""
        offset, words = start, self.tokenizer.pos(text[start:suffix_start])
        for n, (word, tag) in enumerate(words):
            leveled = not first or self._leveled(word) or (
                word in self.rules.region_names and n + 1 < len(words) and self._leveled(words[n + 1][0])
                and words[n + 1][1] in self.rules.name_place_pos)
            if (first or offset > start) and leveled and tag in self.rules.name_place_pos and not self._has_rejected_word(
                    text[offset:suffix_start], rule.pos_inside, rule.pos_inside_after_place, rule.pos_inside_after_name,
                    rule.pos_after_noun):
                return offset
            offset += len(word)
        return None

    def _leveled(self, word: str) -> bool:
        """Whether ``word`` is a place that says its level (天津市, 青铜峡市), not a bare word jieba tags a place."""
        return len(word) > 2 and bool(self.rules.region_suffix.search(word))

    @staticmethod
    def _reach(text: str, suffix_start: int, max_stem: int) -> int:
        """How far back a stem of at most ``max_stem`` name characters before ``suffix_start`` goes."""
        reach = suffix_start
        while reach > max(0, suffix_start - max_stem) and _NAME_CHAR.match(text[reach - 1]):
            reach -= 1  # back over name characters only, never over a mark
        return reach

    def _name_after_verb(self, text: str, start: int, suffix_start: int, rule: SuffixName,
                         words_from: int | None = None) -> int | None:
        """Where a name whose stem reads as a clause starts after the clause's verb (交到|某某种植专业合作社):
        the first word from ``start`` on after a verb from which the rest is a stem the rule accepts,
        opened by a proper name or a place; None when there is none. ``words_from``: where the words
        are read from, before ``start`` when the stem was cut at the rule's reach (a word cut there
        reads wrong: 湖北宏|泰国|有…)."""
        r, after_verb = self.rules, False
        offset = start if words_from is None else words_from
        words = self.tokenizer.pos(text[offset:suffix_start])
        for n, (word, tag) in enumerate(words):
            stem = text[offset:suffix_start]
            if (after_verb and offset >= start and tag not in r.reject_pos and len(stem) >= 2
                    and tag in r.name_start_pos and not any(w in r.name_boundary_tokens for w, _ in words[n:])
                    and not any(stem.endswith(w) for w in r.stem_stopwords)
                    and not self._has_rejected_word(stem, rule.pos_inside, rule.pos_inside_after_place,
                                                   rule.pos_inside_after_name, rule.pos_after_noun)):
                return offset
            after_verb = tag in r.clause_verb_pos
            offset += len(word)
        return None

    def _listed_in_market(self, text: str, a: int, b: int, matches: list[tuple[int, int, str]]) -> bool:
        """Whether the registry name ``text[a:b]`` ends inside a market's place and listing word (太平|香港|上市)
        while another registry name holds the text before that place (中国太平): the firm listed there."""
        pattern = self.rules.market_listing
        if pattern is None:
            return False
        return any(a < m.start() < b < m.end() and any(pa < a and m.start() <= pb <= b for pa, pb, _ in matches)
                   for m in pattern.finditer(text, a, b + 8))

    def _insurer_ending(self, tail: str) -> bool:
        """Whether ``tail`` holds an ending that makes a name an insurer's (人寿, 财产保险股份有限公司)."""
        return any(rule.cls == "Insurer" and rule.suffix.search(tail) for rule in self.rules.suffix_names)

    def _has_rejected_word(self, stem: str, inside: frozenset[str], after_place: frozenset[str] = frozenset(),
                           after_name: frozenset[str] = frozenset(), after_noun: frozenset[str] = frozenset()) -> bool:
        """Whether the stem holds a word of a part of speech no name has, or starts with a word of
        one the rule lets stand only ``inside`` the stem (or ``after_place``, when a place opens it:
        武汉|地产开发投资集团 is a firm named after its city and trade; or ``after_name``, when a brand
        or a place does: 祥泰|种植专业合作社, not a person: 方忠宽|庆幸|合作社), or ``after_noun`` for a word right
        after a noun (上海市|餐饮|烹饪行业协会: a trade named by its goods and its work; not 某市|召开|…, nor one a
        place follows: 股份|挂到|上海产权交易所 is a clause before the body's name). A boundary
        word past the first (珠海铧创|是|华发, where the sentence's tokens glue 是 to the word before it) ends a clause
        inside the stem: never a name's, nor is a count of bodies past the first (福建省|第一所|某某小学: one of a
        kind, described)."""
        words = self.tokenizer.pos(stem)
        if any(word in self.rules.name_boundary_tokens or self.rules.name_count.match(word) for word, _ in words[1:]):
            return True
        if words and self.rules.region_before.fullmatch(words[0][0]):
            # a region of the list is a place however jieba tags it (自贡|农村商业银行: 自贡 read as a verb)
            words[0] = (words[0][0], min(self.rules.name_place_pos))
        if after_place and words and words[0][1] in self.rules.name_place_pos:
            inside = inside | after_place
        if after_name and words and words[0][1] in self.rules.brand_pos:
            inside = inside | after_name
        return any(tag in self.rules.reject_pos and (n == 0 or tag not in inside) and not self._position_in_name(words, n)
                   and not (n and tag in after_noun and words[n - 1][1] in self.rules.noun_pos
                            and not any(t in self.rules.name_place_pos for _, t in words[n + 1:]))
                   for n, (_, tag) in enumerate(words))

    def _position_in_name(self, words: list[tuple[str, str]], n: int) -> bool:
        """Whether the ``n``-th of a stem's tagged ``words``, a position word, is part of the name:
        one character heading a brand, before a proper name or place (中|泰证券), or a word right
        after a place (深圳市|前海新金融投资有限公司)."""
        word, tag = words[n]
        if tag not in self.rules.position_pos:
            return False
        if n == 0:
            return len(word) == 1 and len(words) > 1 and words[1][1] in self.rules.name_start_pos
        return len(word) > 1 and words[n - 1][1] in self.rules.name_place_pos

    def _is_known_name(self, name: str) -> bool:
        """Whether jieba's dictionary holds ``name`` as one organisation's name (中国儿童少年基金会)."""
        return self.tokenizer.pos(name) == [(name, self.rules.name_pos)]

    def _place_start(self, text: str, level: int, rule: SuffixName, boundaries: set[int]) -> int | None:
        """Where the longest known place that ends with the level character at ``level`` starts, on
        a word boundary (增城区|政府, 魏县|政府); also a place just before a repeated level (魏县|县政府),
        and a county or district written without its level before a body that names none (周村|公安分局)."""
        ends = (level + 1, level) if level and text[level - 1] == text[level] else (level + 1,)
        for end in ends:
            for start in range(max(0, end - rule.longest_place), end - 1):
                if (text[start:end] in rule.places
                        and (start in boundaries or self._after_joiner(text, start, boundaries))
                        and not self._joiner_and_level(text, start, end)):
                    return start
        if text[level] in self.rules.implied_local_levels:
            return None
        for start in range(max(0, level - rule.longest_place), level - 1):
            if start in boundaries and any(text[start:level] + lv in rule.places for lv in self.rules.implied_local_levels):
                return start
        return None

    def _after_joiner(self, text: str, start: int, boundaries: set[int]) -> bool:
        """Whether a one-character boundary word (和, 与, 及) that jieba joined to the place after it
        ends right at ``start`` (徽商期货和丰|县政府 read 和丰|县政府): the place starts after it."""
        return start > 0 and text[start - 1] in self.rules.name_boundary_tokens and start - 1 in boundaries

    def _joiner_and_level(self, text: str, start: int, end: int) -> bool:
        """Whether the place ``text[start:end]`` is a one-character boundary word and a level (和县) that
        follows a name which is no place (市政府|和县政府): the word joins a body of that level to the
        name, as in 市政府和县政府; after a place (安徽省和县政府) it is the county."""
        before = text[:start]
        return (end - start == 2 and text[start] in self.rules.name_boundary_tokens
                and bool(before) and bool(_NAME_CHAR.match(before[-1]))
                and not self.rules.region_suffix.search(before) and not self.rules.region_before.search(before))

    def _joins_a_place(self, region: str) -> bool:
        """Whether ``region`` is a list's joiner before a place (和温岭, 及嵊泗), not a place whose name starts
        with the joiner's character (和田, 和平)."""
        return any(region.startswith(j) and self._names_a_place(region[len(j):]) for j in self.rules.list_joiners
                   if len(region) > len(j))

    def _names_a_place(self, region: str) -> bool:
        """Whether ``region`` reads as a place: words jieba knows as places (宜春市奉新县, 虹桥), or a
        county or district the county list names, with or without its level (徐汇, 零陵区); a zone
        named after such a place or by its zone word alone (南沙片区, 高新区)."""
        region = self.rules.zone_word.sub("", region)  # 广东自贸试验区南沙片区: the places 广东, 南沙
        if all(tag in self.rules.name_place_pos for _, tag in self.tokenizer.pos(region)):
            return True
        return self._listed_county(region, self.rules.implied_local_levels)

    def _is_rule_place(self, place: str, rule: SuffixName) -> bool:
        """Whether ``place`` (a stem and its level) is a place of ``rule``: one word of its tags (中山市),
        or a place jieba knows written apart from a level of ``rule.levels_apart`` (马坊|镇)."""
        return self._one_word_of(place, rule.place_pos) or (
            place[-1] in rule.levels_apart and len(place) > 2 and self._one_word_of(place[:-1], rule.place_pos))

    def _opens_with_place(self, stem: str) -> bool:
        """Whether ``stem``'s first word is a place (中国|医师, 广东省|律师, 中华|医), of the region list, a
        word naming the nation or as jieba tags it, and more words follow it. A nation word glued to the next
        (中国饲料|工业协会) opens it too."""
        words = self.tokenizer.pos(stem)
        return len(words) > 1 and (words[0][1] in self.rules.name_place_pos
                                   or words[0][0].startswith(tuple(self.rules.nation_words))
                                   or bool(self.rules.region_prefix.match(words[0][0])))

    def _one_word_of(self, word: str, tags: frozenset[str]) -> bool:
        """Whether jieba reads ``word`` as one word of one of ``tags`` (中山市: ns, a place; 传统: n, a common word)."""
        words = self.tokenizer.pos(word)
        return len(words) == 1 and words[0][1] in tags

    def _name_start(self, s: Sentence, suffix_start: int, max_stem: int, boundaries: set[int],
                    ends_stem: re.Pattern | None = None, count_ends: bool = False,
                    insurer_stem: bool = False) -> int | None:
        """Where a name ending at ``suffix_start`` begins, walking back over words to a boundary
        word, or to a word ``ends_stem`` matches (承担|生猪价格指数保险). A count of bodies before it
        makes what follows a kind (两家|玉米种植合作社), no name; with ``count_ends`` (a rule whose stem
        must hold a name word, so a kind is told apart later) it only ends the stem: 第一所|平安希望小学.
        With ``insurer_stem`` a stem that is an insurer's whole name is one though it ends with a stop
        word (新光人寿|慈善基金会: 人寿 makes 人寿|保险公司 a kind, not the insurer's foundation one)."""
        r = self.rules
        start, suffix, held = suffix_start, suffix_start, False
        if suffix_start not in boundaries:
            # jieba keeps some whole names as one word (武汉大学): the name then starts where it does
            holder = _word_across(s, suffix_start)
            if holder is None or not 2 <= suffix_start - (holder.start - s.start) <= max_stem:
                return None
            start = suffix_start = holder.start - s.start
            held = True
        tokens = [t for t in s.tokens if t.end - s.start <= suffix_start]
        brackets = [b.span() for b in r.name_bracket.finditer(s.text, 0, suffix_start)]
        for k in range(len(tokens) - 1, -1, -1):
            token = tokens[k]
            bracketed = bool(brackets) and any(a <= token.start - s.start and token.end - s.start <= b
                                               for a, b in brackets)
            if (k and token.text in r.list_joiners and r.joiner_in_name_after
                    and r.joiner_in_name_after.search(tokens[k - 1].text)
                    and suffix_start - (token.start - s.start) <= max_stem):
                start = token.start - s.start  # 卖给|和锐医科: the joiner joins nothing, it starts the name
                break
            if not bracketed and r.name_count.match(token.text):
                if count_ends:
                    break
                return None  # 两家|玉米种植合作社: what a count precedes is of a kind, not a name
            if not bracketed and (token.text in r.name_boundary_tokens or not _NAME_CHAR.fullmatch(token.text[-1])
                                  or (ends_stem and ends_stem.search(token.text))):
                break
            if suffix_start - (token.start - s.start) > max_stem:
                return None  # no boundary in reach: a clause, not a name ("有效期内经医院")
            start = token.start - s.start
        stem = s.text[start:suffix]
        # a word of a kind inside the word that holds the suffix, after a place (沈阳|农业大学), is the
        # name's, not the end of a stem, and the place its first word, even one that is no stem alone
        # (上海|肿瘤医院, 中国|药科大学); without a place (公立医院, 商业保险公司) it names a kind
        placed = held and start < suffix_start and self._one_word_of(s.text[start:suffix_start], r.name_place_pos)
        named = insurer_stem and self._is_insurer_name(stem)
        if len(stem) < 2 or not _NAME_CHAR.match(stem) or (not placed and not named and any(
                stem.endswith(w) and not self._ends_a_noun(s, w, suffix) for w in r.stem_stopwords)):
            return None
        return start

    def _ends_a_noun(self, s: Sentence, word: str, end: int) -> bool:
        """Whether the one-character stop ``word`` ending at ``end`` is the last character of a noun of
        the sentence (资本 of 深圳资本|有限公司, 汽车 of 东风汽车|有限公司), not a word of its own (该|公司)."""
        holder = _word_across(s, end - 1) if len(word) == 1 else None
        return holder is not None and [tag for _, tag in self.tokenizer.pos(holder.text)] == ["n"]

    def _not_a_name(self, name: str, after: str, before: str) -> bool:
        """A quoted slogan, numbered policy or event (两个确保, 三农, 台风“杜苏芮”, “贝碧嘉”过境)."""
        r = self.rules
        if r.quote_exclude_before.search(before) and name in {
                next(g for g in q.groups() if g is not None) for q in r.quote.finditer(before)}:
            before = ""  # （下称“相约优年”） after “相约优年”…保险: the short name of a quoted name, a name
        return bool(r.no_name_shape(name, after) or r.quote_exclude_before.search(before)
                    or r.quote_exclude_after.search(after))

    def _kind_of_cover_after(self, after: str) -> bool:
        """Whether the words after a quote are a kind of cover, however long, made only of words of
        a line of business (“穗康”商业补充健康保险, “惠民保”城市定制型商业医疗保险 is the brand of that
        cover): the quoted word names the product."""
        m = self.rules.cover_after_quote.match(after)
        return bool(m) and _line_of_business(self, m.group())

    def _quote_class(self, name: str, after: str, before: str) -> str | None:
        """Initiative or Product by the name's own ending first (a “…险” is cover even when a 项目
        follows; a “…保” is cover unless 项目 or a word of a channel follows; a “…人群” is a group
        of people), then by the words after and before it."""
        r = self.rules
        if name and r.initiative_inside.search(name):
            return "Initiative"
        if name and r.cover_inside.search(name):
            return "Product"
        if (name and any(m.end() == len(name) for m in r.beneficiaries.head.finditer(name))
                and not r.beneficiaries.trigger.match(name)):  # “守护志愿者”特定保险: a help to them, named
            if after and (channel := r.channel_after.search(after)) and channel.group(1):
                return "Initiative"  # “好车主”APP: an app or platform named after whom it serves
            return "BeneficiaryGroup"  # “带病群体”保险创新, “新市民”专属保险: people, whatever follows
        if name and r.product_inside.search(name):  # “扶贫保”工作方案: the cover; “车险好投保”平台: a channel
            return "Initiative" if after and r.channel_after.search(after) else "Product"
        if after and r.initiative_after.search(after):
            return "Initiative"
        if ((after and r.product_after.search(after))
                or r.product_before.search(before) or self._kind_of_cover_after(after)):
            return "Product"
        if name and r.initiative_before.search(before) and not r.initiative_before_exclude.search(f"{name}\n{after}"):
            return "Initiative"  # 推出“京选”标准, 试水“赔审团”: launched, and no cover
        if name and r.named_before and r.named_before.search(before):
            # 名为“X”的公益活动, 讲座名叫“X”: the kind named with it, after the name or before the word
            kind = ((r.named_kind_after and r.named_kind_after.match(after))
                    or (r.named_kind_before and r.named_kind_before.search(before)))
            if kind:
                return "Initiative" if kind.group("initiative") else "Product"
        if name and r.programme_title and r.programme_title.search(name):
            return "Initiative"  # “守护记忆·万千百十”: a campaign's title, when nothing above tells its kind
        return None


# -- the components, one per rule family --------------------------------------------------------

@component("quoted")
def quoted_names(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """Quoted names that are products, initiatives or groups of people, by their ending or the
    words around them.

    Quotes in a row (“国寿准行”“云端赔”等线上化工具) share the class their list is given, or else the
    one its items' own endings agree on.
    """
    s, text = view.sentence, view.text
    quotes = []
    for q in rec.rules.quote.finditer(text):
        group = next(g for g in range(1, (q.lastindex or 0) + 1) if q.group(g) is not None)
        a, b = q.start(group), q.end(group)
        contract = rec.rules.contract_cover.match(text[a:b]) if rec.rules.contract_cover else None
        if contract:  # 《某某保险合同》: the cover the contract is of
            a, b = a + contract.start("cover"), a + contract.end("cover")
        quotes.append((q, text[a:b], a, b))
    # an organisation named right after a quote is no word of its kind: “共享阳光 共同成长”阳光保险希望卫生室
    org_starts = {a for a, _, iri, _ in view.aliases if rec.registry.entries[iri].entity.cls in ORGANISATION_CLASSES}
    after = lambda q: "" if q.end() in org_starts else text[q.end():]  # noqa: E731
    out = []
    for run in _runs(text, quotes, rec.rules.list_joiners):
        last = run[-1][0]
        shared = rec._quote_class("", after(last), text[:run[0][0].start()])
        if shared is None and len(run) > 1 and rec.rules.initiative_before.search(text[:run[0][0].start()]) and not any(
                rec.rules.initiative_before_exclude.search(f"{name}\n") for _, name, _, _ in run):
            shared = "Initiative"  # 开展的系列活动：“A”、“B”、“C”: a list a word of launching opens
        if shared is None and len(run) > 1:
            # a list names things of one kind (如“春蕾计划”“某某小孩”“安康图书馆”): where the items that say
            # their kind by their own ending all say the same one, an item that says none is of it too
            own = {rec._quote_class(name, "", "") for _, name, _, _ in run} - {None}
            shared = own.pop() if len(own) == 1 else None
        for q, name, a, b in run:
            if (a, b) in view.alias_spans or not name.strip() or rec._not_a_name(name, text[q.end():], text[:q.start()]):
                continue
            cls = rec._quote_class(name, after(q) if q is last else "", text[:q.start()]) or shared
            if cls == "Product" and rec.rules.term_before and rec.rules.term_before.search(text[:q.start()]):
                continue  # 被称作“保险的保险”: a nickname or a term
            if cls == "Product" and rec.rules.slogan and rec.rules.slogan.match(name):
                continue  # “保障随行 有惊无险”: a slogan of two phrases
            if cls:
                head = (rec.rules.initiative_head.match(text, q.end()) if cls == "Initiative"
                        else rec.rules.product_head.match(text, q.end())
                        if cls == "Product" and not rec.rules.product_inside.search(name) else None)
                out.append(Mention(name, s.start + a, s.start + b, s.index, cls, "pattern",
                                   whole=name + head.group() if head else None))
    return out


@component("beneficiaries")
def beneficiary_groups(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """Groups of people or firms by how they are written: a word of help (为, 向, 帮助, 面向 …),
    then only counts and places (首批264户, 全区15万户), then a short phrase ending with a head
    noun: 向首批264户受灾农户, 为全区15万户建档立卡贫困户, 为300余家低空经济企业."""
    r, s, text = rec.rules.beneficiaries, view.sentence, view.text
    marks = rec.rules.punctuation
    out = []
    # where a group ends: a later list item (为困难儿童、留守儿童和失亲儿童) needs no trigger of its own
    registered = {(a, b) for a, b, iri, _ in view.aliases if rec.registry.entries[iri].entity.cls == "BeneficiaryGroup"}
    # a list goes on past a comma, not past a clause separator (A、B，以及C)
    commas = ("", *(c for c in marks.clause if not rec.rules.clause_separators.match(c)))
    ends = {b: a for a, b in registered}  # where each group that ends there starts
    # a head another head follows (青年|教师) is a part of the name, not its end; one before the word of
    # property of a cover's name (家庭|财产保险) is a part of that name
    heads = [m for m in _heads(r.head, text, view.boundaries)
             if m.end() in view.boundaries and not r.head.match(text, m.end())
             and not (r.property_after and r.property_after.match(text, m.end()))]
    opened = {}  # where each head's phrase may start: its clause, or after a word of help in it
    for m in heads:
        # a space between a headline's phrases ends a clause as a comma does (各出一招 复工企业有了保单)
        clause = marks.clause_start(text, m.start())
        clause = max((i + 1 for i in range(clause, m.start()) if text[i].isspace()), default=clause)
        # words of their own: not the 为 of 成为, but after an adverb glued to them (已为|16万名…)
        starts = [t.end() for t in r.trigger.finditer(text, clause, m.start())
                  if t.end() in view.boundaries and (t.start() in view.boundaries or (
                      r.glued_before and t.start() - 1 in view.boundaries
                      and r.glued_before.fullmatch(text, t.start() - 1, t.start())))]
        if starts and r.count_before:  # 为某村全部2039名|户籍人口: what stands before the count only places the group
            starts.append(_after_count(rec, view, max(starts), m.start()))
        if clause and text[clause - 1] in marks.colon:  # 对象：|, 谁能参保：|: a trigger ending with the colon before
            starts += [clause for t in r.trigger.finditer(text, marks.clause_start(text, clause - 1, colon=False), clause)
                       if t.end() == clause]
        # (also past a comma: 乡村振兴创业带头人，以及返乡创业青年)
        # (each item repeating the word before the first: 帮农户、帮困难群众 names 困难群众)
        starts += [i + _repeated_word(view, a, i) for e, a in ends.items() if e < m.start() for lead in commas
                   if clause <= e + len(lead) for j in rec.rules.list_joiners
                   for i in [e + len(lead) + len(j)] if text.startswith(lead + j, e) and i in view.boundaries]
        # (and past items with no head of their own: 为种植户、基层干部和返乡创业青年)
        run_on, middle = _list_goes_on(rec, view, [e for e in ends if clause <= e < m.start()], clause, m.start())
        starts += [run_on] if run_on is not None else []
        if r.describers:  # 投保X的农民: those who insured X, when a 的 closes the clause before the name
            starts += [t.end() for t in r.describers.finditer(text, clause, m.start())
                       if t.start() in view.boundaries and t.end() in view.boundaries
                       and any(t.end() <= w.start - s.start and w.end - s.start <= m.start() and w.text == r.relative
                               for w in s.tokens)]
        if not starts and r.can_join_after and r.can_join_after.match(text, m.end()):
            # 带病体人群也可参保: those who can join cover, named from their clause's start (or its count)
            starts = [_after_count(rec, view, clause, m.start())]
        if not starts:  # 重点保障两类人群：一是完全失能人员，二是…: a point of a list a word of help introduced
            starts = _point_of_helped(rec, text, clause, m.start())
        if not starts:  # 面向出口企业，包括单项冠军企业: members of the group the clause before helps
            starts = _members_of_helped(rec, text, clause, m.start())
        if not starts and r.kinds_intro:  # 扶持两类人——乡村教师和…: the first item of a list of kinds of people
            starts = [t.end() for t in r.kinds_intro.finditer(text, max(0, clause - r.max_stem), m.start())
                      if t.end() >= clause and t.end() in view.boundaries]
        marked = []
        if r.marked and (m.start(), m.end()) not in registered:
            # 受灾企业: a word that makes the head a group is the name's start (not before a group the
            # registry names: 受灾农户 is 农户, whom the registry rule finds); tried after a word of help
            # whose phrase is no name (服务对象是货车司机这类灵活就业人群: 灵活就业人群)
            marked = [t.start() for t in r.marked.finditer(text, clause, m.end())
                      if t.end() == m.start() and t.start() in view.boundaries]
        opened[m.end()] = max(starts, default=clause)
        # last, the list's item alone, when the list holds only names of things (针对学校食堂、养老机构、
        # 食品添加剂企业等: 食品添加剂企业), no verb (为当地党委和政府卸下贫困群众的顾虑 names no group) past a
        # clause that describes them (投入救治的医师、护士和检测人员，都从…收到了保障)
        item = [i for i in [_item_start(rec, view, clause, m.start())]
                if i is not None and starts and i > max(starts)
                and _no_verb(rec, text[_past_relative(r, view, max(starts), i):m.start()])]
        name = next((n for tried in (starts, marked, item) if tried
                     for n in [_group_name(rec, view, m, max(tried))] if n), None)
        if name is None:
            continue
        start = m.end() - len(name)
        out.append(Mention(name, s.start + start, s.start + m.end(), s.index, "BeneficiaryGroup", "pattern"))
        ends[m.end()] = start
        if run_on is not None and start >= run_on:  # the items between two groups of a list are groups too
            out += [Mention(text[a:b], s.start + a, s.start + b, s.index, "BeneficiaryGroup", "pattern")
                    for a, b in middle if _plain_item(rec, view, a, b)]
    # …and an earlier item before a later one that is a group (凡是制种农户、种子生产合作社和种子企业来投保:
    # only the last item stands before the words that make them groups), read from the list mark before it,
    # with the items between that have no head of their own (养殖企业、小作坊、养老院食堂等也被保险覆盖)
    begins = {b - s.start for b in (n.start for n in out)} | {a for a, _ in registered}
    for m in reversed(heads):
        between = None if m.end() in ends else _items_before_group(rec, view, m.end(), begins)
        if between is None:
            continue
        item = max(opened[m.end()], _item_start(rec, view, marks.clause_start(text, m.start()), m.start()) or 0)
        if _no_verb(rec, text[_past_relative(r, view, item, m.start()):m.start()]) and (
                name := _group_name(rec, view, m, item)):
            start = m.end() - len(name)
            out.append(Mention(name, s.start + start, s.start + m.end(), s.index, "BeneficiaryGroup", "pattern"))
            out += [Mention(text[a:b], s.start + a, s.start + b, s.index, "BeneficiaryGroup", "pattern")
                    for a, b in between]
            begins |= {start, *(a for a, _ in between)}
    return out + _coordinated_items(rec, view, [(n.start - s.start, n.end - s.start) for n in out], registered)


def _repeated_word(view: SentenceView, first: int, item: int) -> int:
    """The length of the word that stands right before the list's first item (at ``first``) when the
    item at ``item`` opens with it too, else 0: a word of help said again for each (帮农户、帮困难群众)."""
    s = view.sentence
    before = next((t.text for t in s.tokens if t.end - s.start == first), "")
    return len(before) if before and view.text.startswith(before, item) and item + len(before) in view.boundaries else 0


def _coordinated_items(rec: Recogniser, view: SentenceView, found: list[tuple[int, int]],
                       registered: set[tuple[int, int]]) -> list[Mention]:
    """The other items of a list that holds a group, each a group too, when a word that says each of
    them and the words that make groups close it (专业户、合作社和水产企业都能投保), or a word of help opens
    it and a group the registry knows is in it (面向村官、村医、村教的工程: 村医 is one, so 村官 and 村教 are;
    beside a group only a rule read, 给渔船和船上渔工, an item may be a thing insured): short nouns, none
    a firm's or a cover."""
    r, s, text = rec.rules.beneficiaries, view.sentence, view.text
    joiners = sorted(rec.rules.list_joiners, key=len, reverse=True)
    words = {t.start - s.start: t for t in s.tokens}
    ends = {t.end - s.start: t for t in s.tokens}

    def name_word(t) -> bool:  # a noun's word (not 从外地, 灾后重建): the tagger's noun, name or idiom tags
        return (bool(r.stem_chars.fullmatch(t.text)) and t.text not in r.stop_tokens and t.text != r.relative
                and not r.trigger.fullmatch(t.text) and not _counts_or_places(t.text, rec, r)
                and all(tag[0] in "njl" for _, tag in rec.tokenizer.pos(t.text)))

    def item_before(end: int) -> int | None:  # where the item that ends at ``end`` starts
        at = end
        while at in ends and name_word(ends[at]) and end - ends[at].start + s.start <= r.max_stem:
            at = ends[at].start - s.start
        return at if at < end else None

    def item_after(start: int) -> int | None:  # where the item that starts at ``start`` ends
        at = start
        while at in words and name_word(words[at]) and words[at].end - s.start - start <= r.max_stem:
            at = words[at].end - s.start
        return at if at > start else None

    taken = {*found, *registered}
    out = []
    for a, b in sorted(taken):
        items, left, right = [], a, b
        while j := next((j for j in joiners if text.startswith(j, left - len(j))), None):
            start = item_before(left - len(j))
            if start is None:
                break
            items.append((start, left - len(j)))
            left = start
        while j := next((j for j in joiners if text.startswith(j, right)), None):
            end = item_after(right + len(j))
            if end is None:
                break
            items.append((right + len(j), end))
            right = end
        if not items:
            continue
        opened = left
        while opened in ends and _counts_or_places(ends[opened].text, rec, r):
            opened = ends[opened].start - s.start  # 为全县村官、村医: the count or place stands before the list
        opened_by_help = opened in ends and bool(r.trigger.fullmatch(ends[opened].text))
        closed_by_join = bool(r.can_join_after and r.each_of_list and r.each_of_list.match(text, right)
                              and r.can_join_after.match(text, right))
        if not ((opened_by_help and (a, b) in registered) or closed_by_join):
            continue
        for a2, b2 in items:
            if ((a2, b2) not in taken and _plain_item(rec, view, a2, b2)
                    and not rec.rules.cover_inside.search(text, a2, b2)):  # 农业保险和贫困户…: a cover
                taken.add((a2, b2))
                out.append(Mention(text[a2:b2], s.start + a2, s.start + b2, s.index, "BeneficiaryGroup", "pattern"))
    return out


def _items_before_group(rec: Recogniser, view: SentenceView, end: int,
                        begins: set[int]) -> list[tuple[int, int]] | None:
    """The spans of the list items from ``end`` (a list mark follows) to the next item that is a group
    (one starting at one of ``begins``): each a plain name with no head of its own and no verb, as
    _list_goes_on reads them ([] when the mark leads straight to the group); None when the list reaches
    no group so."""
    text, r = view.text, rec.rules.beneficiaries
    joiners = "|".join(map(re.escape, sorted(rec.rules.list_joiners, key=len, reverse=True)))
    spans, at = [], end
    while mark := re.match(f"(?:{joiners})", text[at:]):
        at += mark.end()
        if at in begins:
            return spans
        nxt = re.search(f"(?:{joiners})", text[at:at + r.max_stem + 1])
        b = at + nxt.start() if nxt else at
        if b == at or r.head.search(text, at, b) or not _plain_item(rec, view, at, b) or (
                rec.tokenizer.pos(text[at:b])[0][1] == "v"):
            return None
        spans.append((at, b))
        at = b
    return None


def _item_start(rec: Recogniser, view: SentenceView, clause: int, end: int) -> int | None:
    """Where the list item that ends at ``end`` starts: after the last list mark (、, 和, 及 …) of its
    clause before it, when a noun ends the item before the mark (养老机构、食品添加剂企业; not the
    shared head's modifiers of 易贫、临贫农村人口); None when there is none."""
    text, s = view.text, view.sentence
    mark = max(((i, i + len(j)) for j in rec.rules.list_joiners for i in range(clause, end)
                if text.startswith(j, i) and i in view.boundaries and i + len(j) in view.boundaries), default=None)
    before = [t.text for t in s.tokens if mark and t.end - s.start == mark[0]]
    tags = rec.tokenizer.pos(before[0]) if before else []
    return mark[1] if tags and tags[-1][1][0] in "nlj" else None


def _past_relative(r, view: SentenceView, first: int, end: int) -> int:
    """Where the words after the last relative word (的) in ``text[first:end]`` start, or ``first``:
    a clause that describes a group ends there (投入救治的医师: 医师)."""
    s = view.sentence
    return max((t.end - s.start for t in s.tokens
                if t.text == r.relative and first <= t.start - s.start and t.end - s.start <= end), default=first)


def _list_goes_on(rec: Recogniser, view: SentenceView, ends: list[int], clause: int,
                  end: int) -> tuple[int | None, list[tuple[int, int]]]:
    """Where the list item that ends at ``end`` starts, and the spans of the items before it, when the
    list runs on to it from a group that ends at one of ``ends`` through items with no head of their
    own (为种植户、基层干部和返乡创业青年, 为学校食堂、中央厨房和食品生产企业): each a short name that opens
    with no verb, as a clause would (为贫困户提供保险和农户 is no list); else (None, [])."""
    item = _item_start(rec, view, clause, end)
    if item is None:
        return None, []
    marks = rec.rules.punctuation
    joiners = "|".join(map(re.escape, sorted(rec.rules.list_joiners, key=len, reverse=True)))
    for e in ends:
        run = view.text[e:item]
        if not re.match(f"(?:{joiners})", run) or not re.search(f"(?:{joiners})$", run):
            continue
        spans, at = [], e
        for mark in re.finditer(joiners, run):
            spans.append((at, e + mark.start()))
            at = e + mark.end()
        spans = spans[1:]  # the run opens with the mark after the group
        if spans and all(0 < b - a <= rec.rules.beneficiaries.max_stem
                         and not any(c in view.text[a:b] for c in marks.clause)
                         and rec.tokenizer.pos(view.text[a:b])[0][1] != "v" for a, b in spans):
            return item, spans
    return None, []


def _plain_item(rec: Recogniser, view: SentenceView, a: int, b: int) -> bool:
    """Whether ``text[a:b]``, an item of a list of groups, is a plain name that can be a group: whole
    words of a name's letters, no word a group's name never holds, not opened by a count or place, and
    no organisation or body the other rules read there (为农户、县政府和学生: not 县政府)."""
    r, s, text = rec.rules.beneficiaries, view.sentence, view.text
    words = [t.text for t in s.tokens if a <= t.start - s.start and t.end - s.start <= b]
    if a not in view.boundaries or b not in view.boundaries or not r.stem_chars.fullmatch(text[a:b]):
        return False
    if any(w in r.stop_tokens for w in words) or rec.rules.implied_place.search(text, a, b):
        return False
    if any(_counts_or_places(w, rec, r) for w in words[:1]):
        return False
    return not any(x < b and a < y for x, y, _, _ in view.aliases) and not any(
        n.start - s.start < b and a < n.end - s.start for n in [*view.patterned, *(m for m, _ in view.suffixed)])


def _no_verb(rec: Recogniser, words: str) -> bool:
    """Whether ``words`` hold no verb (by the tagger's reading): a list of names, not a clause."""
    return not any(tag == "v" for _, tag in rec.tokenizer.pos(words))


def _group_name(rec: Recogniser, view: SentenceView, m: re.Match, first: int) -> str | None:
    """The group whose head noun is ``m``, its phrase read from ``first`` (past counts, places and a
    clause that describes it): its name, or None when the phrase is no group's name."""
    r, s, text = rec.rules.beneficiaries, view.sentence, view.text
    # a word that ends with the head (常住人口, 贫困人口) is part of the name, not left out of it
    words = [t for t in s.tokens if first <= t.start - s.start < m.start() and t.end - s.start <= m.end()]
    # a clause that describes the group ends with 的 (为扩种速生叶菜的菜农), and a word that points at the
    # group or takes each of it comes before its name (替这些环卫工人, 车上每一位务工人员): the name follows
    relative = max((i for i, w in enumerate(words) if w.text == r.relative
                    or (r.determiners and r.determiners.fullmatch(w.text))), default=-1)
    words = words[relative + 1:]
    gap = 0  # leading words that only count or place the group
    while gap < len(words) and (_counts_or_places(words[gap].text, rec, r)
                                or gap and words[gap].text in rec.rules.place_level_words):
        gap += 1  # a level jieba splits from its place (大湾|区) places the group with it
    if any(a < w.end - s.start and w.start - s.start < b and rec.registry.entries[iri].entity.cls != "BeneficiaryGroup"
           for w in words[:gap] for a, b, iri, _ in view.aliases):
        return None  # a firm's name tagged as a place (京东Plus会员): its members, not a group this rule can name
    stem = words[gap:]
    # a list joiner the tokenizer glues to the head before it (大棚菜|农和|水产养殖户): the name is the last item
    glued = [i for i, w in enumerate(stem) if _joins_a_head(rec, view, w)]
    stem = stem[max(glued) + 1:] if glued else stem
    start = stem[0].start - s.start if stem else m.start()
    if _body_before_words(rec, view, start, m.start()):
        return None
    # a count or place run into one word with the head (广大群众) is left out of the name too
    if len(stem) == 1 and stem[0].text.endswith(m.group()) and r.gap_words.fullmatch(stem[0].text[:-len(m.group())]):
        stem, start = [], m.start()
    if (not stem and m.group() not in r.bare_heads) or m.start() - start > r.max_stem:
        return None  # 企业 alone says too little; a long run is a clause, not a name
    if gap and stem and r.place_schemes and r.place_schemes.match(text, start) \
            and not r.gap_words.fullmatch(words[gap - 1].text):
        start = words[gap - 1].start - s.start  # 汕头市|基本医疗保险参保人员: the place's scheme names them
    # modifiers that share the head (易贫、临贫农村人口) are the name's start, their list marks in it
    mark = max((i for i, w in enumerate(stem) if w.text == r.shared_head_mark), default=-1)
    if mark > 0 and all(tag in r.modifier_pos for w in stem[:mark] if w.text != r.shared_head_mark
                        for _, tag in rec.tokenizer.pos(w.text)):
        stem = [w for w in stem if w.text != r.shared_head_mark]
    if any(w.text in r.stop_tokens or not r.stem_chars.fullmatch(w.text) for w in stem):
        return None
    name = text[start:m.end()]
    if any(a < m.end() and start < b and (rec.registry.entries[iri].entity.cls != "BeneficiaryGroup"
                                           or a < start or b > m.end() or (a, b) == (start, m.end()))
           for a, b, iri, _ in view.aliases):
        return None  # an organisation's name, or a registry group's name that is longer or the same
    if any(n.cls != "BeneficiaryGroup" and n.start <= s.start + start and s.start + m.end() <= n.end
           for n, _ in view.suffixed):
        return None  # a firm's name by its suffix (上海浦信蔬果专业合作社), not a group of firms
    return name


def _body_before_words(rec: Recogniser, view: SentenceView, first: int, end: int) -> bool:
    """Whether a government or industry body named in ``text[first:end]`` has words after it before
    ``end`` (县政府|组织|农户, 区政府|积极|动员|养殖户): the body acts on the people, a clause, no group's name;
    a body right before the head (县政府|工作人员) names whose people they are."""
    s, text = view.sentence, view.text
    ends = [b.end() for b in rec.rules.implied_place.finditer(text, first, end)]
    ends += [b for a, b, iri, _ in view.aliases
             if first <= a and b <= end and rec.registry.entries[iri].entity.cls in PUBLIC_CLASSES]
    ends += [n.end - s.start for n in view.patterned
             if n.cls in PUBLIC_CLASSES and first <= n.start - s.start and n.end - s.start <= end]
    return any(b < end for b in ends)


def _joins_a_head(rec: Recogniser, view: SentenceView, word: Token) -> bool:
    """Whether ``word`` is a list joiner glued to the end of a group's head (菜|农和: 菜农 and …)."""
    r, end = rec.rules.beneficiaries, word.end - view.sentence.start
    return any(len(word.text) > len(j) and word.text.endswith(j) and any(
        h.end() == end - len(j) for h in r.head.finditer(view.text, max(0, end - len(j) - r.max_stem), end - len(j)))
        for j in rec.rules.list_joiners)


def _after_count(rec: Recogniser, view: SentenceView, clause: int, end: int) -> int:
    """Where the name of a group read from its clause's start (at ``clause``) begins: after the last
    count of it before ``end`` (首批共有10家|数据企业参保), nothing of a name standing before its count; else
    at ``clause``. Not a count of a list (600余家危化和工贸企业): it counts the items together."""
    r, text = rec.rules.beneficiaries, view.text
    counts = r.count_before.finditer(text, clause, end) if r.count_before else ()
    return max([clause, *(c.end() for c in counts if c.start() in view.boundaries and c.end() in view.boundaries
                          and not any(j in text[c.end():end] for j in rec.rules.list_joiners))])


def _point_of_helped(rec: Recogniser, text: str, clause: int, end: int) -> list[int]:
    """Where a group's name may start when its clause is a point (一是, 其二, （三）) of a list that a
    clause with a word of help introduced before a colon (重点保障两类人群：一是完全失能人员，二是重度失智
    人员): right after the point's marker; else nothing."""
    marks = rec.rules.punctuation
    marker = rec.rules.continued_paragraph.match(text[clause:end])
    colon = max(text.rfind(c, 0, clause) for c in marks.colon) if marker else -1
    if colon < 0 or rec.rules.clause_separators.search(text, colon, clause) or any(
            c in text[colon:clause] for c in marks.sentence_end):
        return []
    intro = text[marks.clause_start(text, colon):colon]
    return [clause + marker.end()] if rec.rules.beneficiaries.trigger.search(intro) else []


def _members_of_helped(rec: Recogniser, text: str, clause: int, end: int) -> list[int]:
    """Where a group's name may start when its clause opens with a word that names members
    (``members_intro``: 包括, 特别是) of the group a word of help in the clause before it, in the same
    sentence, introduced (主要面向出口企业，包括单项冠军企业): right after that word; else nothing."""
    r, marks = rec.rules.beneficiaries, rec.rules.punctuation
    opening = r.members_intro.match(text, clause) if r.members_intro and clause > 0 else None
    if opening is None or opening.end() > end or text[clause - 1] not in marks.clause:
        return []
    before = marks.clause_start(text, clause - 1, colon=False)
    if rec.rules.clause_separators.search(text, before, clause):
        return []
    return [opening.end()] if r.trigger.search(text, before, clause - 1) else []


def _heads(head: re.Pattern, text: str, boundaries: set[int]):
    """The head nouns of ``text``; a head that ends inside a word gives way to one that starts
    inside it (粮农 of 种粮农户 to 农户)."""
    i = 0
    while m := head.search(text, i):
        yield m
        i = m.end() if m.end() in boundaries else m.start() + 1


def _counts_or_places(word: str, rec: Recogniser, r) -> bool:
    """Whether a word only counts or places a group (264, 首批, 万户, 全区, 荆门) rather than names it."""
    if r.gap_words.fullmatch(word):
        return True
    if word in r.kind_places:
        return False
    return any(tag in r.gap_pos for _, tag in rec.tokenizer.pos(word))


_WORD_RUN = re.compile(r"[^\W\d_]+")  # a list's items: the runs of letters between its marks


@component("shared_kinds")
def shared_kind_names(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """Short names listed before the kind of firm they share: in 中信、招商、兴业五家股份制银行 each item
    with the kind's ending (中信银行) is a registry name, and the item names that firm; so in a list
    after the kind (股份制银行里有中信、招商、兴业这几家)."""
    r, s, out = rec.rules, view.sentence, []
    for m in [*r.elided_list.finditer(view.text), *r.kind_first_list.finditer(view.text)]:
        endings = r.shared_kinds.get(m["kind"], ())
        for item in _WORD_RUN.finditer(view.text, m.start("items"), m.end("items")):
            # the first item may carry the words before the list (以及中信): its shortest fitting tail
            for start in range(item.start(), item.end() - 1):
                name = view.text[start:item.end()]
                own = rec.registry.aliases.get(normalise(name))
                if own is not None and rec.registry.entries[own].entity.cls != "InsuranceGroup":
                    break  # a firm's own name (大家人寿 among 险企), not a shorter tail with the kind's ending
                iri = next((rec.registry.aliases[key] for e in endings
                            if (key := normalise(name + e)) in rec.registry.aliases), None)
                # a group's short name among insurers is its insurer of that kind (国寿、平安等3家寿险公司)
                if iri and iri != own:
                    out.append(Mention(name, s.start + start, s.start + item.end(), s.index,
                                       rec.registry.entries[iri].entity.cls, "alias", entity=iri))
                    break
    return out


@component("aliases")
def registry_aliases(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """Registry names and aliases, read as the best non-overlapping reading of the sentence."""
    s = view.sentence
    return [Mention(view.text[a:b], s.start + a, s.start + b, s.index, rec.registry.entries[iri].entity.cls,
                    "alias", entity=iri)
            for a, b, iri, unit in view.aliases if unit is None]


@component("branches")
def branch_names(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """An organisation's name with the unit after it: 平安产险上海分公司, 众诚保险上海分公司,
    邮储银行河南省分行 (a partner's unit stays a Partner)."""
    s, out = view.sentence, []
    for a, b, iri, unit in view.aliases:
        if unit is None:
            continue
        cls = rec.registry.entries[iri].entity.cls
        if unit.start() == a:  # the region before the name (厦门人保财险): the unit unwritten, or after it
            tail = rec.rules.unit_word.match(view.text, b)  # 泸州市人保财险分公司
            end = tail.end() if tail else b
            out.append(Mention(view.text[a:end], s.start + a, s.start + end, s.index, "Branch", "alias",
                               parent=iri, parent_surface=view.text[unit.end():b], region=unit["region"],
                               unit=tail["unit"] if tail else rec.rules.bare_unit))
        else:
            name = Mention(view.text[a:b], s.start + a, s.start + b, s.index, cls, "alias", entity=iri)
            out.append(rec._with_unit(name, unit, view.text, s.start))
    # A pattern gives its name whole: 中国人民银行成都分行 is the central bank's office, not a bank
    # named by its suffix (银行) with a unit after it.
    out += [m for m, _ in view.suffixed
            if m.unit is not None and not any(p.start < m.end and m.start < p.end for p in view.patterned)]
    return out


@component("pattern_names")
def pattern_names(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """Names a pattern gives whole: 河南银保监局, 国家金融监督管理总局温州监管分局, 客服热线95518."""
    return view.patterned


@component("suffix_names")
def suffix_names(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """Names the registry lacks, by their suffix: 某某人寿, 周口农商银行 …; the longest first, so
    四川大学华西医院 is one name, not 四川大学 and a remainder."""
    found = [m for m, needs_unit in view.suffixed if m.unit is None and not needs_unit]
    return sorted(found, key=lambda m: (m.start - m.end, m.start))


@component("references")
def references(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """Words that only context resolves: 旗下财险公司, 上海分公司, 徐汇支公司, 省财政厅, 公司, 该产品."""
    r, s, text = rec.rules, view.sentence, view.text
    out = []
    for name, line in rec.registry.generic_names.items():
        for prefix in r.line_reference_prefixes:
            word = prefix + name
            for a in _occurrences(word, text):
                out.append(Mention(word, s.start + a, s.start + a + len(word), s.index,
                                   "Insurer", "reference", line=line))
    # at a clause start, or right after a reference by line of business: (人寿)财险公司零陵支公司 is a
    # branch of the subsidiary the line names
    at_clause = (m for m in r.local_branch.finditer(text) if r.clause_start.fullmatch(text[m.start() - 1:m.start()] or " "))
    # read from right after the opener: a search from the left may start the place on the opener's last
    # character (下属的|沙县营销服务部 read as 的沙县…)
    after_word = (m for word in [*r.branch_reference_openers, *rec.registry.generic_names]
                  for a in _occurrences(word, text) if (m := r.local_branch.match(text, a + len(word))))
    local = (m for m in [*at_clause, *after_word] if rec.local_unit_named(m) and m["unit"] not in r.place_units)
    for m in [*r.bare_branch.finditer(text), *local]:
        unit = m  # a unit of that unit right after it (湖南分公司衡阳中支) is the branch the text names
        while lower := rec._lower_unit(text, unit.end()):
            unit = lower
        out.append(Mention(text[m.start():unit.end()], s.start + m.start(), s.start + unit.end(), s.index, "Branch",
                           "reference", region=unit["region"], unit=unit["unit"]))
    for m in r.implied_place.finditer(text):  # 省财政厅, 市保险行业协会: the province or city the text is about
        cls = ("IndustryBody" if m.group().endswith(r.implied_industry_bodies)
               else "Partner" if m.group().endswith(r.implied_partner_bodies) else "Regulator")
        out.append(Mention(m.group(), s.start + m.start(), s.start + m.end(), s.index, cls, "reference"))
    for m in r.committee_government.finditer(text):  # 宁夏回族自治区党委、政府: the committee's place's
        out.append(Mention(m["body"], s.start + m.start("body"), s.start + m.end("body"), s.index, "Regulator",
                           "reference", place=m["place"]))
    for m in r.anaphor.finditer(text):
        out.append(Mention(m.group(), s.start + m.start(), s.start + m.end(), s.index, "Insurer", "reference"))
    for m in r.body_anaphor.finditer(text):  # 协会, 行业协会: the association named last
        out.append(Mention(m.group(), s.start + m.start(), s.start + m.end(), s.index, "IndustryBody", "reference"))
    for m in r.plural_anaphor.finditer(text):  # after a joiner (与它们), its clause names the other party
        clause = s.start + r.punctuation.clause_start(text, m.start()) if m["joined"] else None
        out.append(Mention(m.group(), s.start + m.start(), s.start + m.end(), s.index, "Insurer", "reference",
                           clause_start=clause))
    for m in r.counted_anaphor.finditer(text):  # 4家保险公司: a list of that many insurers
        out.append(Mention(m.group(), s.start + m.start(), s.start + m.end(), s.index, "Insurer", "reference"))
    for m in [*r.product_anaphor.finditer(text), *r.product_tail_anaphor.finditer(text),
              *r.product_pair_anaphor.finditer(text)]:
        out.append(Mention(m.group(), s.start + m.start(), s.start + m.end(), s.index, "Product", "reference"))
    # Longer references first, so that 旗下财险公司 wins over 公司.
    return sorted(out, key=lambda m: (m.start - m.end, m.start))


@component("unquoted_products")
def unquoted_products(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """Product names after a launch verb, without quotes: 推出停运无忧保新产品."""
    r, s = rec.rules, view.sentence
    out = []
    # Where a product name ends: a list item (、B保) is a product only right after one (推出A保、B保,
    # “A保”、B保, 价格指数保险、B保险), not in any list (加强农田建设、加大种植业保险产品开发).
    product_ends = {q.end() for q in r.quote.finditer(view.text)}
    product_ends |= {m.end - s.start for m, _ in view.suffixed if m.cls == "Product"}
    for m in r.unquoted_product.finditer(view.text):
        name = m.group(1)
        if (r.unquoted_product_exclude.search(name) or normalise(name) in rec.registry.aliases
                or _inside_noun(rec, view, m.start())):
            continue
        if (view.text[m.start():m.start(1)] in r.list_joiners and m.start() not in product_ends
                and not m.groupdict().get("listed")):  # …、B险、C险等一批创新产品: a list of products
            continue
        if _line_of_business(rec, name):
            continue
        product_ends.add(m.end())
        out.append(Mention(name, s.start + m.start(1), s.start + m.end(1), s.index, "Product", "pattern"))
    for a, b in _counted_covers(rec, view.text):
        name = view.text[a:b]
        # a bare kind of cover in the list (产品包括意外险、重疾险) is no name, as it is none quoted
        if (not r.unquoted_product_exclude.search(name) and not rec.rules.no_name_shape(name)
                and normalise(name) not in rec.registry.aliases):
            out.append(Mention(name, s.start + a, s.start + b, s.index, "Product", "pattern"))
    return out


def _inside_noun(rec: Recogniser, view: SentenceView, at: int) -> bool:
    """Whether ``at`` falls inside a word the tagger reads as one noun (技术|开发 of 技术开发成果…保险):
    a launch verb there is the end of the noun, and launches nothing."""
    word = _word_across(view.sentence, at)
    return word is not None and [tag for _, tag in rec.tokenizer.pos(word.text)] == ["n"]


def folded(sentence: Sentence) -> Sentence:
    """``sentence`` with its folded text (中華 as 中华, ＡＢＣ as ABC) as its text: what matching reads."""
    return replace(sentence, text=sentence.norm or sentence.text)


def _word_across(s: Sentence, at: int) -> Token | None:
    """The word of ``s`` that ``at`` (a sentence offset) falls strictly inside, if any."""
    return next((t for t in s.tokens if t.start - s.start < at < t.end - s.start), None)


def _counted_covers(rec: Recogniser, text: str) -> list[tuple[int, int]]:
    """The spans of the covers a count of products introduces (四款产品——A、B和C, 产品包括A、B): the
    items of the list between its joiners, up to its end (one that is no cover's name); two pieces
    a joiner splits (住房和城乡…保险) are one item where the first alone is no cover's name."""
    r, out = rec.rules, []
    if r.product_list is None or r.product_list_item is None or not r.product_list_joiners:
        return out
    joiners = "|".join(map(re.escape, r.product_list_joiners))
    for m in r.product_list.finditer(text):
        at, end = m.span("items")
        cuts = [j.span() for j in re.finditer(joiners, text[at:end])] + [(end - at, end - at)]
        start = at
        for a, b in cuts:
            if not r.product_list_item.match(text[start:at + a]):
                continue  # no name yet: the joiner is inside one, or the list has ended
            out.append((start, at + a))
            start = at + b
    return out


def _line_of_business(rec: Recogniser, name: str) -> bool:
    """Whether a cover's name says only its kind, a line of business (扶贫保险, 意外伤害保险, 企业财产保险),
    not a product: every word before its 保险/险 is a word of a kind of cover. A place before it names
    a local scheme (大理州政策性农房地震保险), a word of its own a product (贫困户意外伤害保险)."""
    r = rec.rules
    ending = r.cover_inside.search(name)
    stem = name[:ending.start()] if ending else ""
    if not stem:
        return False
    words = [w for w, _ in rec.tokenizer.pos(stem)]
    level = r.region_suffix.search(words[0])
    if rec._one_word_of(words[0], r.name_place_pos) or (level and 0 < level.start() and level.end() == len(words[0])):
        return False
    return all(w in r.line_of_business_words for w in words)


@component("unquoted_initiatives")
def unquoted_initiatives(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """Programme names after a launch verb, without quotes: 启动平安三村工程, 设立泰康奖教金.

    The name must hold a word of its own: one made only of words any programme may use, places and
    numbers (开展保险知识普及活动) describes what was done and names nothing. An asset manager's plan so
    launched (发起设立某某水务债权计划) is its product.
    """
    r, s = rec.rules, view.sentence
    out = []
    for m in r.unquoted_initiative.finditer(view.text):
        a, b = m.span(1)
        name = m.group(1)
        if (a not in view.boundaries or r.unquoted_initiative_exclude.search(name)
                or normalise(name) in rec.registry.aliases):
            continue
        words = [t.text for t in s.tokens if a <= t.start - s.start and t.end - s.start <= b]
        if all(w in r.programme_generic_words or w.isdigit() or r.region_suffix.search(w)
               or rec._one_word_of(w, r.name_place_pos) for w in words):
            continue
        cls = "Product" if r.investment_plan.search(name) else "Initiative"
        out.append(Mention(name, s.start + a, s.start + b, s.index, cls, "pattern"))
    return out


def learned_input(rec: Recogniser, view: SentenceView, pos: bool = True) -> SentenceInput:
    """The sentence as the learned model reads it: words with part-of-speech tags (``pos``; else
    the sentence's own tokens, tagged "x"), quoted spans and registry alias matches (with their
    classes), computed the same way in training and use."""
    text = view.text
    quotes = []
    for q in rec.rules.quote.finditer(text):
        group = next(g for g in range(1, (q.lastindex or 0) + 1) if q.group(g) is not None)
        quotes.append(q.span(group))
    # jieba's guesses at unknown words cost more than the rest of the model's input together and
    # change none of its answers on the seeds, dev and news sets: the model goes without them.
    words = (pos and rec.tokenizer.pos(text, guess_unknown=False)) or [(t.text, "x") for t in view.sentence.tokens]
    aliases = [(a, b, rec.registry.entries[iri].entity.cls) for a, b, iri in view.matches
               if (a, b) in view.alias_spans]
    return SentenceInput(text, words, quotes, aliases)


@component("learned")
def learned_names(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """Names no list has, as the trained CRF (ontology/learned/) tags them, of the classes its
    settings name; nothing when no model has been trained. A registry alias is left to "aliases"."""
    if rec.learned is None:
        return []
    s, out, config, marks = view.sentence, [], rec.learned.config, rec.rules.punctuation
    roles = rec.rules.beneficiaries.role_before
    for a, b, cls in rec.learned.names(learned_input(rec, view, config.needs_pos)):
        name = view.text[a:b]
        if normalise(name) in rec.registry.aliases:
            continue
        if config.on_word_boundaries and not (a in view.boundaries and b in view.boundaries):
            continue  # 度扶贫特惠保险 (of 年度…), 份有限公司: a piece of a word is no name
        if name[0] in marks.opening and not any(c in marks.closing for c in name):
            continue  # 《某省保险业助推…工作 (of a document's title): a quote opened and never closed
        if cls in _COVER_OR_PROGRAMME and rec.rules.no_name_shape(name):
            continue  # of a shape no cover or programme has, quoted or not (…实施方案: a document)
        if cls == "BeneficiaryGroup" and roles and roles.search(view.text, 0, a):
            continue  # the role someone takes on (担任楼层志愿者), as the rules read it too: no group
        out.append(Mention(name, s.start + a, s.start + b, s.index, cls, "pattern"))
    return out


@component("tagged")
def tagged_names(rec: Recogniser, view: SentenceView) -> list[Mention]:
    """Organisations the general news tagger finds (names.tagged in patterns.toml), of the class of a suffix
    rule that ends the name: the tagger says where the name starts, the rule what it is, and the stem
    before the suffix must be fit to open a name (no kind of body, no clause: :meth:`Recogniser._fit_stem`)."""
    config = rec.rules.tagged
    if config is None:
        return []
    s, text, out = view.sentence, view.text, []
    rules = [rule for rule in rec.rules.suffix_names if rule.cls in config.classes]
    # Only where one of their endings closes no name the registry, a pattern or a suffix rule gave:
    # the tagger is slow, and most sentences have none.
    known = ({m.end - s.start for m in view.patterned} | {m.end - s.start for m, _ in view.suffixed}
             | {b for _, b, _ in view.matches})
    open_ends = {m.end() for rule in rules for m in rule.suffix.finditer(text)} - known
    if not open_ends:
        return out
    for a, b, kind in news_tagger.load(config.tagger).spans(text):
        name = text[a:b]
        if b not in open_ends or kind not in config.kinds or normalise(name) in rec.registry.aliases:
            continue
        for rule in rules:  # the first rule whose suffix ends the name, after a stem, types it
            ending = next((m for m in rule.suffix.finditer(name) if m.end() == len(name) and m.start() > 0), None)
            if ending:
                if rec._fit_stem(name[:ending.start()], rule):
                    out.append(Mention(name, s.start + a, s.start + b, s.index, rule.cls, "pattern"))
                break
    return out


# The components in the order they claim text: an earlier one's mention wins an overlap. A product
# named after a launch verb comes before registry aliases: a group's word in it qualifies the cover
# (推出贫困户意外伤害保险), it is no group of its own; so is a firm's name in a programme's (开展新华保险
# 健康守护行动).
RECOGNISERS = ("quoted", "beneficiaries", "unquoted_products", "unquoted_initiatives", "shared_kinds", "aliases", "branches",
               "pattern_names", "suffix_names", "references", "learned", "tagged")
# The statistical recognisers, which read no context a rule reads: they claim no words a rule gave a name.
_MODELS = ("learned", "tagged")
