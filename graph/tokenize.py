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

    def tokenize(self, text: str, offset: int = 0) -> list[Token]:
        """The words of ``text`` in text order, none overlapping another, offsets shifted by ``offset``."""
        ...

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


def _import_jieba():
    """jieba, imported without pkg_resources (a tenth of a second), which it only uses to open
    its dictionary file when that is a plain file beside it (not in a zip): it then opens it itself."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    import importlib.util
    import os

    spec = importlib.util.find_spec("jieba")
    plain = spec is not None and spec.origin is not None and os.path.isfile(
        os.path.join(os.path.dirname(spec.origin), "dict.txt"))
    if plain:
        sys.modules["pkg_resources"] = None  # the import fails, and jieba falls back to open()
    try:
        import jieba
    finally:
        if plain and sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


# How many pos() answers a tokenizer keeps before starting afresh (a few MB).
_TAGGED_LIMIT = 50_000


@register("jieba")
class JiebaTokenizer:
    """jieba's HMM tokenizer with the registry's names added as user words."""

    def __init__(self, domain_words: Iterable[str], cache_dir: Path | None = None):
        jieba = _import_jieba()
        jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" chatter is not for users
        words = sorted({w for w in domain_words if len(w) > 1 and " " not in w})
        self._jieba = jieba.Tokenizer()
        self._tagger = None  # jieba.posseg, built on first use: most documents never need it
        self._tags: dict | None = None  # the part-of-speech table the tagger would read, if cached
        self._tagged: dict[tuple[str, bool], tuple[tuple[str, str], ...]] = {}  # pos() answers so far
        self._saved: _JiebaState | None = None  # the cached state, while it still has parts unread
        self._words = words
        saved = _JiebaState(cache_dir, words) if cache_dir is not None else None
        if saved is not None and saved.open(self):
            self._saved = saved
            return
        self._initialize()
        if saved is not None:
            saved.save(self)

    def _initialize(self) -> None:
        """jieba's dictionary read and the words added: what a process without the cached state does."""
        self._jieba.initialize()
        for word in self._words:
            self._jieba.add_word(word)

    def _cover(self, text: str) -> None:
        """Make sure the dictionary and the tag table hold every key jieba may look up while
        cutting or tagging ``text`` (see :meth:`_JiebaState.cover`). A damaged part of the cached
        state: the dictionary is read afresh, as without one."""
        if len(text) > 1 and not self._saved.cover(self, text):
            import jieba

            self._saved = None
            self._jieba, self._tagger, self._tags = jieba.Tokenizer(), None, None
            self._initialize()

    def tokenize(self, text: str, offset: int = 0) -> list[Token]:
        if self._saved is not None:
            self._cover(text)
        return [Token(w, s + offset, e + offset) for w, s, e in self._jieba.tokenize(text)]

    def pos(self, text: str, guess_unknown: bool = True) -> list[tuple[str, str]]:
        # The recogniser asks about the same short stems and places sentence after sentence (a
        # twentieth of extraction): each is tagged once per process, and jieba's answer is the same.
        key = (text, guess_unknown)
        tagged = self._tagged.get(key)
        if tagged is None:
            if self._saved is not None:
                self._cover(text)
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
    # The module's own tagger (which ikg never uses) shares the table, filled as texts are tagged.
    jieba.posseg.dt.word_tag_tab = tags
    return jieba.posseg


def _bucket(a: str, b: str) -> int:
    """The part of the cached jieba state that holds the keys starting with ``a`` then ``b``."""
    return ((ord(a) * 1000003 ^ ord(b)) * 2654435761 & 0xFFFFFFFF) >> (32 - _JiebaState.BITS)


