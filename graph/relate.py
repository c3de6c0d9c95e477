"""Relate: sentence-level rules that turn linked mentions into facts with evidence."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .namespaces import ORGANISATION_CLASSES
from .records import Entity, Evidence, Fact, LinkedMention, Sentence
from .rules import RelationRule, Rules

# Mentions joined only by these read as one list: 上海银保监局、上海市保险同业公会 …
_LIST_JOINER = re.compile(r"^[、和及与\s“”\"「」]*(以及|及|和|与|、)?[\s“”\"「」]*$")
_OPENING = "“\"「『《（("
_CLOSING = "”\"」』》）)"
_SUBJECT_CLASSES = ORGANISATION_CLASSES - {"Regulator", "IndustryBody"}


def evidence_of(sentence: Sentence) -> Evidence:
    """The evidence record quoting ``sentence``."""
    return Evidence(sentence.doc_id, sentence.text, sentence.start, sentence.end)


class Relator:
    """Applies the relation rules of patterns.toml to each sentence."""

    def __init__(self, rules: Rules):
        self.rules = rules

    def relate(self, sentences: list[Sentence], linked: list[LinkedMention]) -> list[Fact]:
        """Facts stated in the sentences, each with the sentence as its evidence; no duplicates."""
        by_sentence: dict[int, list[LinkedMention]] = {}
        for lm in linked:
            by_sentence.setdefault(lm.mention.sentence, []).append(lm)
        facts: dict[tuple, Fact] = {}
        named_units: set[str] = set()  # branches whose unitOf link this document already states
        topic: Entity | None = None
        paragraph = None
        for s in sentences:
            if s.paragraph != paragraph:
                topic, paragraph = None, s.paragraph
            ms = by_sentence.get(s.index, [])
            for fact in self._sentence(s, ms, topic, named_units):
                facts.setdefault((fact.subject.iri, fact.predicate, fact.object.iri, s.index), fact)
            lead = next((lm.entity for lm in ms if lm.entity.cls in _SUBJECT_CLASSES), None)
            topic = lead or topic
        return list(facts.values())

    def _sentence(self, s: Sentence, ms: list[LinkedMention], topic: Entity | None,
                  named_units: set[str]) -> Iterator[Fact]:
        evidence = evidence_of(s)
        yield from self._branch_links(ms, evidence, named_units)
        clause = [len(self.rules.clause_separators.findall(s.text, 0, lm.mention.start - s.start)) for lm in ms]
        subjects = [lm.entity.cls in _SUBJECT_CLASSES and self._can_be_subject(s, lm) for lm in ms]
        groups = _lists(s, ms, clause)
        for rule in self.rules.relations:
            for first, last in groups:
                members = [lm for lm in ms[first:last + 1] if lm.entity.cls in rule.object]
                if not members or not self._context_matches(rule, s, ms[first], ms[last]):
                    continue
                subject = self._subject(rule, ms, first, last, topic, clause, subjects)
                if subject is None:
                    continue
                for lm in members:
                    if lm.entity.iri != subject.iri:
                        yield Fact(subject, rule.predicate, lm.entity, evidence)
        yield from self._structure(s, ms, evidence)

    def _can_be_subject(self, s: Sentence, lm: LinkedMention) -> bool:
        """False when the mention sits inside a 为/向/与… phrase of its clause."""
        before = s.text[:lm.mention.start - s.start]
        clause_start = max(before.rfind(c) for c in "，,；;：:") + 1
        return not self.rules.subject_blockers.search(before[clause_start:])

    def _branch_links(self, ms: list[LinkedMention], evidence: Evidence, named_units: set[str]) -> Iterator[Fact]:
        """A branch named in the text is a unit of the insurer its name contains (stated once per article)."""
        for lm in ms:
            e = lm.entity
            if (e.cls == "Branch" and not e.from_registry and e.parent and lm.mention.kind != "reference"
                    and e.iri not in named_units):
                named_units.add(e.iri)
                owner = Entity(e.parent, "Insurer", "", from_registry=True)  # only its IRI is used
                yield Fact(e, "unitOf", owner, evidence)

    def _context_matches(self, rule: RelationRule, s: Sentence, first: LinkedMention,
                         last: LinkedMention) -> bool:
        before = s.text[:first.mention.start - s.start].rstrip(_OPENING)
        after = s.text[last.mention.end - s.start:].lstrip(_CLOSING)
        if rule.before and not rule.before.search(before):
            return False
        if rule.after and not rule.after.search(after):
            return False
        return not (rule.exclude_before and rule.exclude_before.search(before))

    def _subject(self, rule: RelationRule, ms: list[LinkedMention], first: int, last: int,
                 topic: Entity | None, clause: list[int], subjects: list[bool]) -> Entity | None:
        """The subject of a rule's object ms[first..last], searched in the rule's order.

        Organisations must be able to head their clause (``subjects``); products and initiatives
        (the subjects of ``targets``) are taken from the object's own clause.
        """
        def ok(i: int) -> bool:
            lm = ms[i]
            if lm.entity.cls not in rule.subject:
                return False
            return subjects[i] if lm.entity.cls in _SUBJECT_CLASSES else clause[i] == clause[first]

        for way in rule.subject_search:
            if way == "before":
                found = next((ms[i] for i in range(first - 1, -1, -1) if ok(i)), None)
            elif way == "after":
                found = next((ms[i] for i in range(last + 1, len(ms)) if ok(i)), None)
            elif way == "nearest":
                candidates = [(first - i, ms[i]) for i in range(first) if ok(i)]
                candidates += [(i - last, ms[i]) for i in range(last + 1, len(ms)) if ok(i)]
                found = min(candidates, key=lambda c: c[0])[1] if candidates else None
            else:  # topic
                return topic if topic is not None and topic.cls in rule.subject else None
            if found is not None:
                return found.entity
        return None

    def _structure(self, s: Sentence, ms: list[LinkedMention], evidence: Evidence) -> Iterator[Fact]:
        """X旗下Y: Y belongs to (or is offered by) X."""
        r = self.rules
        for owner, owned in zip(ms, ms[1:]):
            between = s.text[owner.mention.end - s.start:owned.mention.start - s.start].rstrip(_OPENING)
            predicate = r.structure_predicate.get(owned.entity.cls)
            if predicate and owner.entity.cls in r.structure_owner and r.structure_between.search(between):
                if predicate == "provides":
                    yield Fact(owner.entity, predicate, owned.entity, evidence)
                elif owned.entity.iri != owner.entity.iri:
                    yield Fact(owned.entity, predicate, owner.entity, evidence)


def _lists(s: Sentence, ms: list[LinkedMention], clause: list[int]) -> list[tuple[int, int]]:
    """Index ranges of mentions that form one list (A、B和C) within a clause, singletons included."""
    groups: list[tuple[int, int]] = []
    for i, lm in enumerate(ms):
        if groups:
            first, last = groups[-1]
            gap = s.text[ms[last].mention.end - s.start:lm.mention.start - s.start]
            if _LIST_JOINER.match(gap) and ms[last].entity.cls == lm.entity.cls and clause[last] == clause[i]:
                groups[-1] = (first, i)
                continue
        groups.append((i, i))
    return groups
