"""Relate: sentence-level rules that turn linked mentions into facts with evidence.

The rules come in named families (:data:`RELATORS`): parent links, one family per relation of
patterns.toml, and money and counts. Any family can be switched off by name.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal

from .dates import date_for, find_dates, same_day_dates
from .errors import IkgError
from .fold import fold
from .namespaces import INSURER_CLASSES, ORGANISATION_CLASSES, PUBLIC_CLASSES, SYMMETRIC
from .quantities import amount_kind, find_quantities, header_kinds, span_kind
from .records import DateMention, Document, Entity, Evidence, Fact, Figure, LinkedMention, Quantity, Sentence
from .registry import Registry
from .relation_model import RelationModel
from .rules import RelationRule, Rules
from .tables import row_cells

# Public bodies (PUBLIC_CLASSES) own an amount only when no firm is named with it.
_SUBJECT_CLASSES = ORGANISATION_CLASSES - PUBLIC_CLASSES
# What an organisation offers: the object of provides.
_OFFER_CLASSES = {"Product", "Initiative"}
# Who can receive a donation besides a beneficiary group.
_RECIPIENT_CLASSES = {"BeneficiaryGroup", "Regulator", "Partner", "IndustryBody"}


def evidence_of(sentence: Sentence) -> Evidence:
    """The evidence record quoting ``sentence``."""
    return Evidence(sentence.doc_id, sentence.text, sentence.start, sentence.end)


# The families, each switchable off by name: parent links, the relations of patterns.toml, figures.
RELATORS = ("structure", "provides", "targets", "supports", "guidedBy", "partnersWith", "donatesTo", "figures")


class Relator:
    """Applies the relation rules of patterns.toml to each sentence, then lets the relation model
    (when it is given) add the relations they missed."""

    def __init__(self, rules: Rules, disabled: Iterable[str] = (), model: RelationModel | None = None,
                 registry: Registry | None = None):
        unknown = set(disabled) - set(RELATORS)
        if unknown:
            raise IkgError(f"unknown relation family {sorted(unknown)[0]!r}; choose from {', '.join(RELATORS)}")
        self.rules = rules
        self.enabled = frozenset(RELATORS) - set(disabled)
        self._relations = tuple(r for r in rules.relations if r.predicate in self.enabled and not r.unstated_only)
        self._fallbacks = tuple(r for r in rules.relations if r.predicate in self.enabled and r.unstated_only)
        self._marks = rules.punctuation
        # Who can be a partner: the objects of the partnersWith rules (an industry body of the insurance market
        # convenes or guides insurers; it is no partner of theirs: _insurance_body)
        self._partners = frozenset().union(*(r.object for r in rules.relations if r.predicate == "partnersWith"))
        self.model = model
        self._registry = registry
        # Every name an insurer or group goes by (registry names, short names, list aliases), folded: an
        # offer named after it (泰康之家…, 国寿嘉园…) is its own even where the article writes it otherwise
        self._owner_names: dict[str, set[str]] = {}
        if registry is not None:
            for iri, entry in registry.entries.items():
                if entry.entity.cls in INSURER_CLASSES:
                    self._owner_names[iri] = {fold(a) for a in (entry.entity.label, *entry.aliases)}
            for word, name in (*rules.list_aliases.items(), *rules.insurer_list_aliases.items()):
                entry = registry.lookup(name)
                if entry is not None and entry.entity.iri in self._owner_names:
                    self._owner_names[entry.entity.iri].add(fold(word))
        # For each rule, the rules of its predicate that look for their subject in the same places: a
        # list of shareholders, each written with its own verb (1亿股由A认购，B则认购了另外0.4亿股), is one list
        rules_all = self._relations + self._fallbacks
        self._kin = {r: tuple(k for k in rules_all if k.predicate == r.predicate and k.subject_search == r.subject_search)
                     for r in rules_all}
        # The relations whose subject is the doer of the object's clause (partners are two parties;
        # targets is a product's, not an organisation's)
        self._one_doer = frozenset(r.predicate for r in rules.relations
                                   if r.predicate not in SYMMETRIC and not r.subject.isdisjoint(ORGANISATION_CLASSES))

    def relate(self, doc: Document, sentences: list[Sentence],
               linked: list[LinkedMention]) -> tuple[list[Fact], list[Figure]]:
        """Facts and figures stated in the sentences, each with its sentence as evidence; no duplicates."""
        by_sentence: dict[int, list[LinkedMention]] = {}
        for lm in linked:
            by_sentence.setdefault(lm.mention.sentence, []).append(lm)
        facts: dict[tuple, Fact] = {}
        fallback: dict[tuple, Fact] = {}  # facts of rules for objects no other rule gives a subject
        figures: list[Figure] = []
        named_units: set[str] = set()  # branches whose unitOf link this document already states
        topic: Entity | None = None  # the organisation the paragraph is about
        doer: Entity | None = None  # the same for the relations: the organisation that heads a clause
        previous: Entity | None = None  # the insurer the article was last about, in any paragraph
        offer: Entity | None = None  # the product or initiative the article named last
        paragraph = None
        listed: Entity | None = None  # the organisation of the paragraph a run of list items follows
        run: Entity | None = None  # the same, for the relations of a run of points or announced bullets
        last_date: str | None = None  # the day the article wrote last, for 当天
        purse: Entity | None = None  # the government body that pays from the public purse, named last
        last_firm: Entity | None = None  # the firm the article named last, in any paragraph
        firms: tuple[Entity, ...] = ()  # the firms of the last sentence that named any
        last_thing: Entity | None = None  # whatever the article named last, firm or not
        named_so_far: dict[str, tuple[int, Entity]] = {}  # times each firm was named, for a table's rows
        paragraph_of = {s.index: s.paragraph for s in sentences}
        # The insurers named, in order, for a lead's figures that its paragraph names the insurer of later
        insurers = [lm for lm in sorted(linked, key=lambda lm: lm.mention.start) if lm.entity.cls in INSURER_CLASSES]
        dated: dict[int, str | None] = {}  # each sentence's date (by index), for the model's facts
        following, next_sentence = self._following(sentences, by_sentence)
        later_offers = self._later_offers(sentences, by_sentence)
        holders: set[int] | None = None  # the columns of shareholders of the table being read, if any
        holder_firms: set[str] = set()  # the firms in those columns of that table, in any of its rows
        cells: list[tuple[int, int]] | None = None  # the cells of the sentence read last, if a table row
        by_period = False  # whether the table being read has a column headed by a period
        stakes: set[int] = set()  # the columns of firms an insurer buys stakes in, of the table being read
        tallies: set[int] = set()  # the columns headed by a tally of losses (报损规模), of the table being read
        premiums: set[int] = set()  # the columns headed by a policy's premium (每头年保费), of that table
        column_kinds: dict[int, str] = {}  # the kind of money each column's header names (已赔付), of that table
        lead_in = ""  # the sentence ending in a colon that a run of points (一是…, 三是…) follows
        lead_firm: Entity | None = None  # the firm that sentence names first, as its subject or not (从X的报告看：)
        lead: Entity | None = None  # the firm the sentence read last names first, if any
        bullets = False  # whether the paragraph is in a run of bullets that such a sentence announces
        last_text = ""  # the sentence read last
        stated_kinds: dict[Decimal, str] = {}  # the kind of the money figure of each value the article stated last
        for s in sentences:
            opening = ""  # the lead-in a point's or a bullet's first sentence reads after
            if s.paragraph != paragraph:
                point = self.rules.continued_paragraph.match(s.norm)
                bullet = self.rules.quantities.list_item.match(s.norm)
                colon = last_text.rstrip().endswith(tuple(self._marks.colon))
                # a run of bullets a colon announces (X带来的变化可以用几组数字概括：- 每年面向…开展培训)
                bullets = bool(bullet) and (bullets or colon)
                if not (point or bullets):  # the paragraph is no point of a run: no lead-in's firm owns its figures
                    lead_in, lead_firm = "", None
                elif colon:
                    lead_in, lead_firm = last_text.rstrip(), lead
                opening = lead_in if point or bullets else ""
                item = point or bullet
                listed = (listed or topic) if item else None
                run = listed if point or bullets else None
                # a point (二是…, 三是…) goes on with the list's organisation, not one an earlier point
                # named (二是出资7.08亿元拿到X四成股份；三是用4亿元竞得…: not X's 4亿元); so does such a run of bullets
                topic = None
                if not (point or bullets):
                    doer = None
                paragraph = s.paragraph
            ms = by_sentence.get(s.index, [])
            dates = find_dates(s.norm, s.start, doc, self.rules.as_of_markers)
            dates = same_day_dates(s.norm, s.start, dates, last_date, self.rules.same_day, self.rules.as_of_markers)
            last_date = next((d.value for d in reversed(dates) if not d.as_of), last_date)
            when = dates[0].value if dates else None
            dated[s.index] = when
            # in a run of points, or of bullets a colon announces, the organisation of the paragraph they
            # follow (A的股东如下：一、B…: A's, not the item before's)
            topics = {"topic": run or doer, "previous": previous, "offer": offer, "following": following.get(s.index),
                      "next_sentence": next_sentence.get(s.index), "firms": firms,
                      "later_offer": later_offers.get(s.index)}
            for fact in self._sentence(s, ms, topics, named_units, lead_in=opening):
                _keep(facts, fact, s.index, None if fact.predicate in ("unitOf", "subOrganizationOf") else when)
            row = row_cells(s.norm)
            if row is None or cells is None:  # the first row of a table is its header
                by_period = any(self.rules.quantities.period_column.match(s.norm[a:b]) for a, b in row or ())
                stakes = _headed(s, row, self.rules.quantities.stake_columns)
                tallies = {i for i, (a, b) in enumerate(row or ())
                           if self.rules.quantities.loss_tally.search(s.norm, a, b)}
                column_kinds = header_kinds(s.norm, row or [], self.rules.quantities)
                premiums = {i for i, (a, b) in enumerate(row or ())
                            if self.rules.quantities.insurer_premium.search(s.norm[a:b].strip())}
            cells = row
            if "partnersWith" in self.enabled and self.rules.holder_columns is not None:
                header = _headed(s, cells, self.rules.holder_columns, self.rules.quantities.stake_columns)
                if cells is None or header:
                    holders = header or None
                    holder_firms = self._listed_holders(sentences, by_sentence, s, holders) if holders else set()
                elif holders:
                    # a table that lists the insurer the article is about among the holders is another firm's
                    # shareholders (广发银行的股东 | 花旗集团 | 中国人寿 …): the others are no partners of the insurer
                    about = None if previous is not None and previous.iri in holder_firms else previous
                    for fact in self._holders(s, ms, cells, holders, about):
                        _keep(facts, fact, s.index, when)
            for fact in (self._sentence(s, ms, topics, named_units, self._fallbacks, opening)
                         if self._fallbacks else ()):
                _keep(fallback, fact, s.index, when)
            if "figures" in self.enabled:
                # a group or a product named in it (| 受灾人员生活救助 | 2250元 |) is no owner of its own
                series = topic is None and (self.rules.quantities.series_row.match(s.norm) or (
                    not any(lm.entity.cls in ORGANISATION_CLASSES for lm in ms)
                    and (by_period or self.rules.quantities.results_line.search(s.norm))))
                owner = topic or listed  # a list item's figures are those of the paragraph it follows
                insurer = None
                if owner is None:  # a lead that states cover before it names any insurer (全国首单…保险
                    # 落地，提供300万元风险保障。这是X分公司…): the one its paragraph names next
                    insurer = previous or next((lm.entity for lm in insurers if lm.mention.sentence > s.index
                                                and paragraph_of.get(lm.mention.sentence) == s.paragraph), None)
                    # after a roll call of insurers (人保财险、平安产险、太保产险…参加), a tally is all of theirs
                    if len({f.iri for f in firms if f.cls in INSURER_CLASSES}) > 2:
                        insurer = None
                # claims a lead says people received before the article names any insurer (54户农户收到理赔款16万余元。
                # …国元保险派人下田查勘) are paid by the only one it names, later; not a headline's (no mark ends it),
                # which may sum what the body gives others
                sole = insurers[0].entity if owner is None and previous is None \
                    and len({lm.entity.iri for lm in insurers}) == 1 \
                    and s.text.rstrip()[-1:] in self._marks.sentence_end else None
                if series:  # a line of a time series, or of results (全年营收为N, a row of a table of results
                    # by period) naming no one: the firm the lead-in of its run of points names (从X的报告看：
                    # 一是收入…), else the firm the article is about, named most so far
                    owner = lead_firm or max(
                        named_so_far.values(), key=lambda n: (n[0], n[1] == previous), default=(0, previous))[1]
                # a count of firms is no figure's owner (六家险企启动应急 肇庆报损超5200万元): whose it is goes unsaid
                tallied = [cell for i, cell in enumerate(cells or ()) if i in tallies]
                headed = {cell: column_kinds[i] for i, cell in enumerate(cells or ()) if i in column_kinds}
                own = self._figures(s, [lm for lm in ms if not self._is_count(lm)], owner, dates, insurer, previous,
                                    purse, (last_firm, last_thing), tallied, headed, stated_kinds,
                                    next((lm.entity for lm in insurers if lm.mention.sentence > s.index), None),
                                    [cell for i, cell in enumerate(cells or ()) if i in premiums], sole)
                figures += self._bought(s, ms, cells, stakes, previous, own) if stakes and cells else own
                stated_kinds.update((f.quantity.value, f.kind) for f in own if f.is_money)
                purse = next((lm.entity for lm in reversed(ms) if self._pays_from_purse(lm.entity)), purse)
            last_firm = next((lm.entity for lm in reversed(ms) if lm.entity.cls in _SUBJECT_CLASSES), last_firm)
            firms = tuple(lm.entity for lm in ms if lm.entity.cls in _SUBJECT_CLASSES) or firms
            last_thing = ms[-1].entity if ms else last_thing
            for lm in ms:
                if lm.entity.cls in _SUBJECT_CLASSES:
                    named_so_far[lm.entity.iri] = (named_so_far.get(lm.entity.iri, (0,))[0] + 1, lm.entity)
            lead = next((lm.entity for lm in ms if lm.entity.cls in _SUBJECT_CLASSES), None)
            # not one inside a 为/在/与 phrase (在董滩小学旧址上重建校舍，这就是中国平安捐建的…): the
            # paragraph goes on about the organisation that acts, for its relations and its figures
            # (在X的牵线下，Y拿出100万元…。…领取3000元: Y's)
            actor = next((lm.entity for lm in ms if lm.entity.cls in _SUBJECT_CLASSES and self._can_be_subject(s, lm)),
                         lead)
            topic = actor or topic
            doer = actor or doer
            previous = next((lm.entity for lm in ms if lm.entity.cls in INSURER_CLASSES), previous)
            offer = next((lm.entity for lm in reversed(ms) if _offer(lm.entity)), offer)
            last_text = s.norm
        # the name says whose an offer is better than a guess by position (泰康之家·瓯园 is 泰康's): no other firm's
        owned = list(self._named_after_owner(sentences, by_sentence)) if "provides" in self.enabled else []
        named_after = {}
        for _, fact in owned:
            named_after.setdefault(fact.object.iri, fact.subject)
        facts = {k: f for k, f in facts.items() if not self._named_after_another(f, named_after)}
        stated = {(f.predicate, f.object.iri) for f in facts.values()} | self._owned_elsewhere(sentences, by_sentence)
        for index, fact in owned:
            if (fact.predicate, fact.object.iri) not in stated:
                _keep(facts, fact, index, dated.get(index))
        stated |= {(f.predicate, f.object.iri) for f in facts.values()}
        facts.update((k, f) for k, f in fallback.items() if (f.predicate, f.object.iri) not in stated)
        if "supports" in self.enabled:
            self._support_through_offers(facts, sentences, by_sentence)
        if "targets" in self.enabled:
            for index, fact in self._named_for(sentences, by_sentence):
                _keep(facts, fact, index, dated.get(index))
        if figures and self.rules.quantities.in_local_currency(s.norm for s in sentences):
            figures = [f for f in figures if not f.is_money]  # 新台幣 throughout: no amount is yuan
        found = list(facts.values())
        if self.model is not None:  # a family switched off stays off: the model adds none of its facts
            roll = self._roll_calls(sentences, by_sentence)
            found += [f for f in self.model.facts(sentences, linked, found, dated, self.enabled)
                      if (f.evidence.start, f.subject.iri) not in roll
                      and not self._other_doer(sentences, by_sentence, f) and not self._outsider(f)]
        # a group the article names only by a bare generic people word (市民, 客户) is no particular group
        # (not one it also names in full, 城乡居民 linked to 居民); a kind of cover (惠民保) is no one
        # product: no insurer provides it, it targets no one
        named = {lm.entity.iri for lm in linked if lm.mention.surface not in self.rules.beneficiaries.generic_people}
        found = [f for f in found if (f.object.cls != "BeneficiaryGroup" or f.object.iri in named)
                 and not (f.subject.kind_of_cover or f.object.kind_of_cover)
                 and not self._named_after_another(f, named_after)]
        return found, _distinct(figures, linked)

    def _holders(self, s: Sentence, ms: list[LinkedMention], cells: list[tuple[int, int]], holders: set[int],
                 previous: Entity | None) -> Iterator[Fact]:
        """A row of a table whose header names columns of shareholders or stakes (``holders``): each firm
        in those columns is a partner of the insurer the row names in another column, else of the insurer
        the article was last about (``previous``)."""
        insurer = next((lm.entity for lm in ms
                        if lm.entity.cls in INSURER_CLASSES and _column(s, lm, cells) not in holders), previous)
        for lm in ms:
            if (insurer is not None and _column(s, lm, cells) in holders and lm.entity.cls in _SUBJECT_CLASSES
                    and lm.entity.iri != insurer.iri and not _parent_and_child(insurer, lm.entity)):
                yield Fact(insurer, "partnersWith", lm.entity, evidence_of(s))

    @staticmethod
    def _listed_holders(sentences: list[Sentence], by_sentence: dict[int, list[LinkedMention]], header: Sentence,
                        holders: set[int]) -> set[str]:
        """The IRIs of the firms in the ``holders`` columns of the rows below the table header ``header``."""
        out: set[str] = set()
        rows = [t for t in sentences if t.index > header.index]
        for t in rows:
            cells = row_cells(t.norm)
            if cells is None:
                break
            out |= {lm.entity.iri for lm in by_sentence.get(t.index, ()) if _column(t, lm, cells) in holders}
        return out

    def _bought(self, s: Sentence, ms: list[LinkedMention], cells: list[tuple[int, int]], stakes: set[int],
                previous: Entity | None, figures: list[Figure]) -> list[Figure]:
        """The ``figures`` of a row of a table of stakes an insurer buys (``stakes``: the columns of the
        firms bought into), each the buyer's rather than a held firm's: the insurer the row names in
        another column, else the one the article was last about (``previous``)."""
        held = {lm.entity.iri for lm in ms if _column(s, lm, cells) in stakes}
        buyer = next((lm.entity for lm in ms
                      if lm.entity.cls in INSURER_CLASSES and _column(s, lm, cells) not in stakes), previous)
        if buyer is None:
            return figures
        return [replace(f, agent=buyer) if f.agent.iri in held else f for f in figures]

    def _support_through_offers(self, facts: dict[tuple, Fact], sentences: list[Sentence],
                                by_sentence: dict[int, list[LinkedMention]]) -> None:
        """Add to ``facts``: an insurer that offers a product for a group, the two named in one
        comma-clause (not by 该产品), supports that group (太保产险推出“骑手安心保”，专为外卖骑手…;
        tests/gold/README.md)."""
        clauses: dict[tuple[str, int], set[int]] = {}  # (entity, sentence) -> the comma-clauses naming it
        for s in sentences:
            for lm in by_sentence.get(s.index, ()):
                if lm.mention.kind != "reference":
                    clauses.setdefault((lm.entity.iri, s.index), set()).add(
                        self._marks.clause_start(s.norm, lm.mention.start - s.start))
        offers: dict[tuple[str, int], list[Entity]] = {}
        for (subj, pred, obj, index), fact in facts.items():
            if (pred == "provides" and fact.subject.cls in INSURER_CLASSES
                    and clauses.get((subj, index), set()) & clauses.get((obj, index), set())):
                offers.setdefault((obj, index), []).append(fact.subject)
        for (subj, pred, obj, index), fact in list(facts.items()):
            for insurer in offers.get((subj, index), ()) if pred == "targets" else ():
                facts.setdefault((insurer.iri, "supports", obj, index),
                                 replace(fact, subject=insurer, predicate="supports"))

    def _following(self, sentences: list[Sentence], by_sentence: dict[int, list[LinkedMention]]
                   ) -> tuple[dict[int, tuple[Entity, ...]], dict[int, tuple[Entity, ...]]]:
        """For each sentence, the insurers that head a clause in the sentences after it in its
        paragraph, and in the points (一是…, （二）…, bullets) that continue it: 在X指导下，本地保险业…。Y公司…
        names the authority first and the insurers that act after; and (second) those of the one
        sentence right after it there (某局印发通知。Y公司随即…), or, when that sentence names none and ends
        with a colon, here or at the start of the next paragraph, the insurer each of its points is about
        (某局发出通知。三家公司随即行动：- A…；- B…)."""
        out: dict[int, tuple[Entity, ...]] = {}
        nxt: dict[int, tuple[Entity, ...]] = {}
        blocks: list[list[Sentence]] = []
        paragraph = None
        for s in sentences:
            if s.paragraph != paragraph:
                if not blocks or not (self.rules.continued_paragraph.match(s.norm)
                                      or self.rules.quantities.list_item.match(s.norm)):
                    blocks.append([])
                paragraph = s.paragraph
            blocks[-1].append(s)
        heads: dict[int, tuple[Entity, ...]] = {}  # the insurers that head a clause of each sentence
        points: dict[int, tuple[Entity, ...]] = {}  # for each sentence, the insurer each point after it is about
        block_of: dict[int, int] = {}
        for b, block in enumerate(blocks):
            for t in block:
                block_of[t.index] = b
                heads[t.index] = tuple(dict.fromkeys(lm.entity for lm in by_sentence.get(t.index, ())
                                                     if lm.entity.cls in INSURER_CLASSES
                                                     and self._can_be_subject(t, lm)))
            for k, s in enumerate(block):
                out[s.index] = tuple(dict.fromkeys(e for t in block[k + 1:] for e in heads[t.index]))
                firsts: dict[int, Entity] = {}
                for t in block[k + 1:]:
                    if t.paragraph != s.paragraph and heads[t.index]:
                        firsts.setdefault(t.paragraph, heads[t.index][0])
                points[s.index] = tuple(firsts.values())
        for s, t in zip(sentences, sentences[1:]):
            if not heads[t.index] and t.norm.rstrip().endswith(tuple(self._marks.colon)):
                nxt[s.index] = tuple(dict.fromkeys(points[t.index]))
            elif block_of[t.index] == block_of[s.index]:
                nxt[s.index] = heads[t.index]
        return out, nxt

    @staticmethod
    def _later_offers(sentences: list[Sentence], by_sentence: dict[int, list[LinkedMention]]) -> dict[int, Entity]:
        """For each sentence, the product or programme (no kind of cover) the article names first after it, if any."""
        out: dict[int, Entity] = {}
        later = None
        for s in reversed(sentences):
            if later is not None:
                out[s.index] = later
            later = next((lm.entity for lm in by_sentence.get(s.index, ()) if _offer(lm.entity)), later)
        return out

    def _owned_elsewhere(self, sentences: list[Sentence],
                         by_sentence: dict[int, list[LinkedMention]]) -> set[tuple[str, str]]:
        """("provides", IRI) of the products and programmes the article writes, somewhere, right after
        an organisation that is no insurer (市农委绿叶菜成本价格指数保险): that one's, so no fallback gives
        them to an insurer."""
        out = set()
        for s in sentences:
            ms = by_sentence.get(s.index, [])
            for a, b in zip(ms, ms[1:]):
                gap = s.norm[a.mention.end - s.start:b.mention.start - s.start].strip(self._marks.opening)
                if (b.entity.cls in _OFFER_CLASSES and a.entity.cls in ORGANISATION_CLASSES - INSURER_CLASSES
                        and self.rules.adjacent_gap.match(gap)):
                    out.add(("provides", b.entity.iri))
        return out

    def _named_for(self, sentences: list[Sentence],
                   by_sentence: dict[int, list[LinkedMention]]) -> Iterator[tuple[int, Fact]]:
        """A product or programme whose name holds, word for word, the name of a group the article
        names (残疾人意外伤害保险 where 残疾人 are named, 关爱环卫工人公益行动) targets that group, with
        the sentence naming the offer as evidence; the longest group name wins (农民工, not 农民)."""
        named_for = self.rules.beneficiaries.named_for
        if named_for is None:
            return
        groups: dict[str, Entity] = {}  # each way the article writes a group, as folded text
        for s in sentences:
            for lm in by_sentence.get(s.index, []):
                if lm.entity.cls == "BeneficiaryGroup":
                    groups.setdefault(s.norm[lm.mention.start - s.start:lm.mention.end - s.start], lm.entity)
        if not groups:
            return
        written = sorted(groups, key=len, reverse=True)
        for s in sentences:
            bounds = {t.start - s.start for t in s.tokens} | {t.end - s.start for t in s.tokens}
            for lm in by_sentence.get(s.index, []):
                if lm.entity.cls not in _OFFER_CLASSES:
                    continue
                a, b = lm.mention.start - s.start, lm.mention.end - s.start
                name, taken = s.norm[a:b], []
                for g in written:
                    i = name.find(g)
                    while i >= 0:
                        end = i + len(g)
                        if (a + i in bounds and a + end in bounds and named_for.match(name[end:])
                                and not any(x < end and i < y for x, y in taken)):
                            taken.append((i, end))
                            yield s.index, Fact(lm.entity, "targets", groups[g], evidence_of(s))
                        i = name.find(g, i + 1)

    def _named_after_owner(self, sentences: list[Sentence],
                           by_sentence: dict[int, list[LinkedMention]]) -> Iterator[tuple[int, Fact]]:
        """A product or programme whose name opens with an insurer or group as the article writes it
        (某某资管—某某股权投资计划, also after a slogan's dash: “城市因你而美——某某人寿关爱…行动”, where
        某某资管 and 某某人寿 are named), or with another name the registry gives one it names (a short name
        or a list alias: 某某之家·某园 of 某某保险集团), is that one's, with the sentence naming the offer as
        evidence; the longest name wins (某某资管, not 某某). For offers no rule gives a provider: the name is surer than a
        guess by position."""
        owners: dict[str, Entity] = {}  # each way the article writes an insurer or group, as folded text
        for s in sentences:
            for lm in by_sentence.get(s.index, []):
                if lm.entity.cls in INSURER_CLASSES:
                    owners.setdefault(s.norm[lm.mention.start - s.start:lm.mention.end - s.start], lm.entity)
        for entity in list(owners.values()):
            for name in self._owner_names.get(entity.iri, ()):
                owners.setdefault(name, entity)
        written = sorted(owners, key=len, reverse=True)
        for s in sentences:
            for lm in by_sentence.get(s.index, []):
                if lm.entity.cls not in _OFFER_CLASSES:
                    continue
                whole = lm.mention.whole  # as written; the owners' names are folded
                name = fold(whole) if whole else s.norm[lm.mention.start - s.start:lm.mention.end - s.start]
                names = (name, name.rsplit("—", 1)[-1])  # the name, and what follows a slogan's dash
                owner = next((o for o in written if any(n.startswith(o) and len(n) > len(o) for n in names)), None)
                if owner is not None:
                    yield s.index, Fact(owners[owner], "provides", lm.entity, evidence_of(s))

    def _named_after_another(self, fact: Fact, named_after: dict[str, Entity]) -> bool:
        """Whether ``fact`` gives an offer to a firm outside the family of the insurer the offer is named after
        (太保家园落子武汉 泰康之家·瓯园迎客温州: 泰康之家 is 泰康's, not 太保's)."""
        owner = named_after.get(fact.object.iri) if fact.predicate == "provides" else None
        return owner is not None and owner.iri not in self._family(fact.subject) and (
            fact.subject.iri not in self._family(owner))

    def _family(self, entity: Entity) -> set[str]:
        """The IRIs of ``entity`` and of its insurer and group, as far as its parent links go."""
        parent_of = self._registry.parent_of if self._registry is not None else lambda iri: None
        out, iri = {entity.iri}, entity.parent or parent_of(entity.iri)
        while iri and iri not in out:
            out.add(iri)
            iri = parent_of(iri)
        return out

    def _other_doer(self, sentences: list[Sentence], by_sentence: dict[int, list[LinkedMention]], fact: Fact) -> bool:
        """Whether the object of a fact of the relation model sits in a clause, apart from its
        subject's, that another organisation heads: that one, not the subject, is what the clause is
        about (A开业，B随后推出X: not A's X)."""
        s = next((x for x in sentences if x.start == fact.evidence.start), None)
        if s is None or fact.predicate not in self._one_doer:
            return False
        ms = by_sentence.get(s.index, [])
        subj = [lm for lm in ms if lm.entity.iri == fact.subject.iri]
        objs = [lm for lm in ms if lm.entity.iri == fact.object.iri]
        if not subj or not objs:
            return False
        for o in objs:
            a = o.mention.start - s.start
            head = self._marks.clause_start(s.norm, a)
            if any(head <= lm.mention.start - s.start < a for lm in subj):
                return False  # the subject is in the object's clause
            if not any(lm.entity.cls in ORGANISATION_CLASSES and lm.entity.iri != fact.subject.iri
                       and head <= lm.mention.start - s.start < a and self._can_be_subject(s, lm) for lm in ms):
                return False
        return True

    def _outsider(self, fact: Fact) -> bool:
        """Whether the evidence of a fact of the relation model names its object only after an outsider's
        comment begins (在业内人士看来，…这一产品…, 专家表示，…): the market's, not the subject's."""
        view = self.rules.outsider_view
        if view is None or fact.evidence is None:
            return False
        text = fold(fact.evidence.quote)
        at = min((i for i in (text.find(n) for n in (fact.object.label, fact.subject.label)) if i >= 0), default=-1)
        found = view.search(text)
        return found is not None and (at < 0 or found.start() < at)

    def _roll_calls(self, sentences: list[Sentence], by_sentence: dict[int, list[LinkedMention]]) -> set[tuple]:
        """(sentence start, entity IRI) of the organisations named in a list of three or more
        (众安保险、泰康在线、易安保险和安心保险先后成立): a roll call, whose members the relation model
        does not pair with the things the sentence names: the rules read what such a list does."""
        out: set[tuple] = set()
        for s in sentences:
            ms = by_sentence.get(s.index, [])
            clause = [len(self.rules.clause_separators.findall(s.norm, 0, lm.mention.start - s.start)) for lm in ms]
            for first, last in _lists(s, ms, clause, self.rules.list_joiner, self.rules.list_closer, self.rules.short_name):
                orgs = [lm for lm in ms[first:last + 1] if lm.entity.cls in ORGANISATION_CLASSES]
                if len({lm.entity.iri for lm in orgs}) >= 3:
                    out.update((s.start, lm.entity.iri) for lm in orgs)
        return out

    def _figures(self, s: Sentence, ms: list[LinkedMention], topic: Entity | None,
                 dates: list[DateMention], insurer: Entity | None = None,
                 last_insurer: Entity | None = None, purse: Entity | None = None,
                 last_named: tuple[Entity | None, Entity | None] = (None, None),
                 tallied: list[tuple[int, int]] | None = None,
                 headed: dict[tuple[int, int], str] | None = None,
                 stated: dict[Decimal, str] | None = None, coming: Entity | None = None,
                 priced: list[tuple[int, int]] | None = None, sole: Entity | None = None) -> list[Figure]:
        """Money amounts and counts in ``s``, each tied to the organisation before it (or the topic;
        or, in a paragraph naming none, for cover, claims, gifts or a policy's premium, the article's
        ``insurer``).
        Cover, claims or a policy's premium that would be a partner's are those of the insurer before it
        in the sentence, else of the paragraph's, else of the one the article was ``last_insurer`` about, else of
        the first one named after it in the sentence or, for the paragraph's partner, ``coming`` later. An amount
        whose clause the public purse heads (县财政补贴N) is the government body's named last before
        it (in the sentence, else the article's ``purse``), and so is the cover that amount buys later
        in the sentence, no insurer being named after it. An amount in one of the ``tallied`` cells of a
        table row (under a header tallying the losses reported, 报损规模) is no insurer's by default; one in
        a cell of the ``headed`` columns with no kind word of its own is of the kind its header names. An
        amount a demonstrative points back to (这7亿元分三块) is, failing a kind word of its own, of the kind of
        the figure of that value the article ``stated`` before, and so are the amounts that go on its list. An
        amount in one of the ``priced`` cells (under a header naming a policy's premium) is such a premium. Claims
        paid that no insurer named so far owns are the ``sole`` one's, the only insurer the article names later."""
        out = []
        figures = self.rules.quantities
        unnamed = _without_names(s, ms)
        found = find_quantities(s.norm, s.start, figures)
        amounts = [q.start for q, count_kind in found if count_kind is None]
        respective = self._respectively(s, ms, amounts)
        last_kind = None  # the kind of the sentence's amount before
        bought: tuple[Entity, int] | None = None  # the purse's payer of an amount before, and where it ends
        for quantity, count_kind in found:
            quantity = replace(quantity, surface=s.text[quantity.start - s.start:quantity.end - s.start])
            before = [lm for lm in ms if lm.mention.end <= quantity.start]
            payer = self._purse_payer(s, ms, quantity.start, quantity.end, purse)
            if payer is not None:
                bought = (payer, quantity.end)
            named = None if payer else respective.get(quantity.start) or self._doer_after(s, ms, quantity.end) or \
                self._referred(s, before, quantity.start) or next(
                (lm for lm in reversed(before) if lm.entity.cls in _SUBJECT_CLASSES and not self._source(s, ms, lm)
                 and not self._named_for_another(s, lm) and (self._can_be_subject(s, lm, figure=True) or self._owns(s, lm, quantity.start))), None) or \
                self._public_agent(s, before, quantity.start)
            agent = payer or (named.entity if named else None if self._fines_it_gave(s, before, quantity.start)
                              else self._topic_agent(s, topic, quantity.start))
            column = next((kind for (a, b), kind in (headed or {}).items()
                           if a <= quantity.start - s.start < b and span_kind(unnamed, a, b, figures) is None), None)
            restated = (stated or {}).get(quantity.value) if figures.restated.search(
                s.norm, 0, quantity.start - s.start) else None  # 这7亿元: of the kind the article stated it
            kind = count_kind or column or amount_kind(unnamed, quantity.start - s.start, figures,
                                                       restated or last_kind)
            last_kind = last_kind if count_kind or column else kind  # a column's kind is no list for the next cell
            if payer is None and bought is not None and kind == "Coverage" and not any(
                    lm.entity.cls in INSURER_CLASSES and bought[1] <= lm.mention.start for lm in before):
                # 由市政府拿出5700万元保费，为全市居民换取总额7亿元的保险保障: the cover the purse bought is
                # the government's, as its premium is, unless an insurer is named after the premium
                agent = bought[0]
            # so is a policy's premium (保费3元, 年保费69元), which the insurer charges, not a tally of
            # premiums a partner brokered (累计撮合首年保费107亿元)
            premium = self._premium(s, quantity.start, quantity.end) or any(
                a <= quantity.start - s.start < b for a, b in priced or ())  # | 每头年保费 | over | 450元 |
            policy_premium = premium and not any(figures.scope.fullmatch(q) for q in quantity.qualifiers)
            if (kind in figures.insurers_only or policy_premium) and agent is not None and agent.cls == "Partner":
                nearer = next((lm for lm in reversed(before) if lm.entity.cls in INSURER_CLASSES), None)
                # an article that names its insurer only after the figure (X农场大豆收入险赔付247万元 Y保险…; a
                # paragraph's 逊克农场…每亩赔付55.18元。承保方是Y); a partner the sentence names gives (基金会向他们
                # 捐赠了意外险，每人保额10万元) unless an insurer follows it there
                later = next((lm.entity for lm in ms if lm.mention.start >= quantity.end
                              and lm.entity.cls in INSURER_CLASSES), None if named else coming)
                agent = nearer.entity if nearer else topic if topic and topic.cls in INSURER_CLASSES else \
                    last_insurer or later or agent
            if agent is None and (kind in figures.insurer_kinds or premium) \
                    and not any(a <= quantity.start - s.start < b for a, b in tallied or ()):
                agent = self._insurer_of(s, before, insurer or (sole if kind in figures.sole_insurer_kinds else None),
                                         quantity.start)
            if agent is None and named is None:
                agent = self._referred_far(s, before, quantity.start, *last_named)
            each = [] if quantity.start in respective else self._each(s, ms, named, quantity.start)
            if agent is None or payer is None and self._other_level(s, agent, quantity.start) \
                    or self._owned_by_no_organisation(s, named, quantity.start, amounts) \
                    or self._summed_list(s, ms, named, quantity) \
                    or not each and quantity.start not in respective and self._joint(s, ms, named, quantity.start):
                continue
            beneficiary, when = self._beneficiary(s, before, quantity.start, kind), date_for(quantity.start, dates)
            again = bool(figures.again.search(unnamed, 0, quantity.start - s.start))  # 同为3000元, not 中国农再的
            for owner in each or [agent]:
                out.append(Figure(owner, quantity, kind, evidence_of(s), beneficiary, when, again))
        return out

    def _summed_list(self, s: Sentence, ms: list[LinkedMention], named: LinkedMention | None,
                     quantity: Quantity) -> bool:
        """Whether the amount sums what a list of firms that ``named`` ends did together (太平人寿、泰康人寿等
        合计发行357.7亿元; 分别是A、B和C，共计237亿元; 两家合计被罚111万元), or ``named`` with its units (X总公司和分支机构合计被罚,
        X分公司连同下辖机构…合计被罚): a sum word between them and the amount's number (its qualifiers
        included) makes it theirs together, no one's own (tests/gold/README.md, settled case 3)."""
        if named is None:
            return False
        figures = self.rules.quantities
        at = quantity.start - s.start
        while (word := figures.prefixes.match(s.norm, at)) and word.end() > at:  # 共计237亿元: up to its number
            at = word.end()
        summed = figures.list_sum.search(s.norm, named.mention.end - s.start, at)
        # a word that refers back to several firms (两家合计被罚, 双方共计出资) is linked once to each of them
        several = sum(lm.mention.start == named.mention.start and lm.mention.end == named.mention.end for lm in ms) > 1
        if summed and (several or len(self._list_ending(s, ms, named.mention.end)) > 1):
            return True
        after = self._after_name(s, named)  # X（简称“Y”）总公司和分支机构合计被罚
        units = figures.with_units.match(after)
        # with a sum word, or in the amount's own clause (| X总公司及分支机构 | 1115万元 |)
        return bool(units) and bool(summed or self._marks.clause_start(s.norm, at) <= len(s.norm) - len(after))

    def _joint(self, s: Sentence, ms: list[LinkedMention], named: LinkedMention | None, position: int) -> bool:
        """Whether ``named`` is one of a list of two or more firms named before the amount at ``position``
        (A、B和C…送去2000元), or a word that refers back to several (两家…交过15亿元): what they did
        together, none of them alone, when no word gives each its share (各, 分别)."""
        if named is None:
            return False
        if sum(lm.mention.start == named.mention.start and lm.mention.end == named.mention.end for lm in ms) > 1:
            return True
        last = named  # the list's last member: from ``named`` on, past each list word and the firm after it
        for lm in ms[ms.index(named) + 1:]:
            gap = s.norm[last.mention.end - s.start:lm.mention.start - s.start]
            if lm.mention.end > position or lm.entity.cls not in _SUBJECT_CLASSES \
                    or not self.rules.list_joiner.match(gap):
                break
            last = lm
        return len({lm.entity.iri for lm in self._list_ending(s, ms, last.mention.end)}) > 1

    def _other_level(self, s: Sentence, agent: Entity, position: int) -> bool:
        """Whether the amount at ``position`` is a share a purse of another level than the government body
        ``agent`` heads (其中中央财政132万元、省级财政188万元 after 瓜州县政府统筹…): that level's, not the body's.
        The body's level is the last level word of its name (宁波市江北区政府: 区); 中央 and 国家 are none."""
        m = self.rules.quantities.other_purse.search(s.norm, 0, position - s.start)
        if m is None or not self._pays_from_purse(agent):
            return False
        levels = self.rules.quantities.purse_levels
        own = max((agent.label.rfind(c), c) for c in levels)
        return own[0] < 0 or m.group("level")[:1] != own[1]

    def _pays_from_purse(self, entity: Entity) -> bool:
        """Whether ``entity`` is a government body that pays from the public purse (X县政府, X市财政局)."""
        return entity.cls in PUBLIC_CLASSES and bool(self.rules.quantities.purse_owner.search(entity.label))

    def _purse_payer(self, s: Sentence, ms: list[LinkedMention], position: int, end: int,
                     purse: Entity | None) -> Entity | None:
        """The government body that pays the amount at ``position`` (ending at ``end``) whose clause the
        public purse heads (县财政只需再补1000元, 其中政府承担4万元) or that the purse is said to pay right
        after it (另外500元由县财政补足, 保费3000万元，由财政出), or a premium per head after a clause the purse
        pays in (由县财政出，每人每年100元): the one named after that 由, else the last
        one named before the amount in the sentence, else ``purse``, the article's; with a level written
        (县财政), one of that level (郧西县政府). None when an organisation is named in the clause before an
        amount the purse heads, or no such body is."""
        figures = self.rules.quantities
        text = s.norm[:position - s.start]
        start = self._marks.clause_start(text, len(text))
        before = [lm for lm in ms if lm.mention.end <= position]
        named = before
        m = figures.purse_after.match(s.norm[end - s.start:])
        if m is not None:  # the purse's own name after 由 (县财政, the county's finance office) pays
            named = [lm for lm in ms if end <= lm.mention.start < end + m.end()] or before
        else:
            m = figures.public_purse.match(text, start)
            if m is None and figures.per_head.search(text, start):  # a premium per head the purse pays for
                m = next(reversed(list(figures.purse_pays.finditer(text, 0, start))), None)
            # the purse's own name (县财政, read as the county's finance office) names no other organisation
            if m is None or any(lm.mention.end - s.start > start and not self._pays_from_purse(lm.entity)
                                for lm in before):
                return None
        level = (m.group("level") or "")[:1]
        owner = next((lm.entity for lm in reversed(named) if self._pays_from_purse(lm.entity)), purse)
        if owner is None or level and level in figures.purse_levels and level not in owner.label:
            return None
        return owner

    def _each(self, s: Sentence, ms: list[LinkedMention], named: LinkedMention | None, position: int) -> list[Entity]:
        """A、B各…N: every member of the list that ``named`` ends owns the amount at ``position``
        (平安产险、国寿财险各捐款100万元): the same sum each, not one sum of all."""
        figures = self.rules.quantities
        last = next((lm for lm in reversed(ms) if lm.mention.end <= position and lm.entity.cls in _SUBJECT_CLASSES), None)
        if named is None or last is None or not figures.each.match(
                s.norm[last.mention.end - s.start:position - s.start]):
            return []
        run = self._list_ending(s, ms, last.mention.end)
        return [lm.entity for lm in run] if len(run) > 1 and named in run else []

    def _list_ending(self, s: Sentence, ms: list[LinkedMention], at: int, skip: bool = False) -> list[LinkedMention]:
        """The organisations (of a subject class) of the list that ends right before ``at``, joined by
        list words, or named by one word that refers back to several (两家, linked once to each); with
        ``skip``, names of other things between the list and ``at`` are passed over."""
        run: list[LinkedMention] = []
        for lm in reversed([lm for lm in ms if lm.mention.end <= at]):
            if lm.entity.cls not in _SUBJECT_CLASSES:
                if run or not skip:
                    break
                continue
            gap = s.norm[lm.mention.end - s.start:run[0].mention.start - s.start] if run else ""
            same = run and (lm.mention.start, lm.mention.end) == (run[0].mention.start, run[0].mention.end)
            if run and not same and not self.rules.list_joiner.match(gap):
                break
            run.insert(0, lm)
        return run

    def _referred(self, s: Sentence, before: list[LinkedMention], position: int) -> LinkedMention | None:
        """The firm that a word referring back to it (该公司, 该分公司, 对公司) stands for, in the clause
        of the amount at ``position`` with no name between them (对中国人寿某分公司罚款70万元；另一份罚单
        对该分公司罚款17万元): the last firm named before that word in the sentence, whatever its role;
        an insurer before a firm of another kind, as the linker reads 公司 (X财险的控股方是车企Y，该公司亏损N元: X)."""
        figures = self.rules.quantities
        text = s.norm[:position - s.start]
        start = self._marks.clause_start(text, len(text))
        word = next(reversed(list(figures.refers_back.finditer(text, start))), None)  # the nearest one
        if word is None or any(lm.mention.end - s.start > word.start() for lm in before):
            return None
        firms = [lm for lm in reversed(before) if lm.entity.cls in _SUBJECT_CLASSES]
        return next((lm for lm in firms if lm.entity.cls in INSURER_CLASSES), firms[0] if firms else None)

    def _referred_far(self, s: Sentence, before: list[LinkedMention], position: int,
                      last_firm: Entity | None, last_thing: Entity | None) -> Entity | None:
        """The firm a word referring back to it (其, 它, 该公司, 新公司) heading a clause before the amount at
        ``position`` stands for, when the sentence names no firm before it and its paragraph none at
        all (…暖哇科技递表。\n\n账面上，其流动资产为6.51亿元): ``last_firm``, the one the article named last,
        provided nothing but organisations was named after it (``last_thing`` before the sentence, and
        the names before the word in it): a product or a group named since is what the word means."""
        if last_firm is None or any(lm.entity.cls in _SUBJECT_CLASSES for lm in before):
            return None
        word = self.rules.quantities.pronoun.search(s.norm, 0, position - s.start)
        if word is None:
            return None
        nearest = next((lm.entity for lm in reversed(before) if lm.mention.end - s.start <= word.end()), last_thing)
        if nearest is None or nearest.cls not in ORGANISATION_CLASSES:
            return None
        return self._topic_agent(s, last_firm, position)

    def _premium(self, s: Sentence, start: int, end: int) -> bool:
        """Whether the amount is the premium of a policy, which its insurer charges: written right
        after 保费 or 投保标准为 (每亩保费为8.01元, 投保标准为每人每年20元), or followed by the words
        of a premium rate (按每人每年50元的标准投保)."""
        figures = self.rules.quantities
        return bool(figures.insurer_premium.search(s.norm, 0, start - s.start)
                    or figures.insurer_premium_after.match(s.norm[end - s.start:]))

    def _insurer_of(self, s: Sentence, before: list[LinkedMention], insurer: Entity | None,
                    position: int) -> Entity | None:
        """The owner of cover, claims, a gift or a premium whose sentence gives it no subject: the
        insurer named before it in the sentence, though not as the subject (与人保财险某分公司签约，
        由财政按每人每年50元的标准投保); else, when the sentence names no organisation before it,
        the article's ``insurer``."""
        nearer = next((lm for lm in reversed(before) if lm.entity.cls in INSURER_CLASSES), None)
        if nearer is not None:
            return nearer.entity
        if any(lm.entity.cls in _SUBJECT_CLASSES or self._reports(s, lm) for lm in before):
            return None  # a firm not the subject, or a body's statistics (据X统计，…企业累计捐赠N)
        if self.rules.quantities.loss_tally.search(s.norm):
            return None  # a tally of losses reported (报案N件，估损M元，已赔付K元) naming no firm: a region's
        return self._topic_agent(s, insurer, position)

    def _reports(self, s: Sentence, lm: LinkedMention) -> bool:
        """Whether ``lm`` is a public body whose clause says it reports figures (据X统计, 记者从X了解到)."""
        if lm.entity.cls not in PUBLIC_CLASSES:
            return False
        a, b = lm.mention.start - s.start, lm.mention.end - s.start
        return bool(self.rules.quantities.reported_by.search(
            s.norm[self._marks.clause_start(s.norm, a):self._marks.clause_end(s.norm, b)]))

    def _fines_it_gave(self, s: Sentence, before: list[LinkedMention], position: int) -> bool:
        """Whether a government body named before the amount at ``position``, no firm being named
        before it, fines in its clause (监管总局机关上半年开出6张罚单，金额有3253万元): the amount is the
        fines it gave, not the paragraph's firm's."""
        if any(lm.entity.cls in _SUBJECT_CLASSES for lm in before):
            return False
        figures = self.rules.quantities
        return any(lm.entity.cls in PUBLIC_CLASSES and figures.fine.search(s.norm, lm.mention.end - s.start, position - s.start)
                   and figures.acts_on_others.search(s.norm, lm.mention.end - s.start, position - s.start) for lm in before)

    def _topic_agent(self, s: Sentence, topic: Entity | None, position: int) -> Entity | None:
        """The paragraph's organisation as the owner of an amount at ``position`` in a sentence that
        names none before it; none when the sentence speaks of a region or the market (全省农险…)."""
        if self.rules.quantities.market_scope.search(s.norm, 0, position - s.start):
            return None
        return topic

    def _doer_after(self, s: Sentence, ms: list[LinkedMention], end: int) -> LinkedMention | None:
        """The organisation named after the amount ending at ``end`` as the doer of its clause
        (15亿元资本全部由其唯一股东X认缴): the first one after it, when a 由 leads to it; or the firm a
        fine in the amount's clause describes (以四项违规被罚67万元的X分公司)."""
        after = next((lm for lm in ms if lm.mention.start >= end and lm.entity.cls in _SUBJECT_CLASSES), None)
        figures = self.rules.quantities
        between = s.norm[end - s.start:after.mention.start - s.start] if after else ""
        if after and figures.doer_after.match(between):
            return after
        if after and figures.possessive.match(between) and figures.fine.search(
                s.norm, self._marks.clause_start(s.norm, end - s.start), end - s.start):
            return after
        # 235万元保险赔款，由X付给了农户: an amount heading the sentence, handed on by X in the next clause
        if after and not any(lm.mention.start < end for lm in ms) and figures.fronted.match(
                s.norm[end - s.start:after.mention.start - s.start]) and figures.pays_it.match(
                s.norm[after.mention.end - s.start:]):
            return after
        # 290.33亿元——这是X投向不动产的累计出资额; 逾900亿元的风险保障、11.7亿元赔款——这是X交出的成绩单:
        # a lead whose figures, naming no organisation, come before 这是 and the firm right after it
        lead = figures.lead_owner.search(s.norm, end - s.start)
        if lead and not any(lm.mention.start - s.start < lead.start() for lm in ms
                            if lm.entity.cls in ORGANISATION_CLASSES):
            first = next((lm for lm in ms if lm.mention.start - s.start >= lead.end()), None)
            if first and first.entity.cls in _SUBJECT_CLASSES and not s.norm[
                    lead.end():first.mention.start - s.start].strip(self._marks.opening):
                return first
        return None

    def _source(self, s: Sentence, ms: list[LinkedMention], lm: LinkedMention) -> bool:
        """A从B…: ``lm`` (B, or any of a list after 从) is whom the organisation A before 从 in its
        clause gets the amount from (水滴公司已从IDG资本、腾讯等投资方筹得15亿元)."""
        text = s.norm[:lm.mention.start - s.start]
        start = self._marks.clause_start(text, len(text))
        word = next((t for t in reversed(s.tokens) if start <= t.start - s.start and t.end <= lm.mention.start
                     and self.rules.quantities.source_of.match(t.text)), None)
        return word is not None and any(
            other.entity.cls in _SUBJECT_CLASSES and start <= other.mention.start - s.start
            and other.mention.end <= word.start for other in ms)

    def _named_for_another(self, s: Sentence, lm: LinkedMention) -> bool:
        """Whether ``lm`` names a stake that someone holds, sells or buys (所持X的股份, X股东, 增持X股份),
        or the parent another firm is a tool or unit of (是X用来…的平台): not the owner of the sentence's
        amounts."""
        after = self._after_name(s, lm)
        figures = self.rules.quantities
        return bool(figures.held_stake.match(after) or figures.parent_of_another.match(after))

    def _owns(self, s: Sentence, lm: LinkedMention, position: int) -> bool:
        """X的30亿元: the organisation ``lm`` owns the amount at ``position`` right after it; so does
        one after 由 or 对 that pays it or is fined it (由X投资40亿元, 对X罚款50万元), or one a regulator
        approves to raise its capital (批准X新增注册资本4.4亿元)."""
        between = s.norm[lm.mention.end - s.start:position - s.start]
        figures = self.rules.quantities
        return bool(figures.possessive.search(between) or figures.governed_owner.match(
            s.norm[max(lm.mention.start - s.start - 2, 0):lm.mention.start - s.start] + between))

    def _respectively(self, s: Sentence, ms: list[LinkedMention], amounts: list[int]) -> dict[int, LinkedMention]:
        """A、B分别…N1和N2: the organisation of each amount (by start) that a list before 分别 gives
        in order, when as many amounts follow it in its part of the sentence; names of other
        things between the list and 分别 (A和B均为国有企业，注册资本分别为…) do not break it."""
        out: dict[int, LinkedMention] = {}
        for m in self.rules.quantities.respectively.finditer(s.norm):
            at = s.start + m.start()
            # past words the list's clause says of it (A和B均为国有企业，注册资本分别为…)
            run = self._list_ending(s, ms, at, skip=True)
            part = self.rules.clause_separators.search(s.norm, m.end())
            end = s.start + (part.start() if part else len(s.norm))
            after = [a for a in amounts if at < a < end]
            if len(run) > 1 and len(after) >= len(run):
                out.update(zip(after, run))
        return out

    def _public_agent(self, s: Sentence, before: list[LinkedMention], position: int) -> LinkedMention | None:
        """A government or industry body that is a subject before the amount at ``position``
        (泉州市海洋与渔业局…，总投资约1.82亿元), when the sentence names no firm before it: where it
        does, the body fines, approves or guides, and the amount is the firm's. A body that reports
        the figure (据…介绍), the industry's (辖内保险业…) or one it approves or fines (保监会通过了
        20家保险机构的增资申请) owns none."""
        if any(lm.entity.cls in _SUBJECT_CLASSES for lm in before):
            return None
        body = next((lm for lm in reversed(before)
                     if lm.entity.cls in PUBLIC_CLASSES and self._can_be_subject(s, lm, figure=True)), None)
        if body is None:
            return None
        a, b = body.mention.start - s.start, body.mention.end - s.start
        clause = s.norm[self._marks.clause_start(s.norm, a):self._marks.clause_end(s.norm, b)]
        figures = self.rules.quantities
        if figures.reported_by.search(clause) or any(
                p.search(s.norm, b, position - s.start) for p in (figures.other_owners, figures.acts_on_others)):
            return None
        if figures.fine.search(s.norm, 0, position - s.start):
            return None  # 北京银保监局罚了120万元，另有厦门银保监局的78万元: the fines of the firms it fined
        return body

    def _owned_by_no_organisation(self, s: Sentence, named: LinkedMention | None, position: int,
                                  amounts: list[int]) -> bool:
        """Whether the industry, several firms or people (保险业, 10家机构, 责任人 …) own the amount at
        ``position``: named after its organisation (``named``, or None for the paragraph's topic) in
        its clause, or in the clause before when its own names no organisation and that one states
        no amount (of ``amounts``, the sentence's), for then it continues the clause before
        (15名责任人受到处罚，罚款共计123万元). Nor does an organisation whose list (A、B等企业)
        precedes the amount own it alone."""
        text = s.norm[:position - s.start]
        start = self._marks.clause_start(text, len(text))
        if named is None or named.mention.end - s.start <= start:
            previous = self._marks.clause_start(text, max(start - 1, 0))
            if not any(previous <= a - s.start < start for a in amounts):
                start = previous
        figures = self.rules.quantities
        own = self._marks.clause_start(text, len(text))
        if named is None and figures.unowned_loss.search(text, own):
            return True  # 直接经济损失达36.6亿元: a place's or a disaster's loss, no organisation named before it
        if figures.fined_person.match(text, own):
            return True  # 其中个人罚款20万元, 总经理张某被罚款5万元: a person of the firm is fined
        cells = row_cells(s.norm)
        if cells and cells[0][1] < len(text) and figures.fine.search(text, cells[0][1]) \
                and figures.fined_row.search(s.norm, *cells[0]):
            return True  # | 3名直接责任人（X分公司） | 警告并罚款10万元 |: a row of the people fined
        if named is not None:
            clause = s.norm[own:self._marks.clause_end(s.norm, len(text))]
            if figures.fine.search(clause) and figures.fined_people.search(text, named.mention.end - s.start):
                return True  # its people, named after it in any clause before, are fined
            start = max(start, named.mention.end - s.start)
            if figures.shared_owners.match(text, named.mention.end - s.start):
                return True
        else:  # a lead's figure whose dash says it is the industry's (3.8亿元——这是北京保险业…的赔款)
            lead = figures.lead_owner.search(s.norm, len(text))
            if lead and figures.other_owners.search(s.norm, lead.end(), self._marks.clause_end(s.norm, lead.end())):
                return True
        other = figures.other_owners.search(text, start)
        # the firm's own fine for a cause its people gave (X因高管未经核准履职…被罚754万元) stays the firm's
        return bool(other) and not figures.owner_cause.search(text, self._marks.clause_start(text, other.start()),
                                                              other.start())

    def _beneficiary(self, s: Sentence, before: list[LinkedMention], position: int, kind: str) -> Entity | None:
        """The beneficiary group (or, for a donation, the recipient) named just before a figure,
        in its clause or the one before."""
        allowed = _RECIPIENT_CLASSES if kind == "Donation" else {"BeneficiaryGroup"}
        text = s.norm[:position - s.start]
        clause = self._marks.clause_start(text, len(text), colon=False) - 1
        previous = self._marks.clause_start(text, max(clause, 0), colon=False) - 1
        for lm in reversed(before):
            if lm.mention.start - s.start <= previous:
                return None
            if lm.entity.cls in allowed:
                return lm.entity
        return None

    def _sentence(self, s: Sentence, ms: list[LinkedMention], topics: dict[str, Entity | None],
                  named_units: set[str], fallbacks: tuple[RelationRule, ...] = (), lead_in: str = "") -> Iterator[Fact]:
        """The facts the sentence states; with ``fallbacks``, only those of these rules. ``lead_in`` is the
        sentence ending in a colon whose points or bullets this one begins (出资的是六家股东，分成三类：|
        三是地产类公司，包括A、B): the rules read a list's words before it after it, as if one sentence."""
        evidence = evidence_of(s)
        if "structure" in self.enabled and not fallbacks:
            yield from self._branch_links(ms, evidence, named_units)
        clause = [len(self.rules.clause_separators.findall(s.norm, 0, lm.mention.start - s.start)) for lm in ms]
        subjects = [lm.entity.cls in ORGANISATION_CLASSES and self._can_be_subject(s, lm)
                    and not (k + 1 < len(ms) and self._owns_next(s, lm, ms[k + 1])) for k, lm in enumerate(ms)]
        heads = [self._marks.clause_start(s.norm, lm.mention.start - s.start) for lm in ms]  # their clauses' starts
        groups = _lists(s, ms, clause, self.rules.list_joiner, self.rules.list_closer, self.rules.short_name)
        # The text around each list, cut once for all the rules that test it; for their exclusions, with a
        # count of firms blanked where it names the firms it counts (中标的4家保险公司, resolved to its list)
        counted = [lm for lm in ms if self._is_count(lm)]
        unnamed = _without_names(s, counted) if counted else s.norm
        contexts = [(lead_in + s.norm[:ms[first].mention.start - s.start].rstrip(self._marks.opening),
                     self._after_name(s, ms[last]),
                     lead_in + unnamed[:ms[first].mention.start - s.start].rstrip(self._marks.opening))
                    for first, last in groups]
        classes = [{lm.entity.cls for lm in ms[first:last + 1]} for first, last in groups]
        for rule in fallbacks or self._relations:
            for (first, last), present, (before, after, unnamed) in zip(groups, classes, contexts):
                if rule.object.isdisjoint(present) or not self._context_matches(rule, before, after, unnamed):
                    continue  # no member of a class the rule takes, or not its context
                members = [lm for lm in ms[first:last + 1] if lm.entity.cls in rule.object
                           and not (rule.predicate == "partnersWith" and self._insurance_body(lm.entity))]
                symmetric = rule.predicate in SYMMETRIC  # stated when either end is of a stated class
                # what a word refers back to (市民政局与它们签约) is its object, none of them its subject
                referred = {lm.entity.iri for lm in members if lm.mention.kind == "reference"}
                for subject in self._subjects(rule, s, ms, groups, first, last, topics, clause, subjects, heads):
                    for lm in members:
                        if (lm.entity.iri != subject.iri and subject.iri not in referred
                                and not _parent_and_child(subject, lm.entity)
                                and (subject.cls in rule.stated_for or symmetric and lm.entity.cls in rule.stated_for)):
                            yield Fact(subject, rule.predicate, lm.entity, evidence)
        if fallbacks:
            return
        if "provides" in self.enabled:
            yield from self._elided_offer(s, ms, groups, clause, subjects, topics["offer"], topics["later_offer"],
                                          evidence)
        if "partnersWith" in self.enabled:
            yield from self._pair(s, ms, groups, subjects, evidence)
        if "structure" in self.enabled:
            yield from self._structure(s, ms, groups, evidence)

    def _pair(self, s: Sentence, ms: list[LinkedMention], groups: list[tuple[int, int]],
              subjects: list[bool], evidence: Evidence) -> Iterator[Fact]:
        """太保产险和饿了么共同发布…, 人保财险及农业农村局签署协议: two organisations joined as one list
        that act together are partners: the insurer of the two and the other organisation; so are
        the members of a longer list counted as parties (A、B和C三方共同出资) or named so before it (主办方是A和B),
        each insurer with the rest; an insurer with the firms one 与 joins it to the clause's subject with
        (X与人保财险某分公司、某期货公司合作实施); and the two a word refers back to (A发布年报…。两家将共同推出X)."""
        r = self.rules
        for first, last in groups:
            after = self._after_name(s, ms[last])
            at = ms[first].mention.start - s.start
            before = s.norm[self._marks.clause_start(s.norm, at):at]
            # the objects of one 与 that act together with its subject (A与B、C合作实施): parties too
            joined = bool(r.joined_before and r.joined_before.search(before) and r.pair_after.match(after))
            if last == first or not (subjects[first] or joined):
                continue
            # the list's items: not the short name given to one (A（下称“B”）和C is two)
            members, end = [], -1
            for lm in ms[first:last + 1]:
                # a word that refers back to two organisations (双方, 两家) is one mention of each, at one place
                if lm.mention.start - s.start >= end or (lm.mention.start, lm.mention.end) == (
                        members[-1].mention.start, members[-1].mention.end):
                    members.append(lm)
                    end = _item_end(s, lm, r.short_name)
            # named as the parties before them (主办方是A和B, 签约双方是A和B), whatever follows
            named = joined or bool(r.pair_before and r.pair_before.search(before))
            together = all(a.mention.start == b.mention.start or r.pair_joiner.match(
                s.norm[_item_end(s, a, r.short_name):b.mention.start - s.start]) for a, b in zip(members, members[1:]))
            roll = False  # insurers of an uncounted list of three that went together: each with its partners only
            if not named and len(members) == 2:
                if not (together and r.pair_after.match(after)):
                    continue
            elif not named:  # 上药控股、友邦人寿和镁信健康三方共同出资
                parties = r.parties.match(after)
                if not (parties and r.pair_after.match(after[parties.end():])):
                    # 上期所、人保财险某分公司和某期货公司一道…: a short list goes together uncounted
                    roll = together and len(members) <= r.together_list_max and bool(r.pair_after.match(after))
                    if not roll:
                        continue
            for i, insurer in enumerate(members):
                if insurer.entity.cls not in INSURER_CLASSES:
                    continue
                for j, other in enumerate(members):  # each pair of insurers once
                    # insurers signed up together with a body (某局与A、B两家保险公司签约) are no partners of each other
                    if (j != i and not ((j < i or joined or roll) and other.entity.cls in INSURER_CLASSES)
                            and other.entity.cls in self._partners and not self._insurance_body(other.entity)
                            and not _parent_and_child(insurer.entity, other.entity)):
                        yield Fact(insurer.entity, "partnersWith", other.entity, evidence)

    def _insurance_body(self, entity: Entity) -> bool:
        """Whether ``entity`` is an industry body of the insurance market itself (a place's insurance association):
        it convenes or guides the insurers it works with, unlike another trade's association or a market
        institution (a data or commodity exchange), which are their partners."""
        bodies = self.rules.insurance_bodies
        return entity.cls == "IndustryBody" and bodies is not None and bool(bodies.search(entity.label))

    def _after_name(self, s: Sentence, lm: LinkedMention) -> str:
        """The rest of the sentence after ``lm``, past a closing quote and a short name given to it
        (众安保险（以下简称“众安”）…)."""
        after = s.norm[lm.mention.end - s.start:].lstrip(self._marks.closing)
        short = self.rules.short_name.match(after)
        return after[short.end():] if short else after

    def _elided_offer(self, s: Sentence, ms: list[LinkedMention], groups: list[tuple[int, int]], clause: list[int],
                      subjects: list[bool], offer: Entity | None, later: Entity | None,
                      evidence: Evidence) -> Iterator[Fact]:
        """济宁市由中华联合财产保险股份有限公司承保。/ 6家人寿保险公司参与其中。: insurers whose clause
        ends with the verb, or that it names as the underwriter (东营市的承保方是X), offer the product or
        initiative named last (in their part of the sentence, else before it in the article); so do the
        members of a list the sentence names as co-insurers (the product named last in the sentence, else
        before it, else, when the article has named none yet, the one named next: after the list in the
        sentence, else ``later``, the first the article names after the sentence, as in
        市民政局对面坐着五家承保机构——A、B…。…能投保老年人意外伤害保险)."""
        shared_before, shared_after = self.rules.coinsurers_before, self.rules.coinsurers_after
        for first, last in groups:
            at = ms[first].mention.start - s.start
            after = self._after_name(s, ms[last])
            role = self.rules.underwriter_before  # 承保方是X, 承保由X负责: named as the underwriter
            clause_at = self._marks.clause_start(s.norm, at)
            role = bool(role and role.search(s.norm[clause_at:at].rstrip(self._marks.opening)))
            # or by a clause of its own before the one the insurer heads (作为承保方，X马上核对数据)
            lead = self.rules.underwriter_role
            role = role or bool(lead and subjects[first] and lead.search(s.norm[:clause_at]))
            # a list the sentence names the co-insurers of a product (共保体由3家机构组成：A、B和C; A、B这5家
            # 共同保险人组成共保体), whatever heads its clause (与A、B…): each insurer of it offers the product
            shared = last > first and bool(shared_before and shared_before.search(s.norm[:at].rstrip(self._marks.opening))
                                           or shared_after and shared_after.match(after))
            # insurers that sign a product's contract or policy (市民政局与X签下2016年度Y保险合同, X与市民政局签下
            # 合同), after 与 too: the product in what they sign, else the one named last
            signed = self.rules.signed_offer and self.rules.signed_offer.match(after)
            # a list heads its clause when its first item does (由A和B共同承保: B, after 和, as well)
            insurers = [lm for lm in ms[first:last + 1]
                        if (subjects[first] or role or shared or signed) and lm.entity.cls in INSURER_CLASSES]
            if not insurers or not (role or shared or signed or self.rules.elided_offer.match(after)):
                continue
            end = len(s.norm) - len(after)  # where ``after`` starts in the sentence
            named = next((ms[i].entity for i in range(last + 1, len(ms)) if signed and ms[i].entity.cls in _OFFER_CLASSES
                          and ms[i].mention.end - s.start <= end + signed.end()), None)
            # co-insurers named before any product: the one named next, in the sentence or after it
            ahead = next((ms[i].entity for i in range(last + 1, len(ms)) if ms[i].entity.cls in _OFFER_CLASSES),
                         later) if shared else None
            named = named or next((ms[i].entity for i in range(first - 1, -1, -1)
                                   if ms[i].entity.cls in _OFFER_CLASSES and (shared or clause[i] == clause[first])),
                                  offer or ahead)
            for lm in insurers if named else ():
                yield Fact(lm.entity, "provides", named, evidence)

    def _owns_next(self, s: Sentence, lm: LinkedMention, nxt: LinkedMention) -> bool:
        """Whether ``lm`` only names the owner of the organisation right after it (中国人寿集团下属的X)."""
        return (nxt.entity.cls in ORGANISATION_CLASSES and self.rules.owner_before_owned.match(
            s.norm[lm.mention.end - s.start:nxt.mention.start - s.start]) is not None)

    def _can_be_subject(self, s: Sentence, lm: LinkedMention, figure: bool = False) -> bool:
        """False when the mention sits inside a 为/向/与… phrase of its clause (or, as the owner of
        a ``figure``, after 由; as a relation's subject, after 从), unless that phrase describes it
        (有茅台系背景的华贵人寿). A blocker must be a word of its own: the 同 of 同意 or the 和 of 和平
        blocks nothing."""
        before = s.norm[:lm.mention.start - s.start]
        start = s.start + self._marks.clause_start(before, len(before))
        phrase = before[start - s.start:].rstrip(self._marks.opening)
        bullet = self.rules.quantities.list_item.match(phrase)  # "- 由X发起的Y，…": a list item's marker heads it
        if self.rules.described_subject.search(phrase[bullet.end() if bullet else 0:]):
            return True  # 作为会长单位的泰康保险集团，…: the phrase describes the clause's subject
        blockers = [self.rules.subject_blockers, self.rules.figure_blockers if figure else self.rules.source_blockers]
        # a word inside a quoted name is the name's, not the clause's (“与希望同行”行动由X发起, “益起向未来”)
        quoted = [(s.start + q.start(), s.start + q.end()) for q in self.rules.quote.finditer(before)]
        if not s.tokens:
            text = list(before)
            for a, z in quoted:
                text[a - s.start:z - s.start] = " " * (z - a)
            clause = "".join(text)[start - s.start:]
            return not any(b.search(clause) for b in blockers)
        # a token jieba glues to the name's first character (向省|青基会: 向省) counts by its part before the name
        return not any(start <= t.start < lm.mention.start and b.fullmatch(t.text[:lm.mention.start - t.start])
                       and not any(a <= t.start and t.end <= z for a, z in quoted)
                       for t in s.tokens for b in blockers)

    def _branch_links(self, ms: list[LinkedMention], evidence: Evidence, named_units: set[str]) -> Iterator[Fact]:
        """A branch named in the text (or by 上海分公司 after its insurer) is a unit of that insurer;
        stated once per article, with the sentence that first names it."""
        for lm in ms:
            e = lm.entity
            if not e.from_registry and e.parent and e.iri not in named_units:
                named_units.add(e.iri)
                owner = Entity(e.parent, "Insurer", "", from_registry=True)  # only its IRI is used
                yield Fact(e, "unitOf" if e.cls == "Branch" else "subOrganizationOf", owner, evidence)

    def _is_count(self, lm: LinkedMention) -> bool:
        """Whether ``lm`` is a count of firms, linked to one of the firms it counts (中标的4家保险公司)."""
        return lm.mention.kind == "reference" and bool(self.rules.counted_anaphor.fullmatch(fold(lm.mention.surface)))

    @staticmethod
    def _context_matches(rule: RelationRule, before: str, after: str, unnamed: str | None = None) -> bool:
        """Whether a list's text before it and after it (past its short name: X（简称“Y”）签署…)
        are what ``rule`` asks for; ``unnamed`` is ``before`` as its exclusion reads it (default: the same)."""
        if rule.before and not rule.before.search(before):
            return False
        if rule.after and not rule.after.search(after):
            return False
        return not (rule.exclude_before and rule.exclude_before.search(before if unnamed is None else unnamed))

    def _subjects(self, rule: RelationRule, s: Sentence, ms: list[LinkedMention], groups: list[tuple[int, int]],
                  first: int, last: int, topics: dict[str, Entity | None], clause: list[int],
                  subjects: list[bool], heads: list[int]) -> list[Entity]:
        """The subject of a rule's object, with those that share its role: the rest of its list
        (阳光财险、阳光人寿联合启动), a partner joined by 与…联合, and the insurer that a partner or
        body of a class the rule states nothing for joins (上药控股联合友邦人寿…)."""
        found = self._subject(rule, s, ms, first, last, topics, clause, subjects, heads)
        if found is None:
            return []
        if isinstance(found, Entity):  # a topic
            return [found]
        if isinstance(found, tuple):  # the insurers that act after the sentence
            return list(found)
        g_first, g_last = next(g for g in groups if g[0] <= found <= g[1])
        # a name and the short name given to it (中国人民保险公司（以下简称“人保”）) are one member
        out = list({ms[i].entity.iri: ms[i].entity for i in range(g_first, g_last + 1)
                    if ms[i].entity.cls in rule.subject}.values())
        if rule.unstated_only and len(out) > 1:
            return []  # a fallback, whatever the words, cannot tell which member of a list the object is of
        if g_last + 1 < len(ms) and g_last + 1 != first:
            nxt = ms[g_last + 1]
            between = s.norm[ms[g_last].mention.end - s.start:nxt.mention.start - s.start]
            after = s.norm[nxt.mention.end - s.start:]
            if (nxt.entity.cls in rule.subject and self.rules.co_subject.match(between)
                    and (self.rules.co_subject_after.match(after) or self.rules.co_subject_verb.match(between)
                         and not any(e.cls in rule.stated_for for e in out))):
                out.append(nxt.entity)
        out += [ms[j].entity for j in self._points_after(rule, s, ms, found, first, heads, subjects)]
        if rule.predicate != "partnersWith" and any(e.cls in INSURER_CLASSES for e in out):
            # 阳光保险集团、通用电气等爱心企业…, an insurer与a platform联合运营…: the facts are the
            # insurer's; the firms listed or joined with it are its partners
            out = [e for e in out if e.cls in INSURER_CLASSES]
        return out

    def _subject(self, rule: RelationRule, s: Sentence, ms: list[LinkedMention], first: int, last: int,
                 topics: dict[str, Entity | None], clause: list[int], subjects: list[bool],
                 heads: list[int]) -> int | Entity | tuple[Entity, ...] | None:
        """The index of the subject of a rule's object ms[first..last] (or a topic: the paragraph's
        organisation, or "previous", the insurer the article was last about; or "following", the
        insurers that head a clause after the sentence in its paragraph; "next_sentence", those of the
        sentence right after it there), searched in the rule's order.
        "next" is the first mention of the subject's classes after the object, wherever it stands.
        "lead" is the organisation the sentence names first, before an object that opens its own clause.
        "adjacent" is the mention right before the object, with only ``adjacent_gap`` between them
        (广东信保“小微企业信保易”, 泰康人寿的“幸福有约”).

        Organisations must be able to head their clause (``subjects``); products and initiatives
        (the subjects of ``targets``) are taken from the object's own clause. A topic stands in only
        for a clause that names no organisation before the object (``heads``: where each mention's
        clause starts): 中国精算师协会与中国银保信联合发布 is not the topic's partnership; nor, for provides,
        for one a region heads (宁波推出X: the local government's scheme).
        """
        def ok(i: int) -> bool:
            lm = ms[i]
            if lm.entity.cls not in rule.subject:
                return False
            if lm.entity.cls in ORGANISATION_CLASSES:
                return subjects[i]
            # a product before an organisation that heads the object's clause is not its subject:
            # “保险+期货”项目完成理赔，中华财险向两家投保合作社支付赔款
            return clause[i] == clause[first] and not any(
                subjects[j] and heads[j] == heads[first] for j in range(i + 1, first)) and not self._joined(
                s, ms, i, first, subjects, heads)

        # The organisation nearest before the object that heads its clause is the sentence's doer:
        # one of a class the rule does not take (吉林省银保监局联合省财政厅，组织保险机构推出X,
        # 响应科技部发起的X) leaves the object to no organisation named before it, the paragraph's
        # or the article's. (A partner's other party is often of such a class, 股东中粮集团…: not
        # for symmetric relations.)
        doer = next((i for i in range(first - 1, -1, -1)
                     if ms[i].entity.cls in ORGANISATION_CLASSES and subjects[i]), None)
        if (doer is not None and ms[doer].entity.cls not in rule.subject
                and not rule.subject.isdisjoint(ORGANISATION_CLASSES) and rule.predicate not in SYMMETRIC):
            # unless it acts together with one the rule takes (农业部与明台产物合作推出X): that one is the doer
            co = self._co_doer(rule, s, ms, doer, first)
            if co is not None:
                return co
            # One named after the object in its role (朝阳门街道给老年人买了一份保险，承保方是中华财险) is not
            # the doer's: a search for it goes on. So is one named after it when the doer is of the object's
            # own classes (北京银保监局介绍：在北京银保监局指导下，中国人保…): the authority the clause turns
            # to, not one who acts.
            # A rule that reads the one its words govern (向X投保Y) looks there whoever the doer is.
            after = ("next", "after", "clause_after") if ms[doer].entity.cls in rule.object else ("next",)
            ways = [way for way in rule.subject_search if way in after or way == "governed"]
        else:
            ways = rule.subject_search
        for way in ways:
            if way == "before":
                found = next((i for i in range(first - 1, -1, -1) if ok(i)), None)
            elif way == "after":  # or the one acting with a body the rule does not take (由县残联与X合作开展)
                found = None
                for i in range(last + 1, len(ms)):
                    if ok(i):
                        found = i
                    elif ms[i].entity.cls in ORGANISATION_CLASSES - rule.subject and subjects[i]:
                        found = self._co_doer(rule, s, ms, i, len(ms))
                    if found is not None:
                        break
            elif way == "clause":  # the nearest before the object within its comma-clause (X推出Y, X为Y提供…)
                found = next((i for i in range(first - 1, -1, -1) if ok(i) and heads[i] == heads[first]), None)
            elif way == "clause_doer":  # the organisation nearest before the object in its comma-clause, if
                # the rule takes it: not past another that heads it (众安保险旗下众安互联网医院与X合作: the
                # hospital works with X)
                found = next((i for i in range(first - 1, -1, -1) if heads[i] == heads[first]
                              and ms[i].entity.cls in ORGANISATION_CLASSES and subjects[i]), None)
                found = found if found is not None and ok(found) else None
            elif way == "governed":  # the nearest of the subject's classes before the object in its clause,
                # whatever heads it: the one the rule's ``before`` governs (与人保寿险合作的两家银行——X、Y)
                found = next((i for i in range(first - 1, -1, -1)
                              if ms[i].entity.cls in rule.subject and heads[i] == heads[first]), None)
            elif way == "clause_after":  # the nearest after the object within its comma-clause
                found = next((i for i in range(last + 1, len(ms)) if ok(i) and heads[i] == heads[first]), None)
            elif way == "next":  # the first of the subject's classes after the object, even after 为 (承保机构为X)
                found = next((i for i in range(last + 1, len(ms)) if ms[i].entity.cls in rule.subject), None)
            elif way == "clause_next":  # the same within the object's comma-clause: its verb's object (某局通知了X)
                found = next((i for i in range(last + 1, len(ms))
                              if ms[i].entity.cls in rule.subject and heads[i] == heads[first]), None)
            elif way == "host":  # the insurer the sentence names the host of the work it credits (主办方是X)
                found = next((i for i in range(len(ms)) if not first <= i <= last
                              and ms[i].entity.cls in rule.stated_for and self._hosts(s, ms[i])), None)
            elif way == "adjacent":
                i = first - 1
                gap = s.norm[ms[i].mention.end - s.start:ms[first].mention.start - s.start] if i >= 0 else ""
                found = i if i >= 0 and ok(i) and self.rules.adjacent_gap.match(gap.strip(self._marks.opening)) else None
            elif way == "lead":  # the organisation the sentence names first, heading its clause, before the
                # object: what it is about (中宏人寿1996年开业…；宏利人寿持有51%股权，某公司持有49%)
                # only for an object named in full that opens its own clause (not one of a list after 来自A、B与C,
                # nor 它们 standing for such a list)
                opens = ms[first].mention.kind != "reference" and not any(heads[i] == heads[first] for i in range(first))
                found = next((i for i in range(first) if ok(i)), None) if opens else None
            elif way == "nearest":
                candidates = [(first - i, i) for i in range(first) if ok(i)]
                candidates += [(i - last, i) for i in range(last + 1, len(ms)) if ok(i)]
                found = min(candidates)[1] if candidates else None
            else:  # topic, previous, offer (…_alone: in a sentence naming no organisation before it; an offer: nor another offer)
                # not when the object's clause names an organisation that could be its subject, before
                # it or after it (滴滴入股现代财险: the shareholder of 现代财险, not of the article's insurer)
                if any(subjects[i] and heads[i] == heads[first] for i in range(first)) or any(
                        subjects[i] and heads[i] == heads[first] and ms[i].entity.cls in rule.subject
                        for i in range(last + 1, len(ms))):
                    return None
                if first > 0 and ms[first - 1].entity.cls in ORGANISATION_CLASSES and self.rules.adjacent_gap.match(
                        s.norm[ms[first - 1].mention.end - s.start:ms[first].mention.start - s.start]
                        .strip(self._marks.opening)):
                    return None  # written as another organisation's (落实市农委绿叶菜…保险的方案): not the topic's
                if way in ("topic", "previous") and self.rules.industry_doer.search(s.norm):
                    return None  # the industry acts (保险业为…): the market's doing, not the paragraph's insurer's
                if rule.predicate == "provides" and rule.unstated_only and last > first and not any(
                        lm.entity.cls in ORGANISATION_CLASSES for lm in ms):
                    return None  # a catalogue in a sentence naming no organisation (宁波一批创新险种——A、B、C):
                    # a region's or the market's range, not the paragraph's insurer's
                if rule.predicate == "provides" and self._led_by_region(s.norm[heads[first]:].lstrip()):
                    return None  # a clause a region heads (宁波在2月19日推出X): its government's doing
                if way == "previous" and rule.predicate == "provides" and topics["firms"] and not any(
                        e.cls in rule.stated_for for e in topics["firms"]):
                    return None  # the text went on to a platform or a broker (微保…。打头阵的产品叫X): its offer
                if (way == "previous" or rule.unstated_only) and any(
                        subjects[i] and ms[i].entity.cls in _SUBJECT_CLASSES
                        and not any(self._takes(other, s, ms[k]) for k in range(first) for other in self._kin[rule]
                                    if ms[k].entity.iri == ms[i].entity.iri)
                        for i in range(first)):
                    # the sentence is about an organisation it names before the object (not one the rule
                    # takes as well: a list of shareholders), not about the insurer of an earlier
                    # paragraph (暖哇科技正式递交上市申请，联席保荐人为摩根大通), nor, for a fallback, about the
                    # paragraph's (志愿者收到X的心意：可获赠Y); a public body that approves or reports
                    # (保监会批复显示，出资方…) does not make it the body's
                    return None
                if way.endswith("_alone") and any(lm.entity.cls in ORGANISATION_CLASSES for lm in ms[:first]):
                    return None  # an organisation named before it in the sentence is what it is about
                if way == "offer_alone" and topics["offer"] is not None and any(
                        lm.entity.cls in _OFFER_CLASSES and lm.entity.iri != topics["offer"].iri for lm in ms):
                    return None  # so is another product or programme the sentence names, before it or after it
                if way == "offer_alone" and self._other_cover(s, ms, first, topics["offer"]):
                    return None  # or a cover its clause names that the recogniser took as no product
                topic = topics.get(way.removesuffix("_alone"))
                if isinstance(topic, tuple):
                    topic = tuple(e for e in topic if e.cls in rule.subject) or None
                found = topic if topic is not None and (isinstance(topic, tuple) or topic.cls in rule.subject) else None
            if found is not None:
                return found
        return None

    def _other_cover(self, s: Sentence, ms: list[LinkedMention], first: int, offer: Entity | None) -> bool:
        """Whether the sentence, up to the end of the clause of ms[first], names a cover outside the names
        found (城乡居民医保参保人还得先把城乡居民社会医疗保险买上; “1”是主险，即自然灾害保险，…，对象是常住人口),
        other than ``offer`` by its kind (这份安全生产责任保险 after 某行业安全生产责任险: the same)."""
        text = _without_names(s, ms)
        at = ms[first].mention.start - s.start
        own = fold(offer.label) if offer is not None else ""
        return any(fold(m.group("kind")) not in own for m in self.rules.other_cover.finditer(
            text, 0, self._marks.clause_end(text, at)))

    def _led_by_region(self, text: str) -> bool:
        """Whether ``text`` starts with a region (宁波) or a county-level place (零陵区, 魏县)."""
        places, reach = self.rules.local_places, self.rules.local_place_reach
        return bool(self.rules.region_prefix.match(text)) or any(text[:n] in places for n in range(2, reach + 1))

    def _takes(self, rule: RelationRule, s: Sentence, lm: LinkedMention) -> bool:
        """Whether ``rule`` takes ``lm`` as an object, by its class and the text around it."""
        before = s.norm[:lm.mention.start - s.start].rstrip(self._marks.opening)
        return lm.entity.cls in rule.object and self._context_matches(rule, before, self._after_name(s, lm))

    def _points_after(self, rule: RelationRule, s: Sentence, ms: list[LinkedMention], found: int, first: int,
                      heads: list[int], subjects: list[bool]) -> list[int]:
        """响应银保监会的要求，多家保险机构推出专属产品：一是平安产险…；二是众安保险…: a subject after
        the object that heads the first point of a list of points (by ``continued_paragraph``,
        within the sentence) shares its role with the organisation heading each later point."""
        if found < first or not self._heads_point(s, ms[found], heads[found]):
            return []
        return [j for j in range(found + 1, len(ms)) if ms[j].entity.cls in rule.subject and subjects[j]
                and heads[j] != heads[found] and self._heads_point(s, ms[j], heads[j])]

    def _hosts(self, s: Sentence, lm: LinkedMention) -> bool:
        """Whether the sentence names ``lm`` the host of the work it credits (主办方是X, 由X主办)."""
        r = self.rules
        at = lm.mention.start - s.start
        before = s.norm[self._marks.clause_start(s.norm, at):at].rstrip(self._marks.opening)
        return bool(r.host_before and r.host_before.search(before) or r.host_after and r.host_after.match(
            self._after_name(s, lm)))

    def _heads_point(self, s: Sentence, lm: LinkedMention, head: int) -> bool:
        """Whether ``lm`` comes right after a point's marker (一是, 其二，, （三）) that starts its clause."""
        text = s.norm[head:lm.mention.start - s.start].strip()
        marker = self.rules.continued_paragraph.match(text)
        return bool(marker) and not text[marker.end():].strip()

    def _joined(self, s: Sentence, ms: list[LinkedMention], i: int, first: int, subjects: list[bool],
                heads: list[int]) -> bool:
        """Whether the programme ms[i], in a clause before the object ms[first]'s, is one an organisation
        heading its clause takes part in (X参与由某局组织的某共保体，…，向车队司机捐赠): what follows is X's doing."""
        joined = self.rules.joined_programme
        return bool(joined and heads[i] != heads[first]
                    and any(subjects[j] and heads[j] == heads[i] for j in range(i))
                    and joined.search(s.norm[heads[i]:ms[i].mention.start - s.start]))

    def _co_doer(self, rule: RelationRule, s: Sentence, ms: list[LinkedMention], doer: int,
                 first: int) -> int | None:
        """The organisation right after ``doer`` (of a class ``rule`` does not take) that acts with it,
        joined by ``co_subject`` and followed by ``co_subject_after`` (农业部与明台产物合作推出X, 县政府
        和人保财险共同发起X), when it is before the object ``first`` and the rule takes it."""
        nxt = doer + 1  # after 与, it cannot head its clause: its class is enough
        if nxt >= first or ms[nxt].entity.cls not in rule.subject:
            return None
        between = s.norm[ms[doer].mention.end - s.start:ms[nxt].mention.start - s.start]
        after = self._after_name(s, ms[nxt])
        if self.rules.co_subject.match(between) and self.rules.co_subject_after.match(after):
            return nxt
        return None

    def _structure(self, s: Sentence, ms: list[LinkedMention], groups: list[tuple[int, int]],
                   evidence: Evidence) -> Iterator[Fact]:
        """X旗下Y、Z / Y是X旗下的…: Y (and Z) belong to, or are offered by, X."""
        r, marks = self.rules, self._marks
        for (a1, a2), (b1, b2) in zip(groups, groups[1:]):
            between = s.norm[ms[a2].mention.end - s.start:ms[b1].mention.start - s.start].strip(marks.opening + marks.closing)
            after = s.norm[ms[b2].mention.end - s.start:].lstrip(marks.closing)
            for owner_first, between_re, after_re in r.structure:
                if not between_re.search(between) or (after_re and not after_re.search(after)):
                    continue
                owner, owned = (ms[a2], ms[b1:b2 + 1]) if owner_first else (ms[b1], ms[a1:a2 + 1])
                if owner.entity.cls not in r.structure_owner:
                    continue
                by_class = r.structure_predicate_by_owner.get(owner.entity.cls, {})
                for lm in owned:
                    predicate = by_class.get(lm.entity.cls, r.structure_predicate.get(lm.entity.cls))
                    if predicate == "provides":
                        yield Fact(owner.entity, predicate, lm.entity, evidence)
                    elif predicate == "partnersWith":  # stated of the insurer or group, whichever owns or is owned
                        insurer_owned = lm.entity.cls in INSURER_CLASSES
                        yield Fact(lm.entity if insurer_owned else owner.entity, predicate,
                                   owner.entity if insurer_owned else lm.entity, evidence)
                    elif predicate and lm.entity.iri != owner.entity.iri:
                        yield Fact(lm.entity, predicate, owner.entity, evidence)


def _offer(entity: Entity) -> bool:
    """Whether ``entity`` is a product or programme that someone offers: not a kind of cover (惠民保),
    which no one product is, so a sentence that speaks of one (推出惠民保的城市) names no offer."""
    return entity.cls in _OFFER_CLASSES and not entity.kind_of_cover


def _column(s: Sentence, lm: LinkedMention, cells: list[tuple[int, int]]) -> int:
    """The index of the cell of a table row (``cells`` of ``s``) that ``lm`` is in; -1 if none."""
    at = lm.mention.start - s.start
    return next((i for i, (a, b) in enumerate(cells) if a <= at < b), -1)


def _keep(facts: dict[tuple, Fact], fact: Fact, index: int, when: str | None) -> None:
    """Add ``fact``, stated in sentence ``index``, to ``facts`` (the first fact of a kind in a sentence
    stays), holding at ``when`` if that is known. A fact of an entity with itself is none: two references
    read as one body (总公司、分公司、中心支公司一起…, both the branch named last) state no relation."""
    if fact.subject.iri == fact.object.iri:
        return
    facts.setdefault((fact.subject.iri, fact.predicate, fact.object.iri, index),
                     replace(fact, as_of=when) if when else fact)


def _headed(s: Sentence, cells: list[tuple[int, int]] | None, *headers: re.Pattern) -> set[int]:
    """The indices of the cells of a table row (``cells`` of ``s``) that one of ``headers`` matches whole."""
    return {i for i, (a, b) in enumerate(cells or ()) if any(h.match(s.norm[a:b].strip()) for h in headers)}


def _parent_and_child(a: Entity, b: Entity) -> bool:
    """Whether one is the other's group or insurer: 控股股东中国平安 of 平安人寿 is its parent (a
    structure fact), not a partner. A firm a group owns that is no insurer (a bank, a health platform)
    has no structure fact (ANNOTATION.md links only insurers and branches): it stays the group's partner."""
    return (a.parent == b.iri and a.cls in INSURER_CLASSES) or (b.parent == a.iri and b.cls in INSURER_CLASSES)


def _without_names(s: Sentence, ms: list[LinkedMention]) -> str:
    """The sentence with its names blanked out: the 保险 of 汉诺威再保险 or of a product's name says
    nothing about what an amount is."""
    text = list(s.norm)
    for lm in ms:
        a, b = lm.mention.start - s.start, lm.mention.end - s.start
        text[a:b] = " " * (b - a)
    return "".join(text)


def _distinct(figures: list[Figure], linked: list[LinkedMention]) -> list[Figure]:
    """One figure per organisation and value in an article: a headline or a table row that repeats
    a figure of the body does not make it a second one, even where its few words suggest another
    kind (the body's sentence, the longer, is kept). Nor does a headline that gives a branch's
    amount to its insurer (安信农险20万元预赔款 … 青浦支公司预付了20万元): the unit's figure stands,
    unless its sentence does not name the unit and the parent's does (| 每人保额 | 10万元 |, a row of the
    article's branch, after 新华保险给每人的保额为10万元): a figure stated of the organisation written
    in its sentence outranks one given to the article's by default.
    One sentence that writes it twice states two (捐赠20万元…另捐赠价值20万元的图书). Nor does a sentence
    that gives an insurer's figure to the firm that owns it (ik:ownedBy): the insurer's stands.
    Nor is a figure whose clause says it is stated again of another thing (每亩保额同为3000元, 再拨款250万元) a
    copy: it is a second figure of that value, kept beside the first."""
    best: dict[tuple, list[Figure]] = {}
    for f in figures:
        key = (f.agent.iri, f.quantity.value, f.quantity.unit)
        kept = best.get(key)
        if kept and (kept[0].evidence.start == f.evidence.start or f.again):
            kept.append(f)
        elif not kept or len(f.evidence.quote) > len(kept[0].evidence.quote):
            best[key] = [f]
    written = {(lm.entity.iri, lm.mention.start) for lm in linked}

    def names_agent(f: Figure) -> bool:
        return any((f.agent.iri, at) in written for at in range(f.evidence.start, f.evidence.end))

    owned = {(f.agent.owner, f.quantity.value, f.quantity.unit) for fs in best.values() for f in fs if f.agent.owner}
    units: dict[tuple, bool] = {}  # a parent's figure that a unit states too: whether a unit's sentence names it
    for fs in best.values():
        if fs[0].agent.parent:
            key = (fs[0].agent.parent, fs[0].quantity.value, fs[0].quantity.unit)
            units[key] = units.get(key, False) or names_agent(fs[0])

    def outranked(key: tuple, fs: list[Figure]) -> bool:
        """An owner's copy of its insurer's figure; a parent's copy of its unit's figure, unless only the
        parent's sentence names its agent; then the unit's, given it by default, is the copy."""
        if key in owned:
            return True
        if key in units:
            return units[key] or not names_agent(fs[0])
        parent = best.get((fs[0].agent.parent, *key[1:]))
        return parent is not None and names_agent(parent[0]) and not names_agent(fs[0])

    return sorted((f for key, fs in best.items() if not outranked(key, fs) for f in fs),
                  key=lambda f: f.quantity.start)


def _lists(s: Sentence, ms: list[LinkedMention], clause: list[int], joiner: re.Pattern, closer: re.Pattern,
           short_name: re.Pattern) -> list[tuple[int, int]]:
    """Index ranges of mentions that form one list (A、B和C) within a clause, singletons included;
    a short name given to an item (A（简称“B”）、C) is part of that item and does not break it; a
    ``closer`` joins only the last item of a list two items long already, all of its class (捐给A、B与C;
    not A与B, nor 人保财险、平安产险与美团签约: two insurers and their partner)."""
    groups: list[tuple[int, int]] = []
    end = 0  # where the last item ends, with the short name given to it
    for i, lm in enumerate(ms):
        start = lm.mention.start - s.start
        if groups:
            first, last = groups[-1]
            if start < end:
                groups[-1] = (first, i)  # inside the short name given to the last item
                continue
            gap = s.norm[end:start]
            glued = not gap and ms[last].entity.cls == lm.entity.cls  # 市委市政府
            closes = last > first and closer.match(gap) and all(ms[k].entity.cls == lm.entity.cls
                                                                for k in range(first, last + 1))
            if (glued or joiner.match(gap) or closes) and clause[last] == clause[i]:
                groups[-1] = (first, i)
                end = _item_end(s, lm, short_name)
                continue
        groups.append((i, i))
        end = _item_end(s, lm, short_name)
    return groups


def _item_end(s: Sentence, lm: LinkedMention, short_name: re.Pattern) -> int:
    """Where a list item ends in ``s.norm``: after the mention and a short name given to it."""
    end = lm.mention.end - s.start
    short = short_name.match(s.norm, end)
    return short.end() if short else end
