"""Cache: each article's extraction, as the N-Quads of its named graph, keyed by what made it.

An article is extracted again only when its bytes, the registry, the rules, the ontology or the
extractor change. The cache is the source of truth the store and the exports are made from.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .writers import write_atomic

MANIFEST = "manifest.json"


def content_key(data: bytes, fingerprint: str) -> str:
    """The key an extraction is cached under: the article's bytes and the pipeline's fingerprint."""
    return hashlib.sha256(fingerprint.encode() + b"\0" + data).hexdigest()


@dataclass
class Entry:
    """What the cache knows about one article."""

    path: str
    key: str
    violations: list[str] = field(default_factory=list)  # SHACL findings when it was built


class ArticleCache:
    """Per-article N-Quads files under ``folder`` and a manifest of their keys."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.entries: dict[str, Entry] = {}
        manifest = self.folder / MANIFEST
        if manifest.is_file():
            try:
                raw = json.loads(manifest.read_text(encoding="utf-8"))
                self.entries = {doc_id: Entry(**e) for doc_id, e in raw.get("articles", {}).items()}
            except (ValueError, TypeError):
                self.entries = {}  # a damaged manifest only costs a full rebuild

    def quads_path(self, doc_id: str) -> Path:
        return self.folder / "articles" / f"{doc_id}.nq"

    def fresh(self, doc_id: str, key: str) -> bool:
        """Whether the cached extraction of ``doc_id`` was made from the same input."""
        entry = self.entries.get(doc_id)
        return entry is not None and entry.key == key and self.quads_path(doc_id).is_file()

    def put(self, doc_id: str, path: str, key: str, quads: bytes) -> None:
        write_atomic(self.quads_path(doc_id), quads)
        self.entries[doc_id] = Entry(path, key)

    def quads(self, doc_id: str) -> bytes:
        return self.quads_path(doc_id).read_bytes()

    def drop(self, doc_id: str) -> None:
        self.entries.pop(doc_id, None)
        self.quads_path(doc_id).unlink(missing_ok=True)

    def save(self) -> None:
        data = {"articles": {k: vars(v) for k, v in sorted(self.entries.items())}}
        write_atomic(self.folder / MANIFEST, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
