"""Chinese word tokenizers behind a small registry, so that jieba is one swappable choice.

A tokenizer is built from the domain words (registry aliases) it must never cut apart.
"""
from __future__ import annotations

import gc
import hashlib
import io
import logging
import marshal
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from .errors import IkgError
from .records import Token
from .writers import keep_derived


class Tokenizer(Protocol):
    """Splits text into words with character offsets."""

    def tokenize(self, text: str, offset: int = 0) -> list[Token]: ...

    def pos(self, text: str, guess_unknown: bool = True) -> list[tuple[str, str]]:
        """(word, part-of-speech tag) pairs; an empty list when the tokenizer has no tagger.
        ``guess_unknown=False`` skips guessing the words of runs no dictionary has: faster, and
        enough where a tag is one feature among many (the learned recogniser), not a verdict."""
        ...


TOKENIZERS: dict[str, Callable[[Iterable[str]], Tokenizer]] = {}


def register(name: str):
    """Class decorator: make a tokenizer available under ``name``."""
    def deco(factory):
        TOKENIZERS[name] = factory
        return factory
    return deco


def create(name: str, domain_words: Iterable[str], cache_dir: Path | None = None) -> Tokenizer:
    """Build the tokenizer called ``name`` with ``domain_words`` in its dictionary; one that can
    keeps what it derives from its dictionary and the words in ``cache_dir`` for the next process."""
    try:
        factory = TOKENIZERS[name]
    except KeyError:
        raise IkgError(f"unknown tokenizer {name!r}; known: {', '.join(sorted(TOKENIZERS))}") from None
    return factory(domain_words, cache_dir)


# How many pos() answers a tokenizer keeps before starting afresh (a few MB).
_TAGGED_LIMIT = 50_000


@register("jieba")
class JiebaTokenizer:
    """jieba's HMM tokenizer with the registry's names added as user words."""

    def __init__(self, domain_words: Iterable[str], cache_dir: Path | None = None):
        import jieba

        jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" chatter is not for users
        words = sorted({w for w in domain_words if len(w) > 1 and " " not in w})
        self._jieba = jieba.Tokenizer()
        self._tagger = None  # jieba.posseg, built on first use: most documents never need it
        self._tags: dict | None = None  # the part-of-speech table the tagger would read, if cached
        self._tagged: dict[tuple[str, bool], tuple[tuple[str, str], ...]] = {}  # pos() answers so far
        saved = _JiebaState(cache_dir, words) if cache_dir is not None else None
        if saved is not None and saved.load(self):
            return
        self._jieba.initialize()
        for word in words:
            self._jieba.add_word(word)
        if saved is not None:
            saved.save(self)

    def tokenize(self, text: str, offset: int = 0) -> list[Token]:
        return [Token(w, s + offset, e + offset) for w, s, e in self._jieba.tokenize(text)]

    def pos(self, text: str, guess_unknown: bool = True) -> list[tuple[str, str]]:
        # The recogniser asks about the same short stems and places sentence after sentence (a
        # twentieth of extraction): each is tagged once per process, and jieba's answer is the same.
        key = (text, guess_unknown)
        tagged = self._tagged.get(key)
        if tagged is None:
            if self._tagger is None:
                self._tagger = self._make_tagger()
            tagged = tuple((p.word, p.flag) for p in self._tagger.cut(text, HMM=guess_unknown))
            if len(self._tagged) >= _TAGGED_LIMIT:
                self._tagged.clear()
            self._tagged[key] = tagged
        return list(tagged)

    def _make_tagger(self):
        posseg = _posseg(self._tags)
        if self._tags is None:
            return posseg.POSTokenizer(self._jieba)  # reads the dictionary's tags (a second)
        tagger = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
        tagger.tokenizer, tagger.word_tag_tab = self._jieba, self._tags
        return tagger


def _posseg(tags: dict | None):
    """jieba.posseg. Importing it makes a module-level tagger that reads the dictionary's tags (a
    second); given ``tags``, the same table read from the cache, it gets a copy of that instead."""
    import jieba

    if tags is None or "jieba.posseg" in sys.modules:
        import jieba.posseg
        return jieba.posseg
    jieba.dt.get_dict_file = lambda: io.BytesIO(b"")  # an empty dictionary, for the import only
    try:
        import jieba.posseg
    finally:
        jieba.dt.__dict__.pop("get_dict_file", None)
    jieba.posseg.dt.word_tag_tab = dict(tags)
    return jieba.posseg


class _JiebaState:
    """jieba's prefix dictionary with the domain words added, and its part-of-speech table, kept in
    one marshal file under a build's cache folder: loading it is a fraction of the 2-3 s that
    reading jieba's dictionary, adding thousands of names and reading the tags take in each new
    process. The file is named by a hash of jieba's version, its dictionary, the words and the
    Python version (marshal's format), so changed knowledge makes a new one; it is written
    atomically and made here, never fetched."""

    PREFIX = "jieba-"

    def __init__(self, folder: Path, words: list[str]):
        import jieba

        digest = hashlib.sha256(f"{jieba.__version__}\0{sys.version}\0".encode())
        dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
        try:
            stat = dictionary.stat()
            digest.update(f"{dictionary}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
        except OSError:
            digest.update(b"?")
        digest.update("\0".join(words).encode("utf-8", "surrogatepass"))
        self.folder = Path(folder)
        self.path = self.folder / f"{self.PREFIX}{digest.hexdigest()[:32]}.marshal"

    def load(self, tokenizer: "JiebaTokenizer") -> bool:
        try:
            data = self.path.read_bytes()
        except OSError:
            return False
        gc.disable()  # half a million small objects: the collector would walk them over and over
        try:
            freq, total, tags = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return False
        finally:
            gc.enable()
        tokenizer._jieba.FREQ, tokenizer._jieba.total, tokenizer._jieba.initialized = freq, total, True
        tokenizer._tags = tags
        return True

    def save(self, tokenizer: "JiebaTokenizer") -> None:
        """Write the state (building the tag table now, as a tagger would); best effort: a
        read-only or full disk only means the next process reads the dictionary again."""
        tagger = tokenizer._make_tagger()
        tokenizer._tagger, tokenizer._tags = tagger, tagger.word_tag_tab
        state = (tokenizer._jieba.FREQ, tokenizer._jieba.total, tokenizer._tags)
        keep_derived(self.path, marshal.dumps(state), f"{self.PREFIX}*.marshal")  # knowledge that changed since
