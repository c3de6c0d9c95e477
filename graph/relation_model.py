"""Relation model: a maximum-entropy classifier that adds the relations the rules miss.

A candidate is a pair of linked mentions of one sentence whose classes fit a relation's subject and
object (``relations.toml`` lists them: the classes ANNOTATION.md relates, as the rules' ``stated_for``),
or the paragraph's organisation (the topic) with an object of a sentence that names no organisation.
Its features are the two classes, the words between and around the two mentions, their order and
distance, the punctuation and other organisations between them, whether the object is quoted, and
the trigger words of its clause. python-crfsuite, fed one-item sequences, is logistic regression:
the model gives each candidate the probability that the sentence states it.

:func:`added` turns the candidates the rules missed whose probability reaches ``threshold`` into
facts. The model (``relations.crfsuite``) and its settings live in ``ontology/learned/``; this module
knows nothing of the pipeline or of gold files.
"""
from __future__ import annotations

import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from .errors import IkgError
from .learned import CrfFile, train_into, trigger_occurrences
from .namespaces import ORGANISATION_CLASSES, PUBLIC_CLASSES, SYMMETRIC
from .records import Entity, Evidence, Fact, LinkedMention, Sentence
from .rules import Table

MODEL_FILE = "relations.crfsuite"
CONFIG_FILE = "relations.toml"
YES, NO = "1", "0"  # the two labels: stated, not stated
# Relations whose object a clause gives one subject (A推出X): see :func:`added`.
ONE_SUBJECT = frozenset({"provides", "targets"})

# The paragraph's organisation: the first firm a sentence names (public bodies guide, they are no topic).
_TOPIC_CLASSES = ORGANISATION_CLASSES - PUBLIC_CLASSES


@dataclass(frozen=True)
class RelationConfig:
    """What ``relations.toml`` says."""

    enabled: bool  # on in a default build; off, it runs only when asked for (--enable learned_relations)
    threshold: float  # the probability from which a candidate the rules missed is added
    subjects: dict[str, frozenset[str]]  # predicate -> classes of its subject
    objects: dict[str, frozenset[str]]  # predicate -> classes of its object
    triggers: tuple[str, ...]
    blockers: tuple[str, ...]  # words before a mention in its clause that keep it from being the subject
    clause_marks: str
    opening: str
    window: int  # tokens of context read on each side
    training: dict[str, float | int]


def enabled_by_default(folder: Path) -> bool:
    """Whether ``relations.toml`` in ``folder`` switches the relation model on in a default build."""
    path = Path(folder) / CONFIG_FILE
    return path.is_file() and load_config(path).enabled


