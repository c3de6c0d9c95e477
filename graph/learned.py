"""Learned: a character-level CRF that tags names no list has (products, initiatives, groups, partners).

Each character of a sentence gets a BIO tag per entity class (``B-Product``, ``I-Product``, ``O``)
from features of the character and its context: the characters around it, jieba's word and
part-of-speech tag holding it, whether it is inside quotes or inside a registry alias, and the
trigger words near it. The model (python-crfsuite) and its settings live in ``ontology/learned/``;
this module only computes features, tags and trains, and knows nothing of the pipeline.
"""
from __future__ import annotations

import functools
import os
import tempfile
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from .errors import IkgError
from .rules import Table

LEARNED_DIR = "learned"  # inside the ontology folder
MODEL_FILE = "model.crfsuite"
CONFIG_FILE = "learned.toml"
OUTSIDE = "O"

_PAD_BEFORE, _PAD_AFTER = "<s>", "</s>"

# The feature groups a model may read (``features`` in learned.toml); see :func:`features`.
FEATURE_GROUPS = ("chars", "far_chars", "bigrams", "far_bigrams", "kind", "word", "word_place", "pos",
                  "word_shape", "quotes", "alias", "triggers", "suffixes", "runs")
DEFAULT_FEATURES = ("chars", "far_chars", "bigrams", "far_bigrams", "kind", "word", "word_place", "pos", "quotes",
                    "alias", "triggers")


@dataclass(frozen=True)
class LearnedConfig:
    """What ``learned.toml`` says: the classes the model speaks for, its filters, its trigger words
    and the fixed training parameters."""

    enabled: bool  # on in a default build; off, it runs only when asked for (ikg eval --enable learned)
    classes: frozenset[str]
    min_length: int
    min_confidence: float
    trigger_window: int
    triggers: tuple[str, ...]
    training: dict[str, float | int]
    features: frozenset[str] = frozenset(DEFAULT_FEATURES)  # which feature groups the model reads
    suffixes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (group, its head-noun endings, longest first)
    suffix_window: int = 8  # how far ahead of a character an ending is seen (within one run of text)
    on_word_boundaries: bool = False  # drop a proposed name that starts or ends inside a jieba word
    other_label: str = ""  # train names of the classes it does not speak for as this one class ("": as they are)

    @property
    def needs_pos(self) -> bool:
        """Whether the model reads part-of-speech tags (a second, slower jieba pass over the sentence)."""
        return "pos" in self.features


def enabled_by_default(folder: Path) -> bool:
    """Whether ``learned.toml`` in ``folder`` switches the learned recogniser on in a default build."""
    path = Path(folder) / CONFIG_FILE
    return path.is_file() and load_config(path).enabled


