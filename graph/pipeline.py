"""The extraction pipeline: ingest → segment → recognise → link → relate, for one document."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.compare import to_canonical_graph

from .data import ONTOLOGY_DIR
from .errors import IkgError
from .link import Linker
from .recognise import Recogniser
from .records import Document, Extraction
from .registry import Registry, load_registry
from .relate import Relator
from .rules import Rules, load_rules
from .segment import segment
from .tokenize import Tokenizer, create


# Bump when a code change alters what is extracted, so that cached extractions are redone.
EXTRACTOR_VERSION = "1"


def knowledge_fingerprint(ontology_dir: Path | None = None, tokenizer: str = "jieba") -> str:
    """A hash of everything extraction depends on besides the article: the registry, the rules,
    the ontology, the tokenizer and the extractor version. Cheap: files are hashed, not parsed."""
    ontology_dir = Path(ontology_dir or ONTOLOGY_DIR)
    digest = hashlib.sha256(f"{EXTRACTOR_VERSION}\0{tokenizer}".encode())
    for path in (*sorted((ontology_dir / "registry").glob("*.ttl")), ontology_dir / "patterns.toml",
                 ontology_dir / "ikg.ttl"):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


@dataclass
class Pipeline:
    """The loaded knowledge and the stages that use it; :meth:`extract` is a pure function of a document."""

    registry: Registry
    rules: Rules
    tokenizer: Tokenizer
    ontology: Graph
    fingerprint: str = ""  # changes when the registry, the rules, the ontology or the extractor do
    ontology_dir: Path | None = None  # where it was loaded from (worker processes load it again)

    @classmethod
    def load(cls, ontology_dir: Path | None = None, tokenizer: str = "jieba") -> "Pipeline":
        """Load the registry, rules and ontology from ``ontology_dir`` (default: the project's)."""
        ontology_dir = Path(ontology_dir or ONTOLOGY_DIR)
        registry = load_registry(ontology_dir / "registry")
        rules = load_rules(ontology_dir / "patterns.toml")
        ontology = Graph()
        owl_file = ontology_dir / "ikg.ttl"
        try:
            ontology.parse(owl_file, format="turtle")
        except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
            raise IkgError(f"{owl_file}: cannot read the ontology: {str(exc).splitlines()[0]}") from None
        # Canonical blank-node names (the owl:unionOf lists), so that every build writes the same bytes.
        ontology = to_canonical_graph(ontology)
        return cls(registry, rules, create(tokenizer, registry.alias_words()), ontology,
                   knowledge_fingerprint(ontology_dir, tokenizer), ontology_dir)

    def __post_init__(self) -> None:
        self._recogniser = Recogniser(self.registry, self.rules, self.tokenizer)
        self._linker = Linker(self.registry, self.rules)
        self._relator = Relator(self.rules)

    def extract(self, doc: Document) -> Extraction:
        """Everything the article says that the graph keeps."""
        sentences = segment(doc, self.tokenizer)
        mentions = self._recogniser.recognise(sentences)
        linked = self._linker.link(mentions)
        facts, figures = self._relator.relate(doc, sentences, linked)
        return Extraction(doc, linked, facts, figures)
