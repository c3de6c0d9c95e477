"""Typed records passed between the pipeline stages.

Each stage is a function from these plain records to plain records; none of them does I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One ingested article: its cleaned text and what its metadata says."""

    id: str  # stable: the file name without extension, made IRI-safe
    path: str
    title: str
    text: str  # evidence offsets index into this string
    date: str | None = None  # ISO date (YYYY-MM-DD) from the metadata, if any
    source: str | None = None  # publisher or category
    url: str | None = None


@dataclass(frozen=True)
class Token:
    """A word from the tokenizer, with offsets into the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence with character offsets into its document's text."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int  # sentences in one paragraph share a topic for anaphora
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of text that names (or refers to) an entity.

    ``kind`` says how it was found: an ``alias`` from the registry, a ``pattern`` for a name the
    registry lacks, or a ``reference`` (旗下财险公司, 分公司 …) that only context can resolve.
    """

    surface: str
    start: int
    end: int
    sentence: int
    cls: str  # ontology class local name: Insurer, Branch, Product …
    kind: str  # alias | pattern | reference
    entity: str | None = None  # registry IRI when the surface is a registry alias
    # For branches: the insurer-part mention's entity, the region and the unit kind (分公司 …).
    parent: str | None = None
    parent_surface: str | None = None
    region: str | None = None
    unit: str | None = None
    line: str | None = None  # for references like 财险公司: the line of business IRI


@dataclass(frozen=True)
class Entity:
    """A canonical real-world thing: one IRI, one preferred label."""

    iri: str
    cls: str
    label: str
    parent: str | None = None  # insurer -> group (subOrganizationOf), branch -> insurer (unitOf)
    from_registry: bool = False


@dataclass(frozen=True)
class LinkedMention:
    """A mention resolved to its canonical entity."""

    mention: Mention
    entity: Entity


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence, with offsets into the article text."""

    doc_id: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Fact:
    """A relation between two entities, backed by the sentence it came from."""

    subject: Entity
    predicate: str  # property local name in the ik: namespace, or org:… for structure
    object: Entity
    evidence: Evidence | None  # None only for links known from the registry alone


@dataclass
class Extraction:
    """Everything extracted from one document: what goes into its named graph."""

    document: Document
    mentions: list[LinkedMention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