class _JiebaState:
    """jieba's prefix dictionary with the domain words added, and its part-of-speech table, kept in
    one file under a build's cache folder, in parts by the first two characters of their keys. A
    process reads the parts of the character pairs its texts hold, when it first meets them: adding
    one article reads a few percent of the half million entries, where reading jieba's dictionary,
    adding thousands of names and reading the tags take 2-3 s, and reading all of them back half a
    second. jieba only looks up pieces of the text it cuts or tags (see :meth:`cover`), so its
    answers are the same. The file is named by a hash of jieba's version, its dictionary, the
    words, the Python version (marshal's format), the machine's byte order and this layout, so
    changed knowledge makes a new one; it is written atomically and made here, never fetched.

    Layout: 8 bytes (little-endian) giving the header's length; the header, marshalled
    ``(total, BITS, size of the parts)``; ``2**BITS + 1`` offsets (native unsigned ints) into the
    parts; then the parts, each marshalled ``(dictionary entries, tags)``: first the one-character
    keys' (read at once), then those of each :func:`_bucket`, between two offsets."""

    PREFIX = "tokenizer-jieba-"
    OLDER = "*jieba-*.marshal"  # this layout's and the one before (jieba-*.marshal, read whole)
    LAYOUT = "pairs-1"
    BITS = 18  # 262,144 parts: a text's pairs seldom share one

    def __init__(self, folder: Path, words: list[str]):
        import jieba

        digest = hashlib.sha256(f"{jieba.__version__}\0{sys.version}\0{sys.byteorder}\0{self.LAYOUT}\0".encode())
        dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
        try:
            stat = dictionary.stat()
            digest.update(f"{dictionary}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
        except OSError:
            digest.update(b"?")
        digest.update("\0".join(words).encode("utf-8", "surrogatepass"))
        self.folder = Path(folder)
        self.path = self.folder / f"{self.PREFIX}{digest.hexdigest()[:32]}.marshal"
        self._parts = memoryview(b"")
        self._offsets = memoryview(b"").cast("I")
        self._read = bytearray(1 << self.BITS)  # 1: the part is in the tokenizer's tables

    def open(self, tokenizer: "JiebaTokenizer") -> bool:
        """Give ``tokenizer`` the one-character keys; False if there is no whole file."""
        try:
            data = self.path.read_bytes()
        except OSError:
            return False
        try:
            size = int.from_bytes(data[:8], "little")
            total, bits, length = marshal.loads(data[8:8 + size])
            table = 8 + size + 4 * ((1 << self.BITS) + 1)
            if not (isinstance(total, int) and bits == self.BITS and len(data) == table + length):
                return False
            offsets = memoryview(data)[8 + size:table].cast("I")
            if offsets.itemsize != 4 or offsets[-1] != length:
                return False
            parts = memoryview(data)[table:]
            freq, tags = marshal.loads(parts[:offsets[0]])
        except (EOFError, ValueError, TypeError):
            return False
        self._parts, self._offsets = parts, offsets
        tokenizer._jieba.FREQ, tokenizer._jieba.total, tokenizer._jieba.initialized = freq, total, True
        tokenizer._tags = tags
        return True

    def cover(self, tokenizer: "JiebaTokenizer", text: str) -> bool:
        """Add to ``tokenizer``'s tables the parts of the character pairs of ``text`` not read yet:
        every key jieba looks up while cutting or tagging ``text`` is a piece of it, so one
        character long (read at :meth:`open`) or starting with one of its pairs. False if a part is
        damaged."""
        read, offsets, parts = self._read, self._offsets, self._parts
        freq, tags = tokenizer._jieba.FREQ, tokenizer._tags
        for a, b in set(zip(text, text[1:])):
            n = _bucket(a, b)
            if read[n]:
                continue
            read[n] = 1
            start, end = offsets[n], offsets[n + 1]
            if start == end:
                continue
            try:
                words, tagged = marshal.loads(parts[start:end])
                freq.update(words)
                tags.update(tagged)
            except (EOFError, ValueError, TypeError):
                return False
        return True

    def save(self, tokenizer: "JiebaTokenizer") -> None:
        """Write the state (building the tag table now, as a tagger would); best effort: a
        read-only or full disk only means the next process reads the dictionary again."""
        import array

        tagger = tokenizer._make_tagger()
        tokenizer._tagger, tokenizer._tags = tagger, tagger.word_tag_tab
        single: tuple[dict, dict] = ({}, {})
        buckets: dict[int, tuple[dict, dict]] = {}
        for table, n in ((tokenizer._jieba.FREQ, 0), (tokenizer._tags, 1)):
            for key, value in table.items():
                part = single if len(key) < 2 else buckets.setdefault(_bucket(key[0], key[1]), ({}, {}))
                part[n][key] = value
        blobs = [marshal.dumps(single)]
        offsets = array.array("I", [len(blobs[0])])
        for n in range(1 << self.BITS):
            if n in buckets:
                blobs.append(marshal.dumps(buckets[n]))
                offsets.append(offsets[-1] + len(blobs[-1]))
            else:
                offsets.append(offsets[-1])
        if offsets.itemsize != 4:
            return  # a machine whose unsigned int is not 4 bytes reads the dictionary each time
        header = marshal.dumps((tokenizer._jieba.total, self.BITS, offsets[-1]))
        data = len(header).to_bytes(8, "little") + header + offsets.tobytes() + b"".join(blobs)
        keep_derived(self.path, data, self.OLDER)  # knowledge (or a layout) that changed since
