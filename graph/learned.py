"""Learned: a character-level CRF that tags names no list has (products, initiatives, groups, partners).

Each character of a sentence gets a BIO tag per entity class (``B-Product``, ``I-Product``, ``O``)
from features of the character and its context: the characters around it, jieba's word and
part-of-speech tag holding it, whether it is inside quotes or inside a registry alias, and the
trigger words near it. The model (python-crfsuite) and its settings live in ``ontology/learned/``;
this module only computes features, tags and trains, and knows nothing of the pipeline.
"""
from __future__ import annotations

import os
import tempfile
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import IkgError
from .rules import _Table

LEARNED_DIR = "learned"  # inside the ontology folder
MODEL_FILE = "model.crfsuite"
CONFIG_FILE = "learned.toml"
OUTSIDE = "O"

_PAD_BEFORE, _PAD_AFTER = "<s>", "</s>"


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


def enabled_by_default(folder: Path) -> bool:
    """Whether ``learned.toml`` in ``folder`` switches the learned recogniser on in a default build."""
    path = Path(folder) / CONFIG_FILE
    return path.is_file() and load_config(path).enabled


def load_config(path: Path) -> LearnedConfig:
    """Read ``learned.toml``; a mistake in it is one :class:`IkgError` naming the file and the key."""
    try:
        root = _Table(tomllib.loads(path.read_text(encoding="utf-8")), path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IkgError(f"{path}: {exc}") from None
    training = root.table("training")
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
    )


@dataclass(frozen=True)
class SentenceInput:
    """One sentence as the model reads it: its (folded) text and what other stages know about it."""

    text: str
    words: Sequence[tuple[str, str]]  # (word, part-of-speech tag), covering the text in order
    quotes: Sequence[tuple[int, int]]  # spans inside quote marks
    aliases: Sequence[tuple[int, int, str]]  # registry alias matches: (start, end, class)


def _kind(ch: str) -> str:
    if unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH"):
        return "han"
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "space" if ch.isspace() else "mark"


def _word_positions(s: SentenceInput) -> list[tuple[str, str, str]]:
    """For every character: its place in its word (B/M/E/S), the word's tag and the word."""
    out: list[tuple[str, str, str]] = []
    for word, tag in s.words:
        n = len(word)
        out += [("S" if n == 1 else "B" if i == 0 else "E" if i == n - 1 else "M", tag, word) for i in range(n)]
    # A tagger that drops or changes characters must not shift every later feature: pad or cut.
    return (out + [("S", "x", "")] * len(s.text))[:len(s.text)]


def _marks(length: int, spans: Iterable[tuple[int, int]]) -> list[bool]:
    inside = [False] * length
    for a, b in spans:
        inside[a:b] = [True] * (b - a)
    return inside


def features(s: SentenceInput, config: LearnedConfig) -> list[list[str]]:
    """The feature strings of every character of ``s`` (crfsuite's item sequence)."""
    text, n = s.text, len(s.text)
    padded = [_PAD_BEFORE] * 2 + list(text) + [_PAD_AFTER] * 2
    words = _word_positions(s)
    quoted = _marks(n, s.quotes)
    alias_class = [""] * n
    for a, b, cls in s.aliases:
        for i in range(a, b):
            alias_class[i] = alias_class[i] or cls
    before: list[list[str]] = [[] for _ in range(n + 1)]  # triggers ending at a position
    after: list[list[str]] = [[] for _ in range(n + 1)]  # triggers starting at a position
    for trigger in config.triggers:
        start = text.find(trigger)
        while start >= 0:
            after[start].append(trigger)
            before[start + len(trigger)].append(trigger)
            start = text.find(trigger, start + 1)
    w = config.trigger_window
    seq = []
    for i in range(n):
        c = padded[i + 2]
        place, tag, word = words[i]
        f = ["bias", f"c={c}", f"c-1={padded[i + 1]}", f"c-2={padded[i]}", f"c+1={padded[i + 3]}",
             f"c+2={padded[i + 4]}", f"b-1={padded[i + 1]}{c}", f"b+1={c}{padded[i + 3]}",
             f"b-2={padded[i]}{padded[i + 1]}", f"b+2={padded[i + 3]}{padded[i + 4]}",
             f"k={_kind(c)}", f"wp={place}", f"pos={tag}", f"wp_pos={place}{tag}"]
        if len(word) <= 4:
            f.append(f"w={word}")
        if quoted[i]:
            f.append("quoted")
        if alias_class[i]:
            f.append(f"alias={alias_class[i]}")
        # Triggers near the character, on each side; an adjacent one is a feature of its own.
        f += [f"tl={t}" for p in range(max(0, i - w), i + 1) for t in before[p]]
        f += [f"tr={t}" for p in range(i + 1, min(n, i + 1 + w) + 1) for t in after[p]]
        f += [f"tl0={t}" for t in before[i]] + [f"tr0={t}" for t in after[i + 1]]
        seq.append(f)
    return seq


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
    for i, label in enumerate([*labels, OUTSIDE]):
        tag, _, kind = label.partition("-")
        if start is not None and (tag != "I" or kind != cls):
            out.append((start, i, cls))
            start = None
        if tag == "B" or (tag == "I" and start is None):
            start, cls = i, kind
    return out


class LearnedModel:
    """A trained CRF and its settings; the crfsuite tagger is opened on first use (and not pickled)."""

    def __init__(self, config: LearnedConfig, model_path: Path):
        self.config = config
        self.model_path = model_path
        self._tagger = None

    @classmethod
    def load(cls, folder: Path) -> "LearnedModel | None":
        """The model in ``folder`` (``ontology/learned``), or None when no model has been trained."""
        model = Path(folder) / MODEL_FILE
        if not model.is_file():
            return None
        return cls(load_config(Path(folder) / CONFIG_FILE), model)

    def __getstate__(self):
        return {**self.__dict__, "_tagger": None}

    def _open(self):
        if self._tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(self.model_path))
            except (OSError, ValueError) as exc:
                raise IkgError(f"{self.model_path}: not a crfsuite model ({exc}); run `ikg train` again") from None
            self._tagger = tagger
        return self._tagger

    def names(self, s: SentenceInput) -> list[tuple[int, int, str]]:
        """The (start, end, class) names the model finds in ``s``, of its classes only, long and
        confident enough."""
        if not s.text:
            return []
        tagger = self._open()
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
        trainer.append(features(sentence, config), labels)
        count += 1
    if not count:
        raise IkgError("no training sentences: the gold names occur in none of the articles")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write next to the target and rename, so a reader never sees half a model.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        trainer.train(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return count
