"""Cache: each article's extraction, as the N-Quads of its named graph (and that graph serialised
for the exports, see exports.py), content-addressed.

An entry's name is the hash of everything its content depends on: the article's bytes, its file
name (the article id and the fallback title come from it) and the pipeline's fingerprint (registry,
rules, ontology, extractor code). An edited article gets a new name, so an entry can never
describe another version of its article, and an entry is written once, to a temporary file linked
into place, never overwritten. Which entries make the graph is said by the manifest that each
generation carries (see generations.py), published together with the store made from them.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .writers import stage

OBJECTS = "objects"


def content_key(data: bytes, fingerprint: str, name: str = "") -> str:
    """The name an extraction is cached under: the article's bytes and file name, and the
    pipeline's fingerprint (which includes the extractor code)."""
    return hashlib.sha256(b"\0".join((fingerprint.encode(), name.encode("utf-8", "surrogateescape"), data))).hexdigest()


def reference_key(fingerprint: str) -> str:
    """The name of the registry and ontology graphs' entry."""
    return hashlib.sha256(b"reference\0" + fingerprint.encode()).hexdigest()


class ArticleCache:
    """Write-once files under ``folder``/objects named by :func:`content_key`: each entry's N-Quads
    (``<key>.nq``) and its export pieces (``<key>.trig``, ``<key>.ttl``: see exports.py)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder) / OBJECTS

    def path(self, key: str, suffix: str = "nq") -> Path:
        """The file of the entry ``key``: its N-Quads, or the piece called ``suffix``."""
        return self.folder / f"{key}.{suffix}"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def keys(self) -> set[str]:
        """The keys of the whole entries (those whose N-Quads exist), from one listing of the
        folder: cheaper than asking :meth:`has` of 10,000 entries one by one."""
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return set()
        return {name[:-3] for name in names if name.endswith(".nq") and not name.startswith(".")}

    def put(self, key: str, quads: bytes, pieces: dict[str, bytes]) -> None:
        """Store ``quads`` and their export ``pieces`` under ``key``, the N-Quads last: an entry
        whose N-Quads exist (what :meth:`has` asks) is whole, whenever a build was stopped."""
        for suffix, data in (*pieces.items(), ("nq", quads)):
            self._link(self.path(key, suffix), data)

    @staticmethod
    def _link(target: Path, data: bytes) -> None:
        """Write ``target`` unless it exists (an entry's content never changes under its name)."""
        if target.is_file():
            return
        temporary = stage(target, data)
        try:
            os.link(temporary, target)  # unlike rename, a link never replaces an existing entry
        except FileExistsError:
            pass
        finally:
            temporary.unlink()

    def quads(self, key: str) -> bytes:
        return self.path(key).read_bytes()

    def keep_only(self, keys: set[str]) -> None:
        """Delete every entry not named in ``keys``, and what dead builds or older versions left."""
        parent = self.folder.parent
        shutil.rmtree(parent / "articles", ignore_errors=True)  # the old per-article layout
        (parent / "manifest.json").unlink(missing_ok=True)
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return
        for name in names:  # an entry's N-Quads and pieces share its key as stem
            if name.startswith(".") or name.rpartition(".")[0] not in keys:
                (self.folder / name).unlink(missing_ok=True)


def signature(info: os.stat_result) -> list[int]:
    """What says that a file is unchanged without reading it: its size, its modification and
    status-change times and its inode. An edit changes the modification time; tools that set it
    back (``touch -r``, ``rsync -t``, unpacking an archive) change the status-change time."""
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


@dataclass
class Entry:
    """One article of a generation: where it was read from, its cache entry, its SHACL findings,
    and the :func:`signature` of the file that the entry was made from (None: read it next time)."""

    path: str
    key: str
    violations: list[dict] = field(default_factory=list)
    stat: list[int] | None = None


@dataclass
class Manifest:
    """What a generation was made from: the cache entries of its articles and of the reference
    graphs, and the pipeline's fingerprint that the entries' keys were made with."""

    reference: str = ""
    articles: dict[str, Entry] = field(default_factory=dict)
    fingerprint: str = ""

    @classmethod
    def load(cls, path: Path) -> "Manifest":
        """The manifest at ``path``; an empty one when missing or damaged (that costs a full remake)."""
        try:
            raw = json.loads(Path(path).read_bytes())
            return cls(raw["reference"], {doc_id: Entry(**e) for doc_id, e in raw["articles"].items()},
                       raw.get("fingerprint", ""))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls()

    def dump(self) -> bytes:
        """The manifest as JSON, one line per article (json's C encoder: a fraction of the time of
        ``indent``, which 10,000 entries made cost half a second)."""
        head = json.dumps({"reference": self.reference, "fingerprint": self.fingerprint})[:-1]
        lines = [f"{json.dumps(doc_id)}: {json.dumps(vars(e))}" for doc_id, e in sorted(self.articles.items())]
        text = head + ', "articles": {\n' + ",\n".join(lines) + "\n}}\n"
        return text.encode("ascii")  # ASCII (json escapes the rest): file names need not be UTF-8
