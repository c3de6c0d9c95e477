"""The extraction pipeline: ingest → segment → recognise → link → relate, for one document."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .data import ONTOLOGY_DIR
from .errors import IkgError
from .learned import CONFIG_FILE, LEARNED_DIR, MODEL_FILE, LearnedModel, enabled_by_default
from .link import Linker
from .ontology import check_ontology, load_ontology
from .recognise import RECOGNISERS, Recogniser
from .records import Document, Extraction, Sentence
from .registry import Registry, load_registry
from .relate import RELATORS, Relator
from .relation_model import CONFIG_FILE as RELATION_CONFIG, MODEL_FILE as RELATION_MODEL, RelationModel
from .relation_model import enabled_by_default as relations_by_default
from .rules import Rules, load_rules
from .segment import segment
from .tokenize import Tokenizer, create


# The relation model beside the relation rules (graph/relation_model.py), by the name that switches it.
RELATION_MODEL_COMPONENT = "learned_relations"
# Every component by name, recognisers, relation families, the relation model: what `disabled` may name.
COMPONENTS = RECOGNISERS + RELATORS + (RELATION_MODEL_COMPONENT,)

def default_disabled(ontology_dir: Path | None = None) -> tuple[str, ...]:
    """The components a default build leaves off, as the knowledge in ``ontology_dir`` says."""
    learned = Path(ontology_dir or ONTOLOGY_DIR) / LEARNED_DIR
    return (*(() if enabled_by_default(learned) else ("learned",)),
            *(() if relations_by_default(learned) else (RELATION_MODEL_COMPONENT,)))


def _code_digest() -> bytes:
    """A hash of the package's Python files: a new version of the extractor (an upgrade, or a
    change in a checkout) redoes the cached extractions, with nobody having to remember to say so."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def knowledge_fingerprint(ontology_dir: Path | None = None, tokenizer: str = "jieba",
                          disabled: tuple[str, ...] = ()) -> str:
    """A hash of everything extraction depends on besides the article: the registry, the rules,
    the ontology, the learned models and their settings, the tokenizer, the components switched off
    and the extractor's code. Cheap: files are hashed, not parsed."""
    ontology_dir = Path(ontology_dir or ONTOLOGY_DIR)
    digest = hashlib.sha256(_code_digest() + f"\0{tokenizer}\0{','.join(sorted(disabled))}".encode())
    learned = ontology_dir / LEARNED_DIR
    for path in (*sorted((ontology_dir / "registry").glob("*.ttl")), *sorted((ontology_dir / "places").glob("*.txt")),
                 ontology_dir / "patterns.toml",
                 ontology_dir / "ikg.ttl", learned / CONFIG_FILE, learned / MODEL_FILE,
                 learned / RELATION_CONFIG, learned / RELATION_MODEL,
                 *sorted(learned.glob("*.npz"))):  # arrays a model reads (the news tagger's)
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


@dataclass
class Pipeline:
    """The loaded knowledge and the stages that use it; :meth:`extract` is a pure function of a document."""

    registry: Registry
    rules: Rules
    tokenizer: Tokenizer
    # None: read from ontology_dir when first asked for (only the registry and ontology graphs,
    # which a build caches, need it; parsing it and naming its blank nodes cost a new process 0.06 s)
    ontology: Graph | None
    fingerprint: str = ""  # changes when the registry, the rules, the ontology or the extractor do
    ontology_dir: Path | None = None  # where it was loaded from (worker processes load it again)
    disabled: tuple[str, ...] = ()  # recogniser components, relation families and models switched off
    learned: LearnedModel | None = None  # the trained CRF of the "learned" recogniser, if there is one
    relation_model: RelationModel | None = None  # the trained relation classifier, when switched on

    @classmethod
    def load(cls, ontology_dir: Path | None = None, tokenizer: str = "jieba",
             disabled: tuple[str, ...] | None = None, cache_dir: Path | None = None) -> "Pipeline":
        """Load the registry, rules and ontology from ``ontology_dir`` (default: the project's).

        ``disabled`` names components to switch off (see :data:`COMPONENTS`), for ablations; None
        means the default set: those the knowledge switches off (the learned recogniser unless
        ``learned.toml`` enables it, the relation model unless ``relations.toml`` does).
        ``cache_dir`` (a build's cache folder) keeps the tokenizer's derived dictionary between
        processes (see tokenize.py)."""
        ontology_dir = Path(ontology_dir or ONTOLOGY_DIR)
        if disabled is None:
            disabled = default_disabled(ontology_dir)
        fingerprint = knowledge_fingerprint(ontology_dir, tokenizer, tuple(disabled))
        # Its entries kept in the cache folder, like the tokenizer's dictionary: a quarter second less
        registry = load_registry(ontology_dir / "registry", cache_dir, fingerprint)
        rules = load_rules(ontology_dir / "patterns.toml")
        check_ontology(ontology_dir / "ikg.ttl")  # read with rdflib only when asked for (see ontology)
        unknown = set(disabled) - set(COMPONENTS)
        if unknown:
            raise IkgError(f"unknown component {sorted(unknown)[0]!r}; choose from {', '.join(COMPONENTS)}")
        learned = None if "learned" in disabled else LearnedModel.load(ontology_dir / LEARNED_DIR)
        relation_model = (None if RELATION_MODEL_COMPONENT in disabled
                          else RelationModel.load(ontology_dir / LEARNED_DIR))
        return cls(registry, rules, create(tokenizer, registry.alias_words(), cache_dir), None,
                   fingerprint, ontology_dir, tuple(disabled), learned, relation_model)

    def __post_init__(self) -> None:
        self._recogniser = Recogniser(self.registry, self.rules, self.tokenizer,
                                      [d for d in self.disabled if d in RECOGNISERS], self.learned)
        self._linker = Linker(self.registry, self.rules)
        self._relator = Relator(self.rules, [d for d in self.disabled if d in RELATORS], self.relation_model,
                                self.registry)

    def _get_ontology(self) -> Graph:
        if self._ontology is None:
            self._ontology = load_ontology(Path(self.ontology_dir or ONTOLOGY_DIR) / "ikg.ttl")
        return self._ontology

    def _set_ontology(self, graph: Graph | None) -> None:
        self._ontology = graph

    def extract(self, doc: Document) -> Extraction:
        """Everything the article says that the graph keeps."""
        return self.read(doc)[1]

    def read(self, doc: Document) -> tuple[list[Sentence], Extraction]:
        """The article's sentences and its extraction: the relation model's training reads both."""
        sentences = segment(doc, self.tokenizer, self.rules.punctuation)
        mentions = self._recogniser.recognise(sentences)
        linked = self._linker.link(mentions, self._recogniser.market(sentences, mentions))
        facts, figures = self._relator.relate(doc, sentences, linked)
        return sentences, Extraction(doc, [*linked, *self._linker.written_owners(linked)], facts, figures)


# After the dataclass is made, so that its __init__ still takes ``ontology`` (stored, or None).
Pipeline.ontology = property(Pipeline._get_ontology, Pipeline._set_ontology,
                             doc="The ontology graph (see ontology.load_ontology), read when first asked for.")
