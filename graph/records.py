"""Typed records passed between the pipeline stages.

Each stage is a function from these plain records to plain records; none of them does I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Document:
    """One ingested article: its cleaned text and what its metadata says."""

    id: str  # stable: the file name without extension, made IRI-safe
    path: str
    title: str
    text: str  # evidence offsets index into this string
    date: str | None = None  # from the metadata, if any: YYYY-MM-DD, or YYYY-MM or YYYY when it names no day
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
    text: str  # as written: quotes and surface forms come from here
    paragraph: int  # sentences in one paragraph share a topic for anaphora
    tokens: tuple[Token, ...] = ()  # words of ``norm``
    norm: str = ""  # ``text`` folded for matching (see graph.fold), same length


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
    # The whole name when the text writes more of it than the span: a quoted programme's name with
    # the head noun after its quotes (“抗疫·微光”专项行动 → 抗疫·微光专项行动).
    whole: str | None = None
    # For an article's own short name of a name the registry lacks (长江期货股份有限公司（以下简称
    # “长江期货”）): the full name it stands for, so both name one entity.
    short_for: str | None = None
    # For a government body named without its place (县财政, 市政府): the place of its level, with the
    # level, that its sentence names nearest before it, or else the one the article names most (青阳县).
    place: str | None = None
    # For a list word joined to its clause's subject (市民政局与它们签了协议): where that clause starts; what is
    # named from there on is the other party, not one of the list the word refers to.
    clause_start: int | None = None


@dataclass(frozen=True)
class Entity:
    """A canonical real-world thing: one IRI, one preferred label."""

    iri: str
    cls: str
    label: str
    parent: str | None = None  # insurer -> group (subOrganizationOf), branch -> insurer (unitOf)
    from_registry: bool = False
    # An insurer's controlling owner that is neither an insurer nor an insurance group (ik:ownedBy: a
    # bank, a carmaker, a state firm): no parent link, but a figure written for both is the insurer's.
    owner: str | None = field(default=None, compare=False)
    # A kind of cover many products are (ik:KindOfCover: 惠民保), not one product: no relation is stated to it.
    kind_of_cover: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class LinkedMention:
    """A mention resolved to its canonical entity."""

    mention: Mention
    entity: Entity
    # The entity's full name as this mention writes it, where a reference spells out a part the
    # canonical label normalises: 景德镇市中心支公司 → 国寿财险景德镇市中心支公司 (label 国寿财险景德镇中心支公司).
    written: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence, with offsets into the article text."""

    doc_id: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class DateMention:
    """A date written in a sentence, resolved against the article's own date.

    ``value`` is ISO ``YYYY-MM-DD`` when the year is known, else ``--MM-DD`` (xsd:gMonthDay).
    ``as_of`` is true after 截至/截止 (a figure holds at this date).
    """

    start: int
    end: int
    value: str
    as_of: bool


@dataclass(frozen=True)
class Quantity:
    """A number as written (约136.12亿元, 超过11万名), normalised to an exact decimal."""

    value: Decimal  # in yuan for money
    unit: str  # "CNY" for money, else the measure word (名, 件, 小时 …)
    surface: str
    qualifiers: tuple[str, ...]  # 约, 近, 逾, 超过, 累计, 多 …
    start: int
    end: int


@dataclass(frozen=True)
class Fact:
    """A relation between two entities, backed by the sentence it came from."""

    subject: Entity
    predicate: str  # property local name in the ik: namespace, or org:… for structure
    object: Entity
    evidence: Evidence | None  # None only for links known from the registry alone
    as_of: str | None = None  # the date the sentence gives, if any


@dataclass(frozen=True)
class Figure:
    """A money amount or a count, tied to the organisation that gave, covered, paid or did it."""

    agent: Entity
    quantity: Quantity
    kind: str  # AmountKind (Coverage, Donation …) for money; CountKind (People, Claims …) for counts
    evidence: Evidence
    beneficiary: Entity | None = None
    as_of: str | None = None
    again: bool = False  # its clause says it is stated once more of another thing (同为3000元): no repeat

    @property
    def is_money(self) -> bool:
        return self.quantity.unit == "CNY"


@dataclass
class Extraction:
    """Everything extracted from one document: what goes into its named graph."""

    document: Document
    mentions: list[LinkedMention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