def load_config(path: Path) -> LearnedConfig:
    """Read ``learned.toml``; a mistake in it is one :class:`IkgError` naming the file and the key."""
    try:
        root = Table(tomllib.loads(path.read_text(encoding="utf-8")), path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IkgError(f"{path}: {exc}") from None
    training = root.table("training")
    groups = root.words("features") if "features" in root.data else list(DEFAULT_FEATURES)
    unknown = sorted(set(groups) - set(FEATURE_GROUPS))
    if unknown:
        raise IkgError(f"{path}: [features]: unknown feature group {unknown[0]!r}; choose from {', '.join(FEATURE_GROUPS)}")
    suffixes = root.table("suffixes") if "suffixes" in root.data else None
    return LearnedConfig(
        enabled=root.get("enabled", bool),
        classes=frozenset(root.words("classes")),
        min_length=root.get("min_length", int),
        min_confidence=float(root.get("min_confidence", (int, float))),
        trigger_window=root.get("trigger_window", int),
        # Longest first, so that a feature names the whole trigger (面向, not 向).
        triggers=tuple(sorted(set(root.words("triggers")), key=lambda w: (-len(w), w))),
        training={"c1": float(training.get("c1", (int, float))), "c2": float(training.get("c2", (int, float))),
                  "max_iterations": training.get("max_iterations", int)},
        features=frozenset(groups),
        suffixes=tuple((group, tuple(sorted(set(suffixes.words(group)), key=lambda w: (-len(w), w))))
                       for group in sorted(suffixes.data)) if suffixes else (),
        suffix_window=root.get("suffix_window", int, 8),
        on_word_boundaries=root.get("on_word_boundaries", bool, False),
        other_label=root.get("other_label", str, ""),
    )


@dataclass(frozen=True)
class SentenceInput:
    """One sentence as the model reads it: its (folded) text and what other stages know about it."""

    text: str
    words: Sequence[tuple[str, str]]  # (word, part-of-speech tag), covering the text in order
    quotes: Sequence[tuple[int, int]]  # spans inside quote marks
    aliases: Sequence[tuple[int, int, str]]  # registry alias matches: (start, end, class)


def _kind(ch: str) -> str:
    kind = _KINDS.get(ch)
    if kind is None:
        if unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH"):
            kind = "han"
        elif ch.isdigit():
            kind = "digit"
        elif ch.isascii() and ch.isalpha():
            kind = "latin"
        else:
            kind = "space" if ch.isspace() else "mark"
        _KINDS[ch] = kind
    return kind


# A character's kind, once per character: looking its name up was a tenth of the model's time.
_KINDS: dict[str, str] = {}
_KIND_FEATURES: dict[str, str] = {}  # and its feature string


def _kind_feature(ch: str) -> str:
    feature = _KIND_FEATURES[ch] = "k=" + _kind(ch)
    return feature


def _word_positions(s: SentenceInput) -> list[tuple[str, str, str]]:
    """For every character: its place in its word (B/M/E/S), the word's tag and the word."""
    out: list[tuple[str, str, str]] = []
    for word, tag in s.words:
        n = len(word)
        if n == 1:
            out.append(("S", tag, word))
        elif n > 1:
            out += [("B", tag, word), *[("M", tag, word)] * (n - 2), ("E", tag, word)]
    # A tagger that drops or changes characters must not shift every later feature: pad or cut.
    return (out + [("S", "x", "")] * len(s.text))[:len(s.text)]


def _marks(length: int, spans: Iterable[tuple[int, int]]) -> list[bool]:
    inside = [False] * length
    for a, b in spans:
        inside[a:b] = [True] * (b - a)
    return inside


def _bucket(d: int) -> str:
    return "1" if d <= 1 else "2" if d == 2 else "4" if d <= 4 else "8"


def _runs(text: str) -> list[tuple[int, int]]:
    """For every character: the start and end of its run, the stretch of name characters (han,
    latin, digits, ·) around it that no mark or space breaks; a mark is a run of its own."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        if _in_name(text[i]):
            while j < n and _in_name(text[j]):
                j += 1
        out += [(i, j)] * (j - i)
        i = j
    return out


def _in_name(ch: str) -> bool:
    return ch in "\u00b7\u2022\u30fb" or _kind(ch) in ("han", "digit", "latin")


def features(s: SentenceInput, config: LearnedConfig) -> list[list[str]]:
    """The feature strings of every character of ``s`` (crfsuite's item sequence), of the groups
    ``config.features`` names:

    chars / far_chars: the character and its neighbours at ±1 / ±2; bigrams / far_bigrams: the
    pairs it is in / the pairs beside them; kind: han, digit, latin, mark; word: the jieba word
    holding it (up to four characters); word_place: its place in that word (B/M/E/S); pos: the word's
    part-of-speech tag, alone and with jieba's part-of-speech tag); word_shape: the word's first and last character and length, and the last
    character of the next word; quotes, alias: inside quote marks, inside a registry alias (and its
    class); triggers: trigger words ending shortly before it or starting shortly after it;
    suffixes: a head-noun ending of a group (…险, …计划, …户) at it, or ending a few characters
    ahead of it in the same run; runs: the marks that open and close its run of name characters
    (、 “ 《 ，) and where in the run it stands.
    """
    text, n, on = s.text, len(s.text), config.features
    chars = list(text)
    padded = [_PAD_BEFORE] * 2 + chars + [_PAD_AFTER] * 2
    before1, after1 = padded[1:n + 1], padded[3:n + 3]  # the neighbours at -1 and +1 of every character
    # Built a group at a time over the whole sentence rather than a character at a time (a third of
    # the time); each character's features keep the order the model was trained with.
    columns: list[list[str]] = [["bias"] * n]
    if "chars" in on:
        columns += [["c=" + c for c in chars], ["c-1=" + c for c in before1], ["c+1=" + c for c in after1]]
    if "far_chars" in on:
        columns += [["c-2=" + c for c in padded[:n]], ["c+2=" + c for c in padded[4:n + 4]]]
    if "bigrams" in on:
        columns += [[f"b-1={a}{c}" for a, c in zip(before1, chars)], [f"b+1={c}{b}" for c, b in zip(chars, after1)]]
    if "far_bigrams" in on:
        columns += [[f"b-2={a}{b}" for a, b in zip(padded[:n], before1)],
                    [f"b+2={a}{b}" for a, b in zip(after1, padded[4:n + 4])]]
    if "kind" in on:
        columns.append([_KIND_FEATURES.get(c) or _kind_feature(c) for c in chars])
    words = _word_positions(s) if on & {"word", "word_place", "word_shape"} else []
    if "word_place" in on:
        columns.append(["wp=" + place for place, _, _ in words])
    if "pos" in on and words:  # a tag is read only with the words that carry it
        columns += [["pos=" + tag for _, tag, _ in words], [f"wp_pos={place}{tag}" for place, tag, _ in words]]
    seq = [list(row) for row in zip(*columns)]
    if "word" in on:
        for f, (_, _, word) in zip(seq, words):
            if len(word) <= 4:
                f.append(f"w={word}")
    if "word_shape" in on:
        next_word_last = [""] * n
        for i in range(n - 2, -1, -1):
            next_word_last[i] = words[i + 1][2][-1:] if words[i][0] in ("E", "S") else next_word_last[i + 1]
        for f, (place, _, word), last in zip(seq, words, next_word_last):
            f += [f"wf={word[:1]}", f"wl={word[-1:]}", f"wn={min(len(word), 5)}", f"wl_wp={word[-1:]}{place}",
                  f"nwl={last}"]
    if "quotes" in on:
        for f, inside in zip(seq, _marks(n, s.quotes)):
            if inside:
                f.append("quoted")
    if "alias" in on:
        alias_class = [""] * n
        for a, b, cls in s.aliases:
            for i in range(a, b):
                alias_class[i] = alias_class[i] or cls
        for f, cls in zip(seq, alias_class):
            if cls:
                f.append(f"alias={cls}")
    if "triggers" in on:
        _add_triggers(seq, text, config)
    if "suffixes" in on:
        for f, extra in zip(seq, _suffix_features(text, config)):
            f += extra
    if "runs" in on:
        for i, (f, (a, b)) in enumerate(zip(seq, _runs(text))):
            f += [f"ro={text[a - 1] if a else _PAD_BEFORE}", f"rc={text[b] if b < n else _PAD_AFTER}",
                  f"rpos={_bucket(i - a + 1)}", f"rend={_bucket(b - i)}"]
    return seq


def trigger_occurrences(text: str, triggers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Every occurrence of every one of ``triggers`` in ``text``, overlapping ones included, as
    (its index in ``triggers``, start), in the order of ``triggers`` and then of the text: what
    ``str.find`` trigger by trigger gives, in one pass of an Aho-Corasick automaton."""
    automaton, empty = _trigger_automaton(tuple(triggers))
    out = [(rank, i) for rank in empty for i in range(len(text) + 1)]  # "" is found everywhere
    if automaton is not None:
        for last, (length, ranks) in automaton.iter(text):
            out += [(rank, last + 1 - length) for rank in ranks]
    out.sort()
    return out


@functools.lru_cache(maxsize=16)
def _trigger_automaton(triggers: tuple[str, ...]) -> tuple[ahocorasick.Automaton | None, tuple[int, ...]]:
    """An automaton of the non-empty ``triggers`` (each word gives its length and its indices in
    ``triggers``), and the indices of the empty ones."""
    ranks: dict[str, list[int]] = {}
    for rank, trigger in enumerate(triggers):
        ranks.setdefault(trigger, []).append(rank)
    automaton = None
    if any(ranks.keys() - {""}):
        automaton = ahocorasick.Automaton()
        for trigger, of in ranks.items():
            if trigger:
                automaton.add_word(trigger, (len(trigger), tuple(of)))
        automaton.make_automaton()
    return automaton, tuple(ranks.get("", ()))


def _add_triggers(seq: list[list[str]], text: str, config: LearnedConfig) -> None:
    """Append to each character's features the triggers near it: those ending within the window
    before it (tl), starting within the window after it (tr), and the adjacent ones (tl0, tr0)."""
    n, w = len(text), config.trigger_window
    before: dict[int, list[str]] = {}  # triggers ending at a position
    after: dict[int, list[str]] = {}  # triggers starting at a position
    triggers = config.triggers
    for rank, start in trigger_occurrences(text, triggers):
        trigger = triggers[rank]
        after.setdefault(start, []).append(trigger)
        before.setdefault(start + len(trigger), []).append(trigger)
    # One group at a time, positions in order: a character's features list its triggers nearest
    # last on the left and nearest first on the right, as the model was trained.
    for p in sorted(before):
        names = ["tl=" + t for t in before[p]]
        for i in range(p, min(n, p + w + 1)):
            seq[i] += names
    for p in sorted(after):
        names = ["tr=" + t for t in after[p]]
        for i in range(max(0, p - 1 - w), min(p, n)):
            seq[i] += names
    for p in sorted(before):
        if p < n:
            seq[p] += ["tl0=" + t for t in before[p]]
    for p in sorted(after):
        if p >= 1:
            seq[p - 1] += ["tr0=" + t for t in after[p]]


def _suffix_features(text: str, config: LearnedConfig) -> list[list[str]]:
    """For every character: the groups of the head-noun endings at it (sx), ending within
    ``suffix_window`` ahead of it in its run (sxn, with the distance) and ending at it (sxe)."""
    n, runs = len(text), _runs(text)
    ending: list[list[str]] = [[] for _ in range(n)]
    ends: list[set[str]] = [set() for _ in range(n)]  # groups whose ending ends at a character
    for group, endings in config.suffixes:
        for suffix in endings:
            start = text.find(suffix)
            while start >= 0:
                last = start + len(suffix) - 1
                ends[last].add(group)
                for i in range(start, last + 1):
                    ending[i].append(f"sx={group}")
                start = text.find(suffix, start + 1)
    for i in range(n):
        seen = set()
        for j in range(i + 1, min(runs[i][1], i + 1 + config.suffix_window)):
            for group in ends[j] - seen:
                seen.add(group)
                ending[i].append(f"sxn={group}:{_bucket(j - i)}")
        ending[i] += [f"sxe={group}" for group in ends[i]]
    return ending


def bio_labels(length: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags for a sentence of ``length`` characters with the non-overlapping ``spans`` (start, end, class)."""
    labels = [OUTSIDE] * length
    for a, b, cls in spans:
        labels[a] = f"B-{cls}"
        labels[a + 1:b] = [f"I-{cls}"] * (b - a - 1)
    return labels


def spans_of(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """The (start, end, class) spans a BIO tag sequence marks; a stray I- starts a span."""
    out, start, cls = [], None, None
    if labels.count(OUTSIDE) == len(labels):  # most sentences: nothing to read
        return out
    for i, label in enumerate([*labels, OUTSIDE]):
        tag, _, kind = label.partition("-")
        if start is not None and (tag != "I" or kind != cls):
            out.append((start, i, cls))
            start = None
        if tag == "B" or (tag == "I" and start is None):
            start, cls = i, kind
    return out


class CrfFile:
    """A crfsuite model file whose tagger is opened on first use and is not pickled: each worker
    process opens its own. ``train_command`` is what the error for a broken file tells to run."""

    def __init__(self, path: Path, train_command: str):
        self.path = path
        self.train_command = train_command
        self._tagger = None

    def __getstate__(self):
        return {**self.__dict__, "_tagger": None}

    def tagger(self):
        """The open crfsuite tagger; a file that is no model is one :class:`IkgError`."""
        if self._tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(self.path))
            except (OSError, ValueError) as exc:
                raise IkgError(f"{self.path}: not a crfsuite model ({exc}); run `{self.train_command}` again") from None
            self._tagger = tagger
        return self._tagger


class LearnedModel:
    """A trained CRF and its settings."""

    def __init__(self, config: LearnedConfig, model_path: Path):
        self.config = config
        self.model_path = model_path
        self._crf = CrfFile(model_path, "ikg train")

    @classmethod
    def load(cls, folder: Path) -> "LearnedModel | None":
        """The model in ``folder`` (``ontology/learned``), or None when no model has been trained."""
        model = Path(folder) / MODEL_FILE
        if not model.is_file():
            return None
        return cls(load_config(Path(folder) / CONFIG_FILE), model)

    def names(self, s: SentenceInput) -> list[tuple[int, int, str]]:
        """The (start, end, class) names the model finds in ``s``, of its classes only, long and
        confident enough."""
        if not s.text:
            return []
        tagger = self._crf.tagger()
        labels = tagger.tag(features(s, self.config))
        out = []
        for a, b, cls in spans_of(labels):
            if cls not in self.config.classes or b - a < self.config.min_length:
                continue
            if self.config.min_confidence > 0:
                confidence = sum(tagger.marginal(labels[i], i) for i in range(a, b)) / (b - a)
                if confidence < self.config.min_confidence:
                    continue
            out.append((a, b, cls))
        return out


def train(examples: Iterable[tuple[SentenceInput, list[str]]], config: LearnedConfig, path: Path) -> int:
    """Train a CRF on (sentence, BIO labels) pairs and write it to ``path`` atomically; returns the
    number of sentences trained on. Deterministic: fixed parameters, examples in the given order."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**config.training, "feature.possible_transitions": True})
    count = 0
    for sentence, labels in examples:
        if config.other_label:  # one label for every class it does not speak for: fewer to learn
            labels = [label if label == OUTSIDE or label[2:] in config.classes else f"{label[:2]}{config.other_label}"
                      for label in labels]
        trainer.append(features(sentence, config), labels)
        count += 1
    if not count:
        raise IkgError("no training sentences: the gold names occur in none of the articles")
    train_into(trainer, Path(path))
    return count


def train_into(trainer, path: Path) -> None:
    """Run a pycrfsuite ``trainer`` and write its model to ``path``: next to it, then renamed, so
    a reader never sees half a model."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        trainer.train(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
