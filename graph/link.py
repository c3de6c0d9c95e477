"""Link: resolve every mention to one canonical entity.

Registry aliases resolve directly; branches resolve to their insurer (and through it to its group);
references (旗下财险公司, 上海分公司, 公司) resolve from the organisations named just before them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .fold import fold_name
from .iri import entity_iri
from .namespaces import INSURER_CLASSES, ORGANISATION_CLASSES, PUBLIC_CLASSES
from .quantities import parse_number
from .records import Entity, LinkedMention, Mention
from .registry import Registry, unquoted
from .rules import Rules

# Classes whose name an article qualifies when it names the thing again (参保养殖户, 政策性…保险).
_QUALIFIED_CLASSES = {"BeneficiaryGroup", "Product"}
# Firms a bare 公司 may refer back to.
_SUBJECT_CLASSES = set(INSURER_CLASSES) | {"Partner"}
# What 它 may refer back to: a firm, or what a firm offers.
_LEAD_CLASSES = _SUBJECT_CLASSES | {"Product", "Initiative"}


def _same_place(a: str, b: str, levels: tuple[str, ...]) -> bool:
    """Whether two places are one written with and without its level word (方城县, 方城)."""
    return a == b or min(len(a), len(b)) >= 2 and any(x == y + level for x, y in ((a, b), (b, a)) for level in levels)


def _place_as_written(label: str, place: str, level: str, full_places: dict[str, str]) -> str:
    """The place with its level as ``label`` writes it, when it starts with that place (广西壮族自治区 of
    广西壮族自治区卫健委 for 广西 and 自治区), else its full name (``full_places``) or the two joined (宁波市):
    自治区卫健委 after 广西壮族自治区卫健委 is that body, not a 广西自治区卫健委 the county rules would read as a
    county's."""
    at = label.find(level, len(place))
    if label.startswith(place) and 0 <= at - len(place) <= 3:  # a people's name between (壮族, 维吾尔): three at most
        return label[:at + len(level)]
    full = full_places.get(place, "")
    return full if full.endswith(level) else place + level