def load_config(path: Path) -> RelationConfig:
    """Read ``relations.toml``; a mistake in it is one :class:`IkgError` naming the file and the key."""
    try:
        root = Table(tomllib.loads(Path(path).read_text(encoding="utf-8")), Path(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IkgError(f"{path}: {exc}") from None
    relations = root.table("relation")
    subjects, objects = {}, {}
    for predicate in relations.data:
        r = relations.table(predicate)
        subjects[predicate] = frozenset(r.words("subject"))
        objects[predicate] = frozenset(r.words("object"))
    training = root.table("training")
    return RelationConfig(
        enabled=root.get("enabled", bool), threshold=float(root.get("threshold", (int, float))),
        subjects=subjects, objects=objects,
        triggers=tuple(sorted(set(root.words("triggers")), key=lambda w: (-len(w), w))),
        blockers=tuple(root.words("blockers")), clause_marks=root.get("clause_marks", str),
        opening=root.get("opening", str), window=root.get("window", int),
        training={"c1": float(training.get("c1", (int, float))), "c2": float(training.get("c2", (int, float))),
                  "max_iterations": training.get("max_iterations", int)})


@dataclass(frozen=True)
class Candidate:
    """A relation a sentence may state, with the features the model reads it by."""

    sentence: Sentence
    subject: Entity
    predicate: str
    object: Entity
    features: tuple[str, ...]

    @property
    def key(self) -> tuple:
        """The relation it would state (either way round when symmetric)."""
        return fact_key(self.subject.iri, self.predicate, self.object.iri)


def fact_key(subject: str, predicate: str, obj: str) -> tuple:
    """A relation between two entities, the same either way round when it is symmetric."""
    ends = tuple(sorted((subject, obj))) if predicate in SYMMETRIC else (subject, obj)
    return (predicate, *ends)


def _bucket(n: int) -> str:
    for limit in (0, 2, 5, 10, 20, 40):
        if n <= limit:
            return str(limit)
    return "more"


class _SentenceView:
    """A sentence's words and clauses, for the features of its candidates.

    Its candidates (every pair of its mentions, for every relation they may hold) ask about the
    same few offsets again and again: the words before and after them and the triggers of their
    clauses are looked up from what is computed once per sentence, and remembered."""

    def __init__(self, s: Sentence, ms: list[LinkedMention], config: RelationConfig):
        self.s, self.ms, self.config = s, ms, config
        self.spans = [(lm.mention.start - s.start, lm.mention.end - s.start) for lm in ms]  # of ``ms``
        self.words = [(t.start - s.start, t.end - s.start, t.text) for t in s.tokens if t.text.strip()]
        text = s.norm or s.text
        self.text = text
        marks = frozenset(config.clause_marks)
        self._marks_before = list(accumulate(map(marks.__contains__, text), initial=0))  # clause marks before each offset
        self.clause_of = self._marks_before[:-1] if text else []  # clause number of each character
        self.pairs: dict[tuple, tuple] = {}  # _pair_features of the pairs asked about so far
        self.blockers = frozenset(config.blockers)
        self._text_of = [w for _, _, w in self.words]
        self._starts = [x for x, _, _ in self.words]
        self._ends = [y for _, y, _ in self.words]
        # Words in text order (the Tokenizer contract): the words before an offset are a prefix of
        # them, those after it a suffix, and those between two offsets a slice.
        # a walk within a clause stops at a word that holds a clause mark
        self._marked = [k for k, w in enumerate(self._text_of) if not marks.isdisjoint(w)]
        self._occurrences: list[tuple[int, int, str]] | None = None
        self._triggers: dict[tuple[int, int], list[str]] = {}
        self._before: dict[tuple[int, int, bool], list[str]] = {}

    def span(self, lm: LinkedMention) -> tuple[int, int]:
        return lm.mention.start - self.s.start, lm.mention.end - self.s.start

    def words_in(self, a: int, b: int) -> list[str]:
        return self._text_of[bisect_left(self._starts, a):bisect_right(self._ends, b)]

    def before(self, a: int, n: int, clause: bool = True) -> list[str]:
        """The ``n`` words before offset ``a``, nearest first (within its clause when ``clause``)."""
        key = (a, n, clause)
        out = self._before.get(key)
        if out is None:
            j = bisect_right(self._ends, a)  # the words ending at or before a: words[:j]
            lo = max(j - n, 0) if n > 0 else 0  # (n = 0 takes all)
            if clause:  # after the last marked word before words[j]
                k = bisect_left(self._marked, j)
                lo = max(lo, self._marked[k - 1] + 1 if k else 0)
            out = self._text_of[lo:j][::-1]
            self._before[key] = out
        return out

    def after(self, b: int, n: int, clause: bool = True) -> list[str]:
        """The ``n`` words after offset ``b``, nearest first (within its clause when ``clause``)."""
        i = bisect_left(self._starts, b)  # the words starting at or after b: words[i:]
        hi = min(i + n, len(self.words)) if n > 0 else len(self.words)
        if clause:  # before the first marked word from words[i] on
            k = bisect_left(self._marked, i)
            if k < len(self._marked):
                hi = min(hi, self._marked[k])
        return self._text_of[i:hi]

    def marks_in(self, a: int, b: int) -> int:
        """How many clause marks the text from offset ``a`` to ``b`` holds."""
        return self._marks_before[b] - self._marks_before[a] if a < b else 0

    def clause_span(self, at: int) -> tuple[int, int]:
        """The offsets of the clause holding offset ``at`` (a clause ends with its mark)."""
        if not self.text:
            return 0, 0
        c = self.clause_of[min(at, len(self.text) - 1)]
        start = bisect_left(self.clause_of, c)
        return start, bisect_right(self.clause_of, c, start)

    def triggers(self, a: int, b: int) -> list[str]:
        """The triggers in the text from offset ``a`` to ``b``: longest first, each where no longer
        one (or an earlier one of its length) already stands (面向 hides its 向)."""
        b = max(a, b)  # the text between two overlapping mentions is empty
        found = self._triggers.get((a, b))
        if found is None:
            if self._occurrences is None:
                triggers = self.config.triggers
                self._occurrences = [(start, start + len(triggers[rank]), triggers[rank])
                                     for rank, start in trigger_occurrences(self.text, triggers)]
            found, taken = [], bytearray(max(len(self.text), b))
            for start, end, t in self._occurrences:
                if a <= start and end <= b and taken.find(1, start, end) < 0:
                    found.append(t)
                    taken[start:end] = b"\x01" * (end - start)
            self._triggers[(a, b)] = found
        return found

    def blocked(self, a: int) -> bool:
        """Whether a blocker word stands between the clause start and offset ``a`` (为…, 与…)."""
        return not self.blockers.isdisjoint(self.before(a, 50))


def _features(view: _SentenceView, p: str, subject: LinkedMention | None, topic: Entity | None,
              obj: LinkedMention) -> tuple[str, ...]:
    """The features of one candidate: ``subject`` is a mention of the sentence, or None with ``topic``.

    All but one (rivals) mean the same for every relation a pair of mentions may hold: they are
    computed once per pair (:func:`_pair_features`) and given each relation's prefix."""
    key = (id(subject), id(topic), id(obj))
    pair = view.pairs.get(key)
    if pair is None:
        pair = view.pairs[key] = _pair_features(view, subject, topic, obj)
    body, shared, rival_classes, after_rivals = pair
    if rival_classes is not None:
        subjects = view.config.subjects[p]
        shared = [*shared, f"rivals={min(sum(c in subjects for c in rival_classes), 2)}", *after_rivals]
    prefix = p + "|"
    return tuple(dict.fromkeys([f"p={p}", *[prefix + x for x in body], *shared, *[prefix + x for x in shared]]))


def _pair_features(view: _SentenceView, subject: LinkedMention | None, topic: Entity | None, obj: LinkedMention):
    """What :func:`_features` gives every relation of a pair: the features to prefix, the shared
    ones before the rivals, the classes of the mentions that may be rivals (None without a subject
    mention) and the shared ones after the rivals."""
    w = view.config.window
    s_cls = subject.entity.cls if subject else topic.cls
    oa, ob = view.span(obj)
    f = [f"sc={s_cls}", f"oc={obj.entity.cls}", f"sc_oc={s_cls}_{obj.entity.cls}"]
    shared = []  # features that mean the same for every relation: also given unprefixed
    f += [f"ob={x}" for x in view.before(oa, w)] + [f"oa={x}" for x in view.after(ob, w)]
    f += [f"ob1={x}" for x in view.before(oa, 1)] + [f"oa1={x}" for x in view.after(ob, 1)]
    f += [f"otrig={t}" for t in view.triggers(*view.clause_span(oa))]
    if oa > 0 and view.text[oa - 1] in view.config.opening:
        shared.append("oquoted")
    if subject is None:
        shared += ["topic", *(["oblocked"] if view.blocked(oa) else [])]
        if any(m.entity.cls in ORGANISATION_CLASSES and ma < oa and view.clause_of[ma] == view.clause_of[oa]
               for m, (ma, _) in zip(view.ms, view.spans)):
            shared.append("org_in_oclause")
        f += [f"tb={x}" for x in view.before(oa, 2 * w, clause=False)]
        return f, shared, None, []
    sa, sb = view.span(subject)
    first, second = (subject, obj) if sa < oa else (obj, subject)
    fa, fb = view.span(first)
    la, lb = view.span(second)
    order = "so" if first is subject else "os"
    distance = max(la - fb, 0)  # the length of the text between them
    words = view.words_in(fb, la)
    shared += [f"ord={order}", f"dist={_bucket(distance)}", f"nwords={_bucket(len(words))}",
               f"commas={min(view.marks_in(fb, la), 3)}"]
    if view.blocked(sa):
        shared.append("sblocked")
    if not view.before(sa, 1):
        shared.append("sclausestart")
    others = [m for m, (ma, mb) in zip(view.ms, view.spans) if fb <= ma and mb <= la]
    if any(m.entity.cls in ORGANISATION_CLASSES for m in others):
        shared.append("org_between")
    if any(m.entity.cls == obj.entity.cls for m in others):
        shared.append("sameclass_between")
    if view.ms and view.ms[0] is subject:
        shared.append("sfirst")
    # competition: how many mentions of the subject's kind stand nearer the object on its side
    rivals = [m.entity.cls for m, (ma, _) in zip(view.ms, view.spans)
              if m is not subject and m.entity.iri != obj.entity.iri and (sa < ma < oa if sa < oa else ob <= ma < sa)]
    clauses = view.clause_of[oa] - view.clause_of[sa] if view.text else 0
    f += [f"ord={order}", f"dist={_bucket(distance)}"]
    f += [f"bw={x}" for x in words] + [f"{order}|bw={x}" for x in words[:3] + words[-3:]]
    f += [f"btrig={t}" for t in view.triggers(fb, la)]
    f += [f"lw={x}" for x in view.before(fa, w)] + [f"rw={x}" for x in view.after(lb, w)]
    f += [f"sb1={x}" for x in view.before(sa, 1)] + [f"sa1={x}" for x in view.after(sb, 1)]
    return f, shared, rivals, [f"clausegap={max(min(clauses, 2), -2)}"]


def candidates(sentences: Sequence[Sentence], linked: Iterable[LinkedMention],
               config: RelationConfig) -> list[Candidate]:
    """Every candidate relation of the sentences: mention pairs of one sentence, and the topic with
    the objects of a sentence that names no organisation of the relation's subject classes."""
    by_sentence: dict[int, list[LinkedMention]] = {}
    for lm in linked:
        by_sentence.setdefault(lm.mention.sentence, []).append(lm)
    out: list[Candidate] = []
    topic: Entity | None = None
    paragraph = None
    for s in sentences:
        if s.paragraph != paragraph:
            topic, paragraph = None, s.paragraph
        ms = sorted(by_sentence.get(s.index, []), key=lambda lm: lm.mention.start)
        if ms:
            view = None  # made for the first candidate: most sentences have none
            seen: set[tuple] = set()
            for p in config.subjects:
                subj = [lm for lm in ms if lm.entity.cls in config.subjects[p]]
                for o in (lm for lm in ms if lm.entity.cls in config.objects[p]):
                    # the nearest mention of each subject entity speaks for it
                    nearest: dict[str, LinkedMention] = {}
                    for sm in subj:
                        if sm.entity.iri == o.entity.iri or (sm.entity.parent == o.entity.iri
                                                              or o.entity.parent == sm.entity.iri):
                            continue
                        kept = nearest.get(sm.entity.iri)
                        if kept is None or abs(sm.mention.start - o.mention.start) < abs(
                                kept.mention.start - o.mention.start):
                            nearest[sm.entity.iri] = sm
                    # (a relation already a candidate keeps its first: the features of another are not computed)
                    for sm in nearest.values():
                        key = fact_key(sm.entity.iri, p, o.entity.iri)
                        if key not in seen:
                            seen.add(key)
                            view = view or _SentenceView(s, ms, config)
                            out.append(Candidate(s, sm.entity, p, o.entity, _features(view, p, sm, None, o)))
                    if topic is not None and not subj and topic.cls in config.subjects[p] \
                            and topic.iri != o.entity.iri:
                        key = fact_key(topic.iri, p, o.entity.iri)
                        if key not in seen:
                            seen.add(key)
                            view = view or _SentenceView(s, ms, config)
                            out.append(Candidate(s, topic, p, o.entity, _features(view, p, None, topic, o)))
        topic = next((lm.entity for lm in ms if lm.entity.cls in _TOPIC_CLASSES), topic)
    return out


class RelationModel:
    """A trained classifier and its settings."""

    def __init__(self, config: RelationConfig, model_path: Path):
        self.config = config
        self.model_path = model_path
        self._crf = CrfFile(model_path, "ikg train --relations")

    @classmethod
    def load(cls, folder: Path) -> "RelationModel | None":
        """The model in ``folder`` (``ontology/learned``), or None when none has been trained."""
        model = Path(folder) / MODEL_FILE
        if not model.is_file():
            return None
        return cls(load_config(Path(folder) / CONFIG_FILE), model)

    def probabilities(self, cands: Sequence[Candidate]) -> list[float]:
        """The probability that each candidate is stated by its sentence."""
        tagger = self._crf.tagger()
        out = []
        for c in cands:
            tagger.set([list(c.features)])
            out.append(tagger.marginal(YES, 0))
        return out

    def facts(self, sentences: Sequence[Sentence], linked: Iterable[LinkedMention], known: Iterable[Fact],
              dates: dict[int, str | None], predicates: Iterable[str]) -> list[Fact]:
        """The facts of ``predicates`` the sentences state by the model that ``known`` (the rules')
        lacks; ``dates`` gives each sentence's date (by index), as the rules' facts carry it."""
        wanted = set(predicates)
        cands = [c for c in candidates(sentences, linked, self.config) if c.predicate in wanted]
        return added(known, cands, self.probabilities(cands), self.config.threshold, dates)


def added(known: Iterable[Fact], cands: Sequence[Candidate], probs: Sequence[float], threshold: float,
          dates: dict[int, str | None] | None = None) -> list[Fact]:
    """The candidates whose probability is at least ``threshold`` and whose relation ``known`` does
    not state, as facts: each relation once, with its likeliest sentence as evidence.

    Where a rule gave a product or programme its provider, or a group the cover meant for it, in a
    sentence, the model adds no second one there (A推出X；B上线Y: not B推出X): the rules read the
    clauses, the model only the words between.
    """
    known = list(known)
    have = {fact_key(f.subject.iri, f.predicate, f.object.iri) for f in known}
    ruled = {(f.predicate, f.object.iri, f.evidence.doc_id, f.evidence.start) for f in known
             if f.evidence is not None and f.predicate in ONE_SUBJECT}
    best: dict[tuple, tuple[Candidate, float]] = {}
    for c, p in zip(cands, probs):
        if (c.predicate, c.object.iri, c.sentence.doc_id, c.sentence.start) in ruled:
            continue
        if p >= threshold and c.key not in have and (c.key not in best or p > best[c.key][1]):
            best[c.key] = (c, p)
    return [Fact(c.subject, c.predicate, c.object, Evidence(c.sentence.doc_id, c.sentence.text, c.sentence.start,
                                                            c.sentence.end), (dates or {}).get(c.sentence.index))
            for c, _ in best.values()]


def train(examples: Iterable[tuple[Sequence[str], bool]], config: RelationConfig, path: Path) -> int:
    """Train the classifier on (features, stated?) pairs and write it to ``path`` atomically; returns
    the number of examples. Deterministic: fixed parameters, examples in the given order."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(dict(config.training))
    count = positives = 0
    for features, stated in examples:
        trainer.append([list(features)], [YES if stated else NO])
        count += 1
        positives += bool(stated)
    if not positives or positives == count:
        raise IkgError("relation training needs both stated and unstated candidates; found "
                       f"{positives} of {count} stated")
    train_into(trainer, Path(path))
    return count