class Linker:
    """Resolves mentions, in text order, to canonical entities."""

    def __init__(self, registry: Registry, rules: Rules):
        self.registry = registry
        self.rules = rules

    def link(self, mentions: list[Mention], market: str | None = None) -> list[LinkedMention]:
        """Linked mentions; references that context cannot resolve are dropped. ``market``: the market
        whose news the article is by its places (:meth:`Recogniser.market`), where its insurers do not say."""
        linked: list[LinkedMention] = []
        self._known: dict[str, Entity] = {}  # entities made in this document, by IRI
        self._mentions = mentions
        self._qualifiable = [m for m in mentions if m.cls in _QUALIFIED_CLASSES and m.kind != "reference"]
        # each of those by each of its names, by its name as written, and by the opening and the end
        # an abbreviation keeps (_abbreviates): each name is looked up, not compared with all the others
        self._by_name: dict[str, list[Mention]] = {}
        self._by_surface: dict[str, list[Mention]] = {}
        self._by_ends: dict[tuple[str, str], list[Mention]] = {}
        self._by_opening: dict[str, list[Mention]] = {}  # by each of its openings of three or more characters
        for m in self._qualifiable:
            for name in self._names(m):
                self._by_name.setdefault(name, []).append(m)
            written = fold_name(m.surface)
            self._by_surface.setdefault(written, []).append(m)
            self._by_ends.setdefault((written[:2], written[-3:]), []).append(m)
            for end in range(3, len(written)):
                self._by_opening.setdefault(written[:end], []).append(m)
        self._programmes = [m for m in mentions if m.cls == "Initiative" and m.kind == "pattern"]
        self._units = self._named_units(mentions)  # (insurer, place, unit) of branches named in full
        self._named_insurers = {m.entity for m in mentions if m.kind == "alias" and m.cls == "Insurer" and m.entity}
        market = self._article_market = self._market(mentions) or market
        self._article_subject = self._most_named(mentions)
        ahead: list[tuple[int, Mention, re.Match]] = []  # counts of insurers whose list comes after them
        named = {m.entity for m in mentions if m.kind == "alias" and m.entity}
        for mention in mentions:
            local = (self.registry.local_entry(market, fold_name(mention.surface), named)
                     if mention.kind != "reference" else None)
            if local is not None:  # 安盛 in Hong Kong news: the local firm, not the group (中信金控: CTBC's)
                mention = replace(mention, cls=local.entity.cls, entity=local.entity.iri)
            if mention.kind == "reference" and fold_name(mention.surface) in self.rules.pair_anaphors | self.rules.list_anaphors:
                linked += [LinkedMention(mention, e) for e in self._plural(mention, linked)]
                continue
            if mention.kind == "reference" and self.rules.product_pair_anaphor.fullmatch(fold_name(mention.surface)):
                linked += [LinkedMention(mention, e) for e in self._offer_pair(mention, linked)]
                continue
            counted = (self.rules.counted_anaphor.fullmatch(fold_name(mention.surface))
                       if mention.kind == "reference" else None)
            if counted and self._ends_list(mention, linked):
                continue  # the count of the list it ends (A、B和C三家公司): its items are named
            if counted:  # the insurers of the list named last (市民政局与A、B和C签约。三家公司将…: A, B and C)
                found = [e for e in self._plural(mention, linked) if e.cls in INSURER_CLASSES]
                if not self._counts(found, counted):
                    ahead.append((len(linked), mention, counted))  # a list named after it: once all are linked
                linked += [LinkedMention(mention, e) for e in found if self._counts(found, counted)]
                continue
            entity = self._line_of_number(mention, linked) or self._resolve(mention, linked)
            if entity is not None and mention.kind != "reference":
                entity = self._with_places(entity, linked)
            if entity is not None:
                linked.append(LinkedMention(mention, entity, self._written(mention, entity)))
        for at, mention, counted in reversed(ahead):  # from the last, so that each place stays where it was
            found = self._list_after(mention, linked[at:])
            linked[at:at] = [LinkedMention(mention, e) for e in found if self._counts(found, counted)]
        return self._specific_groups(self._purses_of_governments(linked))

    def _line_of_number(self, m: Mention, context: list[LinkedMention]) -> Entity | None:
        """The service line whose name ``m``, a line's number, follows right after (全国客服热线95519: one line)."""
        last = context[-1] if context else None
        if (m.cls != "Initiative" or last is None or last.entity.cls != "Initiative"
                or last.mention.sentence != m.sentence or not self.rules.line_number.fullmatch(m.surface)):
            return None
        near = 0 <= m.start - last.mention.end <= self.rules.line_number_gap
        return last.entity if near and self.rules.line_name.search(fold_name(last.mention.surface)) else None

    def _purses_of_governments(self, linked: list[LinkedMention]) -> list[LinkedMention]:
        """``linked`` with each government's purse named by its place (县财政 read as 郧西县财政) linked
        to the government of that place the article names (郧西县政府): the purse pays for it, one body;
        where the article names no such government, to that place's finance department (福建省财政厅)."""
        governments, treasuries = {}, {}
        for lm in linked:
            if lm.entity.cls not in PUBLIC_CLASSES:
                continue
            if found := self.rules.place_government.match(lm.entity.label):
                governments.setdefault(found["place"], lm.entity)
            elif found := self.rules.place_treasury.match(lm.entity.label):
                treasuries.setdefault(found["place"], lm.entity)
        out = []
        for lm in linked:
            found = self.rules.purse_body.match(lm.entity.label) if lm.entity.cls in PUBLIC_CLASSES else None
            government = (governments.get(found["place"]) or treasuries.get(found["place"])) if found else None
            out.append(replace(lm, entity=government, written=None) if government else lm)
        return out

    def _specific_groups(self, linked: list[LinkedMention]) -> list[LinkedMention]:
        """``linked`` with a generic word for a group (农户) linked to the one more specific group of its kind
        the article names (桃农: ``generic_groups``), where it names exactly one."""
        groups = {lm.entity.iri: lm.entity for lm in linked
                  if lm.entity.cls == "BeneficiaryGroup" and lm.entity.label not in self.rules.generic_groups}
        out = []
        for lm in linked:
            kind = (self.rules.generic_groups.get(fold_name(lm.mention.surface))
                    if lm.entity.cls == "BeneficiaryGroup" else None)
            specific = [group for group in groups.values() if kind and kind.match(group.label)]
            out.append(replace(lm, entity=specific[0], written=None) if len(specific) == 1 else lm)
        return out

    def written_owners(self, linked: list[LinkedMention]) -> list[LinkedMention]:
        """The insurers whose names start the names of their branches (太保产险吕梁中支, 阳光人寿湖北分公司):
        the article names them there too, once each, though no clause is about them. Not where the
        article names the insurer's group: a reader then takes the branch for the group's, its
        insurer only implied; nor a group's own (中国人保绍兴支公司), which is mostly a misreading."""
        out: list[LinkedMention] = []
        seen = {lm.entity.iri for lm in linked}
        for lm in linked:
            m, e = lm.mention, lm.entity
            if e.cls != "Branch" or not m.parent_surface or not m.surface.startswith(m.parent_surface):
                continue
            owner = self._owner(e)
            if owner is None or owner.cls != "Insurer" or owner.iri in seen or (owner.parent and owner.parent in seen):
                continue
            seen.add(owner.iri)
            named = Mention(m.parent_surface, m.start, m.start + len(m.parent_surface), m.sentence, owner.cls,
                            "alias", entity=owner.iri if owner.iri in self.registry.entries else None)
            out.append(LinkedMention(named, owner))
        return out

    def _with_places(self, entity: Entity, context: list[LinkedMention]) -> Entity:
        """The body the article named before with places before ``entity``'s name or without those
        written before it (湖北省楚商联合会, then 楚商联合会; 隆安县妇联, then 县妇联), or with its place's level
        written once and left out once (乐山市商业银行, 乐山商业银行), or with its legal form and without it
        (保通保险代理有限公司, 保通保险代理; also its place and trade: 莆田农汇食品有限公司, 农汇食品), or with its words
        shortened (湖北省青基会), or the one body whose name ends with ``entity``'s (德阳市儿童福利院, then 福利院),
        if ``entity`` is one the registry lacks: the same body written short or in full; and the cover named
        before with a word less or more inside its name (小海豚专属保险, 小海豚专属意外保险)."""
        r = self.rules
        if entity.cls in r.cover_classes and entity.iri not in self.registry.entries:
            return next((lm.entity for lm in reversed(context) if lm.entity.cls == entity.cls
                         and lm.entity.iri not in self.registry.entries
                         and self._cover_with_word(lm.entity.label, entity.label)), entity)
        if entity.cls not in r.place_chain_classes | r.legal_form_classes or entity.iri in self.registry.entries:
            return entity
        for lm in reversed(context):
            e = lm.entity
            if e.cls != entity.cls or e.iri in self.registry.entries or e.label == entity.label:
                continue
            longer, shorter = (e.label, entity.label) if len(e.label) > len(entity.label) else (entity.label, e.label)
            if entity.cls in r.legal_form_classes and (longer.removeprefix(shorter) in r.legal_forms
                                                       or self._firm_named_short(longer, shorter)):
                return e
            if entity.cls not in r.place_chain_classes:
                continue
            rest = longer.removesuffix(shorter)
            if longer.endswith(shorter) and (self.rules.place_chain.match(rest)
                                             or self.rules.place_chain.match(rest + shorter[0])):
                return e  # the level may open the short name: 隆安县妇联, then 县妇联
            if any((level := self.rules.region_suffix.search(longer, 0, end)) and self.rules.place_chain.match(longer[:end])
                   and longer[:level.start()] + longer[end:] == shorter for end in range(2, len(longer))):
                return e
            if self._body_abbreviated(longer, shorter):
                return e
        return self._named_in_full_before(entity, context)

    def _cover_with_word(self, one: str, other: str) -> bool:
        """Whether the two names are one cover, one with a word more inside it (小海豚专属保险, 小海豚专属意外保险;
        保险 and 险 one ending): a short word after a long shared opening, and no rider's word."""
        r = self.rules
        a, b = (self._cover_stem(n) for n in (one, other))
        if a == b:
            return True
        short, long_ = sorted((a, b), key=len)
        extra = len(long_) - len(short)
        if not 0 < extra <= r.cover_word_length:
            return False
        cut = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
        return (cut >= r.cover_shared_opening and long_[cut + extra:] == short[cut:]
                and not r.cover_word_not.search(long_[cut:cut + extra]))

    def _cover_stem(self, name: str) -> str:
        """``name`` with its ending written one way (小海豚专属意外险 and …保险: …意外险)."""
        ending = next((e for e in self.rules.cover_endings if name.endswith(e)), None)
        return name[:-len(ending)] + self.rules.cover_endings[-1] if ending else name

    def _body_abbreviated(self, full: str, short: str) -> bool:
        """Whether ``short`` is the body ``full`` with its words shortened (湖北省青少年发展基金会 … 湖北省青基会,
        逊克县农业技术推广中心 … 农技中心) or a word before its kind left out (铜川市吉祥春养殖农民专业合作社 …
        吉祥春合作社): without the place ``full`` opens with (and its legal form), ``short`` keeps the first
        and the last of its characters, and others in their order, three at least. One word left out
        elsewhere names another body (英国另类投资协会 is not 英国投资协会), and a full legal name is no short one."""
        if any(short.endswith(f) for f in self.rules.legal_forms):
            return False
        place = next((full[:end] for end in range(len(full) - 1, 1, -1) if self.rules.place_chain.match(full[:end])), "")
        full, short = full.removeprefix(place), short.removeprefix(place)
        full = full.removesuffix(self._legal_form(full))
        if not (3 <= len(short) < len(full) and short[0] == full[0] and short[-1] == full[-1]):
            return False
        kept, at = [], 0  # where each of short's characters is in full: the earliest each time, the last at its end
        for c in short[:-1]:
            at = full.find(c, at)
            if at < 0 or at == len(full) - 1:
                return False
            kept.append(at)
            at += 1
        kept.append(len(full) - 1)
        if kept[-1] - kept[-2] > self.rules.body_kind_length:
            return False  # its last character is the end of another word (上海交大医学院, not …医学院-某某康复研究院)
        gaps = [(a, b) for a, b in zip(kept, kept[1:]) if b > a + 1]
        return len(gaps) > 1 or len(full) - gaps[0][1] <= self.rules.body_kind_length

    def _firm_named_short(self, full: str, short: str) -> bool:
        """Whether ``short`` is the firm ``full`` written without its place, its trade and its legal form
        (莆田农汇食品有限公司 … 农汇食品, 山东恒信生物科技有限公司 … 恒信公司): what is left of the full name
        around the short one is a place before it, and a legal form after it with at most
        ``firm_trade_length`` characters of trade (生物科技) between."""
        form = self._legal_form(full)
        core = short.removesuffix(self.rules.bare_firm_word) if len(short) > len(self.rules.bare_firm_word) + 1 else short
        if not form or len(core) < 2:
            return False
        body = full.removesuffix(form)
        at = body.find(core)
        return (at >= 0 and (at == 0 or bool(self.rules.place_chain.match(body[:at])))
                and len(body) - at - len(core) <= self.rules.firm_trade_length)

    def _legal_form(self, name: str) -> str:
        """The legal form ``name`` ends with (股份有限公司 rather than 有限公司), or ""."""
        return max((f for f in self.rules.legal_forms if name.endswith(f)), key=len, default="")

    def _named_in_full_before(self, entity: Entity, context: list[LinkedMention]) -> Entity:
        """The one body of ``entity``'s class named before whose name ends with ``entity``'s (德阳市儿童福利院,
        then 福利院; 紫薇社区新时代文明实践站, then 实践站): a reader takes the bare ending for it. With two
        such bodies named (两所小学), the ending stays a body of its own; nor is a body named before one whose
        name ends with its own (阳光小学, then 东方阳光小学: two schools)."""
        fuller = {e.iri: e for e in (lm.entity for lm in context) if e.cls == entity.cls
                  and len(e.label) > len(entity.label) and e.label.endswith(entity.label)}
        return next(iter(fuller.values())) if len(fuller) == 1 else entity

    def _market(self, mentions: list[Mention]) -> str | None:
        """The market outside the mainland whose news the article is: the one of which it names
        ``local_market_insurers`` registry insurers or more by their own names, if any."""
        named = (m.entity for m in mentions if m.kind != "reference")
        return self.registry.market_of(named, self.rules.local_market_insurers, INSURER_CLASSES)

    def _most_named(self, mentions: list[Mention]) -> Entity | None:
        """The firm the article names most often by name (the first named among equals)."""
        named = [e for e in (self._resolve(m, []) for m in mentions if m.kind != "reference")
                 if e is not None and e.cls in _SUBJECT_CLASSES]
        if not named:
            return None
        counts = Counter(e.iri for e in named)
        first = {}
        for at, e in enumerate(named):
            first.setdefault(e.iri, at)
        return max(named, key=lambda e: (counts[e.iri], -first[e.iri]))

    def _written(self, m: Mention, entity: Entity) -> str | None:
        """The whole name the text writes around ``m`` (抗疫·微光专项行动), or the branch's full name
        with its region and unit as a reference writes them (宁波市分公司 names 人保财险宁波市分公司, 宝鸡中支
        新华保险宝鸡中支), when that differs from the label, which drops 市/省 and writes units in full."""
        if m.whole:
            return m.whole
        if (m.kind == "reference" and (m.cls in PUBLIC_CLASSES or m.cls == "Partner") and entity.cls == m.cls
                and fold_name(m.surface) not in self.rules.body_anaphors):  # a bare 协会 is no name of the body
            return m.surface  # 省减灾委办公室, 省青基会: the body of the place named before, as its readers name it
        if entity.cls != "Branch" or not m.region or not m.unit:
            return None
        region = self.rules.region_suffix.sub('', m.region)
        # the label writes the unit in full (宝鸡中心支公司) where the text may write it short (宝鸡中支)
        named = next((n for n in (f"{region}{m.unit}", f"{region}{self.rules.unit_full_forms.get(m.unit, m.unit)}")
                      if entity.label.endswith(n)), None)
        if named is None or m.surface == named or not m.surface.endswith(m.unit):
            return None
        if m.kind != "reference":
            # a word between the insurer and its unit (中国人寿财险的景德镇市中心支公司): the full name
            # is the insurer's and the unit as written
            if not m.parent_surface or m.surface.startswith(m.parent_surface + m.region):
                return None
            at = m.surface.find(m.region, len(m.parent_surface))
            written = entity.label.removesuffix(named) + m.surface[at:] if at > 0 else None
            return written if written != entity.label else None
        return entity.label.removesuffix(named) + m.surface

    # -- entities ---------------------------------------------------------------------------------

    def _registry_entity(self, iri: str) -> Entity:
        return self.registry.entries[iri].entity

    def _insurer_for_branches(self, entity: Entity, unit: str) -> Entity:
        """The insurer that owns the ``unit`` named after ``entity`` (a group may delegate its
        branches to one, but keeps units of its own)."""
        entry = self.registry.entries.get(entity.iri)
        if entry and entry.branch_insurer in self.registry.entries and unit not in self.rules.group_units:
            return self._registry_entity(entry.branch_insurer)
        return entity

    def _branch(self, owner: Entity, region: str, unit: str, cls: str = "Branch", unit_written: bool = True) -> Entity:
        """The unit ``region``+``unit`` of ``owner``: a Branch of an insurer, or a Partner's own unit.
        A unit whose name ends a longer unit's name that the article gives the same insurer at the
        same place is that unit written short: 昆山支公司 beside 昆山中心支公司 is the one branch; and a
        place before the insurer's name with no unit (方城县人保财险) is the one unit the article names
        there with the insurer's name (人保财险方城支公司), whatever its level."""
        region = self.rules.region_suffix.sub("", region)
        if cls == "Branch":
            owner = self._insurer_for_branches(owner, unit)
            owner = self._insurer_named_at(owner, region) or self._insurer_named(owner) or owner
        self._known[owner.iri] = owner
        unit = self.rules.unit_full_forms.get(unit, unit)
        if cls == "Branch" and not unit_written:
            levels = self.rules.place_level_words
            there = {(r, u) for o, r, u in self._units if o == owner.iri and _same_place(r, region, levels)} - {(region, unit)}
            region, unit = there.pop() if len(there) == 1 else (region, unit)
        if cls == "Branch":
            unit = max((u for o, r, u in self._units if o == owner.iri and r == region and u.endswith(unit)),
                       key=len, default=unit)
            # its place written with the province or city before it (四川广元中心支公司, 日照市莒县公司) is the
            # branch the article also names by its own place alone (广元中心支公司): one branch, named so
            region = min((r for o, r, u in self._units if o == owner.iri and u == unit and r
                          and region.endswith(r) and self.rules.higher_place.fullmatch(region[:-len(r)])),
                         key=len, default=region)
        return Entity(entity_iri(cls, owner.iri, region, unit), cls, f"{owner.label}{region}{unit}", parent=owner.iri)

    def _insurer_named_at(self, group: Entity, region: str) -> Entity | None:
        """The one insurer of ``group`` whose branch at ``region`` the article names with the insurer's
        name: the group's unit there is that branch (人保南京公司 beside 人保财险南京市分公司)."""
        return self._one_insurer_of(group, {o for o, r, _ in self._units if r == region})

    def _insurer_named(self, group: Entity) -> Entity | None:
        """The one insurer of ``group`` the article names by its own name, anywhere (中国太保随州支公司 in news of
        太保寿险's work: that insurer's branch, as a reader takes it); None if it names none or several."""
        return self._one_insurer_of(group, self._named_insurers | {o for o, _, _ in self._units})

    def _one_insurer_of(self, group: Entity, iris: set[str]) -> Entity | None:
        """The registry insurer among ``iris`` whose parent is ``group``, when there is exactly one."""
        if group.cls != "InsuranceGroup":
            return None
        found = {iri for iri in iris if iri in self.registry.entries and self._registry_entity(iri).parent == group.iri}
        return self._registry_entity(found.pop()) if len(found) == 1 else None

    def _named_units(self, mentions: list[Mention]) -> set[tuple[str, str, str]]:
        """(insurer, place, unit) of every branch the article names with its insurer's name."""
        out = set()
        for m in mentions:
            if m.cls == "Branch" and m.kind != "reference" and m.unit is not None and not m.entity:
                owner = self._registry_entity(m.parent) if m.parent else self._named("Insurer", m.parent_surface)
                owner = self._insurer_for_branches(owner, m.unit)
                out.add((owner.iri, self.rules.region_suffix.sub("", m.region or ""),
                         self.rules.unit_full_forms.get(m.unit, m.unit)))
        return out

    def _body(self, cls: str, name: str) -> Entity:
        """The registry's entity of ``name``, else a new one of ``cls``: a body named by its place."""
        known = self.registry.lookup(name)
        return known.entity if known else self._named(cls, name)

    def _named(self, cls: str, surface: str) -> Entity:
        label = unquoted(fold_name(surface)).strip()  # 中華聯合 and 中华联合 are one name
        for rule_cls, pattern, template in self.rules.canonical_names:  # 北京监管局 = 北京金融监管局
            found = pattern.match(label) if rule_cls == cls else None
            if found:  # each rule in turn: 十堰市郧西县人民政府 = 郧西县人民政府 = 郧西县政府
                label = template.format(**found.groupdict())
                known = self.registry.lookup(label)
                if known:
                    return known.entity
        return Entity(entity_iri(cls, label), cls, label, parent=self._group_named_in(label) if cls == "Insurer" else None)

    def _group_named_in(self, label: str) -> str | None:
        """The group whose registry name starts the name of an insurer the registry lacks: its
        subsidiary (英杰华人寿 of 英杰华集团). None when the longest registry name there is no group's."""
        for end in range(len(label) - 1, 1, -1):
            entry = self.registry.lookup(label[:end])
            if entry is not None:
                return entry.entity.iri if entry.entity.cls == "InsuranceGroup" else None
        return None

    def _resolve(self, m: Mention, context: list[LinkedMention], via: tuple[str, ...] = ()) -> Entity | None:
        """The entity ``m`` names; ``via``: the names it was reached through (the same thing named in
        full or bare), none of which is gone through twice, so that two names never lead to each other."""
        if m.surface not in via:
            via = (*via, m.surface)
            full = (self._full_form(m) if m.cls == "Product" and m.kind == "pattern"
                    else self._programme_in_full(m) if m.cls == "Initiative" and m.kind == "pattern" else None)
            if full is not None:
                return self._resolve(full, context, via)
            bare = self._bare_name(m) if m.cls in _QUALIFIED_CLASSES and m.kind != "reference" else None
            if bare is not None:
                return self._resolve(bare, context, via)
        if m.entity:
            if self.rules.implied_place.fullmatch(m.surface):  # registry's 市政府 is Shanghai's: unless
                return self._implied_place(m, context) or self._registry_entity(m.entity)  # the text is elsewhere
            return self._registry_entity(m.entity)
        if m.kind == "reference":
            return self._reference(m, context)
        if m.unit is None:
            return self._named(m.cls, m.short_for or m.surface)
        # a unit of a registry organisation, or of one the registry lacks (众诚保险上海分公司)
        owner = (self._registry_entity(m.parent) if m.parent
                 else self._named("Partner" if m.cls == "Partner" else "Insurer", m.parent_surface))
        return self._branch(owner, m.region, m.unit, m.cls, unit_written=m.surface.endswith(m.unit))

    def _full_form(self, m: Mention) -> Mention | None:
        """The same cover named in full in the article: 玉米收入险 is its 玉米收入保险, and a local
        scheme written short by dropping words after its place (大理农房地震保险) is the one named in
        full (大理州政策性农房地震保险)."""
        name = fold_name(m.surface)
        for short, full in self.rules.cover_short_forms:
            if name.endswith(short) and not name.endswith(full):
                whole = name[:-len(short)] + full
                return next((b for b in self._by_surface.get(whole, ()) if b.cls == m.cls), None)
        return (next((b for b in self._by_ends.get((name[:2], name[-3:]), ())
                      if b.cls == m.cls and _abbreviates(name, fold_name(b.surface))), None)
                or self._with_its_kind(m, name))

    def _with_its_kind(self, m: Mention, name: str) -> Mention | None:
        """The same product the article names in full with its kind of cover after its brand: 微医保 of
        微医保·医疗险, a brand with its edition of the brand and its 终身寿险（分红型）. Not a kind, which a
        longer kind qualifies (农业保险 is no 农业保险补充险)."""
        if len(name) < 3 or self.rules.cover_inside.search(name):
            return None
        dots = self.rules.punctuation.title_dots
        for b in self._by_opening.get(name, ()):  # names longer than ``name`` that it opens
            if b.cls != m.cls:
                continue
            rest = fold_name(b.surface)[len(name):].lstrip(dots)
            head = self.rules.product_head.match(rest)
            if head and self.rules.cover_inside.fullmatch(rest[head.end() - 1:]):
                return b
        return None

    def _programme_in_full(self, m: Mention) -> Mention | None:
        """The programme the article names in full that ``m`` names by its last words (泰康之家·福园 …
        福园, 平安支教行动 … 支教行动), by its title before a middle dot or a space (星星点灯·关爱留守儿童公益计划 …
        星星点灯; 金融知识普及月 金融知识进万家 … 金融知识普及月: a campaign and its slogan) or with words left out
        (柳州市乡村振兴碳汇项目 … 柳州乡村振兴碳汇项目): one programme, not two. The
        shortest such name, which resolves in turn to any longer one."""
        name = fold_name(m.surface)
        dots = self.rules.punctuation.title_dots
        longer = [(len(n), n, b) for b in self._programmes for n in (fold_name(b.surface),)
                  if len(n) > len(name) and (n.endswith(name) or _abbreviates(name, n)
                                             or (n.startswith(name) and (n[len(name)] in dots or n[len(name)].isspace())))]
        return min(longer, key=lambda x: (x[0], x[1]))[2] if longer else None

    def _bare_name(self, m: Mention) -> Mention | None:
        """The thing of ``m``'s class that ``m`` qualifies, named bare (or by a registry alias) in the
        same article: 受灾农户, 参保养殖户 and 水产养殖户 are the article's 农户 or 养殖户 described again, as
        政策性生猪价格指数保险 is its 生猪价格指数保险, not things of their own."""
        name = fold_name(m.surface)
        # the shortest name that ends m's; not a kind of cover: 东营惠民保 is that city's product of
        # the kind 惠民保, a product of its own
        found = next(((name[start:], b) for start in range(len(name) - 1, 0, -1)
                      for b in self._by_name.get(name[start:], ())
                      if b.cls == m.cls and not self.registry.kind_of_cover(b.entity)), None)
        if found is None:
            return self._written_otherwise(m, name)
        bare_name, bare = found
        if self._contrasted(m, bare_name):
            return None
        if m.entity and bare.entity and m.entity != bare.entity and bare_name not in self.rules.generic_groups:
            return None  # 新市民, 受灾居民: the registry's groups of their own, not the article's 市民 described again
        # named as the bare name (each step shorter, so resolving it ends): 肉牛养殖户 stands as 养殖户
        return bare if fold_name(bare.surface) == bare_name else replace(bare, surface=bare_name)

    def _written_otherwise(self, m: Mention, name: str) -> Mention | None:
        """The group the article named before ``m`` with the same words and another head that names the
        people of a place (``people_heads``): 受灾村民 after 受灾群众 is that group written again."""
        heads = self.rules.beneficiaries.people_heads
        if m.cls != "BeneficiaryGroup":
            return None
        own = [h for h in heads if name.endswith(h) and len(name) - len(h) >= 2]
        for b in self._qualifiable:
            if b.start >= m.start or b.cls != m.cls:
                continue
            other = fold_name(b.surface)
            if any(other != name and other.endswith(h) and other[:-len(h)] == name[:-len(o)]
                   for o in own for h in heads):
                return b
        return None

    def _names(self, m: Mention) -> set[str]:
        """``m`` as written, and the registry name of what it stands for: 肉牛养殖户 is written for
        养殖户, so 困难养殖户 in the same article is that group described again."""
        names = {fold_name(m.surface)}
        if m.entity in self.registry.entries:
            names.add(fold_name(self.registry.entries[m.entity].entity.label))
        return names

    def _contrasted(self, m: Mention, bare: str) -> bool:
        """Whether ``m`` is one of a list of kinds of the same thing (困难儿童、留守儿童和失亲儿童):
        each names a group of its own, not the article's bare ``bare`` described again."""
        same = sorted((b for b in self._qualifiable if b.sentence == m.sentence and b.cls == m.cls),
                      key=lambda b: b.start)
        run = [m]
        for b in reversed(same):  # the items right before m, each joined by one character (、和及)
            if 0 < run[0].start - b.end <= 1:
                run.insert(0, b)
        for b in same:  # and right after it
            if 0 < b.start - run[-1].end <= 1:
                run.append(b)
        kinds = {fold_name(b.surface) for b in run if fold_name(b.surface).endswith(bare) and fold_name(b.surface) != bare}
        return len(kinds) > 1

    # -- references ---------------------------------------------------------------------------

    def _recent(self, m: Mention, context: list[LinkedMention]):
        """Entities named before ``m``, nearest first, within the reference window."""
        for lm in reversed(context):
            if m.start - lm.mention.end > self.rules.reference_window:
                return
            yield lm.entity

    def _group(self, entity: Entity) -> str | None:
        iri = entity.parent if entity.cls == "Branch" else entity.iri
        return self.registry.group_of(iri) if iri else None

    def _reference(self, m: Mention, context: list[LinkedMention]) -> Entity | None:
        if m.cls == "Product":  # 该产品: the product or initiative just named; 这项巨灾保险: the product whose name ends so
            tail = self.rules.product_tail_anaphor.fullmatch(fold_name(m.surface))
            return next((e for e in self._recent(m, context) if e.cls in ("Product", "Initiative")
                         and (tail is None or (e.cls == "Product" and fold_name(e.label).endswith(tail["tail"])))), None)
        surface = fold_name(m.surface)
        if surface in self.rules.body_anaphors:  # 协会, 行业协会: the association named last whose name ends so
            return next((e for e in self._recent(m, context) if fold_name(e.label).endswith(surface)), None)
        # 省财政厅, 市保险行业协会, 市慈善总会: the body of the province named last; 党委、政府: its committee's
        if m.cls in PUBLIC_CLASSES or self.rules.implied_place.fullmatch(surface):
            if not self.rules.implied_place.fullmatch(surface):
                return self._placed(m, surface, "")
            return self._implied_place(m, context)
        if surface in self.rules.group_anaphors:  # 集团: the group of the insurer named last
            group = next((g for e in self._recent(m, context) if e.cls in INSURER_CLASSES
                          and (g := self._group(e))), None)
            return self.registry.entries[group].entity if group else None
        if surface in self.rules.subject_anaphors:
            return self._lead(m, context)
        if surface in self.rules.latter_anaphors:  # 后者: the organisation named last, in its sentence or the one before
            return next((lm.entity for lm in reversed(context)
                         if lm.mention.sentence >= m.sentence - 1 and lm.entity.cls in ORGANISATION_CLASSES), None)
        recent = [e for e in self._recent(m, context) if e.cls in INSURER_CLASSES]
        if m.line:  # 旗下财险公司: the group's subsidiary in that line of business
            for entity in recent:
                group = self._group(entity)
                if group:
                    found = self.registry.subsidiaries(group, m.line, self._article_market)
                    if len(found) != 1:
                        return None
                    # The kind of firm written bare (财险公司领到483张罚单, 老牌寿险公司) names no firm of
                    # its own: it refers to a group's subsidiary only when the article has named that
                    # subsidiary already, or speaks of the group's firms by their line (旗下财险公司 …
                    # 寿险公司启动).
                    if m.surface in self.registry.generic_names and not any(
                            lm.entity.iri == found[0].entity.iri
                            or (lm.mention.line and lm.mention.surface not in self.registry.generic_names
                                and self._group(lm.entity) == group)
                            for lm in context):
                        return None
                    return found[0].entity
            return None
        if m.cls == "Branch":
            if m.region is None:  # a unit alone (分公司, 中支): the branch just named, if there is one
                branch = next((e for e in recent if e.cls == "Branch"), None)
                if branch is not None or m.unit == self.rules.bare_unit:
                    return branch
            for entity in recent:
                owner = self._owner(entity)
                if owner is not None:
                    return self._earlier_branch(m, owner, context) or self._branch(owner, m.region or "", m.unit)
            return None
        # 公司 is the firm the text is about, not its group a 集团 of the same paragraph named
        return self._subject(m, [lm for lm in context if fold_name(lm.mention.surface) not in self.rules.group_anaphors])

    def _plural(self, m: Mention, context: list[LinkedMention]) -> list[Entity]:
        """What 双方 or 它们 refers to, in text order: the two organisations named last, in one sentence
        (a group, its insurer and their branch being one party: 承保方是中国人寿集团下属的国寿财险天津分公司),
        or the list of organisations named last (A、B，以及C; a count of firms, 三家公司, too), two at least;
        none if the last one named has no other party in its sentence, or is in no list. Nor two that end a longer list (X、Y、A及B
        出席。两家…): 两家 and 双方 name the two parties of a deal, not two of many named together."""
        named: list[LinkedMention] = []
        pair = fold_name(m.surface) in self.rules.pair_anaphors
        for lm in reversed(context):
            if m.start - lm.mention.end > self.rules.reference_window:
                break
            e = lm.entity
            if m.clause_start is not None and lm.mention.start >= m.clause_start:
                continue  # the other party, joined to the list word in its clause
            if named and e.iri == named[-1].entity.iri:  # the item's name before its short one (X（Y）): one item
                named[-1] = lm
                continue
            if len(named) == 2 and pair:  # whether an organisation right before the pair lists it among more
                listed = (e.cls in ORGANISATION_CLASSES and lm.mention.sentence == named[0].mention.sentence
                          and 0 <= named[-1].mention.start - lm.mention.end <= self.rules.list_anaphor_gap)
                return [] if listed else [n.entity for n in reversed(named)]
            if e.cls not in ORGANISATION_CLASSES or any(e.iri == n.entity.iri or self._same_party(e, n.entity)
                                                        for n in named):
                continue
            if named and (lm.mention.sentence != named[0].mention.sentence or (
                    not pair and named[-1].mention.start - lm.mention.end > self.rules.list_anaphor_gap)):
                break  # the pair is named in one sentence; the list ends
            named.append(lm)
        return [lm.entity for lm in reversed(named)] if len(named) >= 2 else []

    def _offer_pair(self, m: Mention, context: list[LinkedMention]) -> list[Entity]:
        """What 这两项保险 refers to, in text order: the two products or programmes named last, within the
        reference window; none when fewer are named."""
        offers: list[Entity] = []
        for e in self._recent(m, context):
            if e.cls in ("Product", "Initiative") and all(e.iri != o.iri for o in offers):
                offers.append(e)
                if len(offers) == 2:
                    return offers[::-1]
        return []

    def _ends_list(self, m: Mention, context: list[LinkedMention]) -> bool:
        """Whether ``m`` comes right after the organisation named last, in its sentence (A、B和C三家公司)."""
        last = context[-1].mention if context else None
        return (last is not None and last.sentence == m.sentence and context[-1].entity.cls in ORGANISATION_CLASSES
                and 0 <= m.start - last.end <= self.rules.list_anaphor_gap)

    @staticmethod
    def _counts(found: list[Entity], counted: re.Match) -> bool:
        """Whether ``found`` are as many as a count of firms (三家险企) says."""
        return len(found) == parse_number(counted["count"])

    def _list_after(self, m: Mention, later: list[LinkedMention]) -> list[Entity]:
        """The first list of two or more insurers named after ``m`` within the reference window (its items
        joined by at most ``list_anaphor_gap`` characters, in one sentence; a group, its insurer and their
        branch being one item), what a count before its list (中标的4家保险公司…) refers to."""
        run: list[LinkedMention] = []
        for lm in later:
            if lm.mention.start < m.end or lm.mention.kind == "reference":
                continue
            if lm.mention.start - m.end > self.rules.reference_window:
                break
            if run and (lm.mention.sentence != run[-1].mention.sentence
                        or lm.mention.start - run[-1].mention.end > self.rules.list_anaphor_gap):
                if len(run) >= 2:
                    break
                run = []
            if lm.entity.cls not in INSURER_CLASSES:
                if len(run) >= 2:
                    break
                run = []
            elif not run or not (lm.entity.iri == run[-1].entity.iri or self._same_party(lm.entity, run[-1].entity)):
                run.append(lm)
            else:
                run[-1] = lm  # the item's name before its short one (X（Y）): one item
        return [lm.entity for lm in run] if len(run) >= 2 else []

    def _lead(self, m: Mention, context: list[LinkedMention]) -> Entity | None:
        """What 它 refers to: the first thing named in its sentence before it, else in the sentence
        before: the subject the sentence goes on about (人保财险宁夏分公司是人保集团旗下机构，它…), not
        the name nearest it. None when that is no firm, product or programme (a body, a group of
        people: 它 is something else), or when the sentence before names nothing (…还是头一回。它…:
        what that sentence is about goes unnamed)."""
        return _first_named(self._lead_sentence(m, context))

    @staticmethod
    def _lead_sentence(m: Mention, context: list[LinkedMention]) -> list[LinkedMention]:
        """What is named before ``m`` in its sentence, else in the sentence before, in text order."""
        named: list[LinkedMention] = []
        for lm in reversed(context):
            if lm.mention.sentence < m.sentence - 1 or (named and lm.mention.sentence != named[-1].mention.sentence):
                break
            named.append(lm)
        return named[::-1]

    def _same_party(self, a: Entity, b: Entity) -> bool:
        """Whether one is the other's group, insurer or branch (two insurers of one group are two)."""
        return b.iri in (a.parent, self._group(a)) or a.iri in (b.parent, self._group(b))

    def _subject(self, m: Mention, context: list[LinkedMention]) -> Entity | None:
        """What 公司 or 该公司 refers to: the insurer its sentence (before it), else the sentence before,
        is about, named first there (X只有两位股东，A占股80%，B占股20%。公司…: X, not B); else the
        insurer named just before it. Unless the article is about a firm of another kind (a
        technology company, a broker) named more often than any other, and named within reach: then
        公司 is that firm, though an insurer that founded or owns it is named in between; not when the
        sentence before is about an insurer and names no such firm (…减持海保人寿。海保人寿本身的经营也不算
        顺利。开业5年，公司…: 海保人寿)."""
        recent = list(self._recent(m, context))
        subject = self._article_subject
        named = self._lead_sentence(m, context)
        lead = _first_named(named)
        if subject is not None and subject.cls not in INSURER_CLASSES and subject in recent:
            if lead is not None and lead.cls in INSURER_CLASSES and subject not in (lm.entity for lm in named):
                return lead
            return subject
        if lead is not None and lead.cls in INSURER_CLASSES:
            return lead
        return next((e for e in recent if e.cls in INSURER_CLASSES), None)

    def _implied_place(self, m: Mention, context: list[LinkedMention]) -> Entity | None:
        """The government body or association ``m`` names without its place (省扶贫办, 市保险行业协会),
        in the last region of its level named before it: a branch's region, or the region a
        regulator's name starts with;
        a county's or district's (县残联) in the county or district of the last body named before it;
        else in the place the text around it or the article names."""
        surface = fold_name(m.surface)  # 縣殘聯 as written is 县残联
        prefix = self.rules.implied_prefix(surface)
        if prefix:  # 团省委: the Youth League's committee of the place the party's 省委 would name
            committee = self._implied_place(replace(m, surface=surface.removeprefix(prefix)), context)
            return committee and self._named(m.cls, prefix + committee.label)
        local = next((lv for lv in self.rules.implied_local_levels if surface.startswith(lv)), None)
        if local is not None:
            return self._implied_local_place(m, surface.removeprefix(local), local, context) or self._placed(m, surface, local)
        level = next(lv for lv in sorted(self.rules.implied_levels, key=len, reverse=True) if surface.startswith(lv))
        for lm in reversed(context):
            if m.start - lm.mention.end > self.rules.reference_window:
                break
            region = lm.mention.region
            if region is None and lm.entity.cls in PUBLIC_CLASSES:
                label = lm.entity.label.removeprefix(self.rules.implied_prefix(lm.entity.label))  # 团广东省委: 广东's
                found = self.rules.region_prefix.match(label)
                city = None if found else self.rules.implied_city_place.match(label)  # 福鼎市委 … 市政府
                region = found.group() if found else city["place"] if city else None
            if region is not None:
                region = self.rules.region_suffix.sub("", region)
                if self.rules.fits_level(region, level):
                    place = _place_as_written(lm.entity.label, region, level, self.rules.implied_full_places)
                    return self._body(m.cls, place + surface[len(level):])
        return (self._named_in_full_after(m, surface, level) or self._named_in_full_anywhere(m, surface, level, context)
                or self._placed(m, surface, level))

    def _placed(self, m: Mention, surface: str, level: str) -> Entity | None:
        """``m`` in the place the text names near it or the article names most (``Mention.place``):
        县财政 in an article about 青阳县, where no body or branch named nearby places it."""
        if m.place is None:
            return None
        name = m.place + surface.removeprefix(level)
        return self._body(m.cls, name)

    def _named_in_full_anywhere(self, m: Mention, surface: str, level: str,
                                context: list[LinkedMention]) -> Entity | None:
        """The one body the article names in full, anywhere before or after ``m``, that ``m`` is written short
        for (a photo credit's 自治区应急厅 before 广西壮族自治区应急管理厅, and the same far after it): what a place
        of its level and its department make, however short (应急厅 = 应急管理厅), is that body."""
        found = {}
        named = [(lm.entity.label, lm.entity) for lm in context if lm.entity.cls == m.cls]
        named += [(fold_name(later.surface), None) for later in self._mentions
                  if later.start >= m.end and later.cls == m.cls and later.kind != "reference"]
        for label, entity in named:
            region = self.rules.region_prefix.match(label)
            place = self.rules.region_suffix.sub("", region.group()) if region else None
            if place is None or not self.rules.fits_level(place, level):
                continue
            written = _place_as_written(label, place, level, self.rules.implied_full_places)
            body = self._body(m.cls, written + surface[len(level):])
            if body.iri == (entity or self._body(m.cls, label)).iri:
                found[body.iri] = body
        return next(iter(found.values())) if len(found) == 1 else None

    def _named_in_full_after(self, m: Mention, surface: str, level: str) -> Entity | None:
        """The same department named in full right after ``m``, with nothing before it to place it
        (a headline's 市民政局与五家承保机构签约, then 宁波市民政局分别与…): that place's."""
        for later in self._mentions:
            if later.start < m.end or later.cls != m.cls or later.kind == "reference":
                continue
            if later.start - m.end > self.rules.reference_window:
                return None
            name = fold_name(later.surface)
            region = self.rules.region_prefix.match(name)
            if region and name.endswith(surface) and self.rules.region_suffix.sub("", name[:-len(surface) + len(level)]) == region.group():
                return self._body(m.cls, name)
        return None

    def _implied_local_place(self, m: Mention, body: str, level: str, context: list[LinkedMention]) -> Entity | None:
        """The county's or district's body ``m`` names without its place (县农业农村局), in the county
        or district of the level whose name the last government body named before it starts with
        (缙云县民政局); None when that body names none."""
        for lm in reversed(context):
            if m.start - lm.mention.end > self.rules.reference_window:
                return None
            if lm.entity.cls in PUBLIC_CLASSES:
                found = self.rules.implied_local_place.match(lm.entity.label)
                if found is not None:
                    if not found["place"].endswith(level):
                        return None
                    name = found["place"] + body
                    return self._body(m.cls, name)
        return None

    def _earlier_branch(self, m: Mention, owner: Entity, context: list[LinkedMention]) -> Entity | None:
        """A branch of ``owner`` (or of its group) named in full earlier: what a bare 上海区域工协 means."""
        if not m.region:
            return None
        named = f"{self.rules.region_suffix.sub('', m.region)}{m.unit}"
        group = self.registry.group_of(owner.iri)
        for lm in reversed(context):
            e = lm.entity
            same_owner = e.parent == owner.iri or (group is not None and self.registry.group_of(e.parent) == group)
            if e.cls == "Branch" and same_owner and e.label.endswith(named):
                return e
        return None

    def _owner(self, entity: Entity) -> Entity | None:
        if entity.cls != "Branch":
            return entity
        if entity.parent in self.registry.entries:
            return self._registry_entity(entity.parent)
        return self._known.get(entity.parent)


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` with words left out after its opening (a place, 大理) and
    before the kind of cover at its end (地震保险): 大理农房地震保险 of 大理州政策性农房地震保险; not a cover
    of another kind (质押融资保险 is no 质押融资保证保险), nor a bare kind (农业保险: too short)."""
    # (a name that ends the full one is its bare name, which _bare_name reads the other way)
    if not (5 <= len(short) < len(full) and short[:2] == full[:2] and short[-3:] == full[-3:]) \
            or full.endswith(short):
        return False
    rest = iter(full)
    return all(c in rest for c in short)  # its characters in the full name's order


def _first_named(named: list[LinkedMention]) -> Entity | None:
    """The first of ``named`` (a sentence's lead, :meth:`Linker._lead_sentence`) when it is a firm, product
    or programme: what 它 or 公司 may refer to."""
    return named[0].entity if named and named[0].entity.cls in _LEAD_CLASSES else None
