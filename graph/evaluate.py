"""Evaluate: score a built graph against hand annotations (gold files) of its articles.

A gold file describes one article (format: tests/gold/README.md). Scoring is a pure function of the
gold and an RDF graph that follows the output contract, so the builder, a graph read from disk and
the baseline are measured the same way. Every section counts a one-to-one matching between gold
items and graph items: a graph that splits one gold entity in two earns one true and one false
positive.
"""
from __future__ import annotations

import functools
import json
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .data import ONTOLOGY_DIR
from .errors import IkgError
from .namespaces import ARTICLE, ENTITY_CLASSES, IK, PROV, RDF, SCHEMA, SKOS, STRUCTURE, SYMMETRIC
from .registry import normalise
from .tables import display_width, pad

PREDICATES = ("provides", "targets", "supports", "guidedBy", "partnersWith", "donatesTo")
# Gold amount kinds and the ik: individuals the graph uses for them.
AMOUNT_KINDS = {"coverage": "Coverage", "donation": "Donation", "claims_paid": "ClaimsPaid",
                "credit": "Credit", "rent_relief": "RentRelief", "other": "OtherAmount"}
# Children whose parent links are scored: branches (unitOf) and insurers (subOrganizationOf).
STRUCTURE_CHILDREN = frozenset({"Branch", "Insurer"})
_KIND_NAMES = {v: k for k, v in AMOUNT_KINDS.items()}

_DECIMAL = re.compile(r"\d+(\.\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|--\d{2}-\d{2}")


# -- gold -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldEntity:
    """An entity a reader finds in the article: its class, canonical name and surface forms."""

    type: str
    name: str
    aliases: tuple[str, ...] = ()
    implied: bool = False  # not written in the article, only a parent its names imply; not scored
    optional: bool = False  # neither required nor wrong (ANNOTATION.md: generic lines, people words …)

    @property
    def scored(self) -> bool:
        """Whether finding it counts for recall and missing it against; else it is neutral."""
        return not (self.implied or self.optional)

    @property
    def keys(self) -> frozenset[str]:
        """The names it may be written as, in the form names are compared in."""
        return frozenset(normalise(n) for n in (self.name, *self.aliases))


@functools.cache
def always_optional(ontology_dir: Path | None = None) -> tuple[GoldEntity, ...]:
    """What ANNOTATION.md makes optional in every article (bare generic people words: 市民, 居民 …),
    from the knowledge folder's scoring.toml (none if it has no such file)."""
    path = Path(ontology_dir or ONTOLOGY_DIR) / "scoring.toml"
    if not path.is_file():
        return ()
    try:
        with open(path, "rb") as f:
            words = tomllib.load(f).get("optional_beneficiaries", [])
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise IkgError(f"{path}: {exc}") from None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise IkgError(f"{path}: optional_beneficiaries must be a list of strings")
    return tuple(GoldEntity("BeneficiaryGroup", w, optional=True) for w in words)


@dataclass(frozen=True)
class GoldRelation:
    """A relation the article states, with the quote that states it."""

    subject: GoldEntity
    predicate: str
    object: GoldEntity
    evidence: str


@dataclass(frozen=True)
class GoldStructure:
    """A parent link the article states or its names imply."""

    child: GoldEntity
    predicate: str  # unitOf | subOrganizationOf
    parent: GoldEntity


@dataclass(frozen=True)
class GoldAmount:
    """A money figure of the article and the organisation it belongs to."""

    agent: GoldEntity
    value: Decimal  # yuan
    kind: str  # a key of AMOUNT_KINDS
    date: str | None  # YYYY-MM-DD, or --MM-DD when the article gives no year
    as_written: str
    evidence: str


@dataclass
class GoldArticle:
    """The hand annotation of one article."""

    article: str  # the article id the builder gives it (file name without extension)
    path: Path
    entities: list[GoldEntity]
    relations: list[GoldRelation]
    structure: list[GoldStructure]
    amounts: list[GoldAmount]


def load_gold(gold_dir: Path) -> list[GoldArticle]:
    """Every gold file (``*.json``) in ``gold_dir``, checked; a bad one is a one-line error naming it."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise IkgError(f"{gold_dir}: no such folder")
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise IkgError(f"{gold_dir}: no gold files (*.json)")
    articles = [read_gold(p) for p in paths]
    seen: dict[str, Path] = {}
    for a in articles:
        if a.article in seen:
            raise IkgError(f"{a.path}: article {a.article!r} is annotated in {seen[a.article]} too")
        seen[a.article] = a.path
    return articles


def read_gold(path: Path) -> GoldArticle:
    """One gold file, with every reference between its parts resolved."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise IkgError(f"{path}: cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise IkgError(f"{path}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    try:
        return _gold_article(data, Path(path))
    except _GoldProblem as exc:
        raise IkgError(f"{path}: {exc}") from None


class _GoldProblem(ValueError):
    """What is wrong inside a gold file; :func:`read_gold` adds the file name."""


def _field(obj: dict, key: str, kind: type | tuple[type, ...], where: str, default=...):
    """``obj[key]``, checked to be of ``kind``; ``default`` when missing, if one is given."""
    if not isinstance(obj, dict):
        raise _GoldProblem(f"{where}: expected an object")
    if key not in obj:
        if default is ...:
            raise _GoldProblem(f"{where}: missing {key!r}")
        return default
    if not isinstance(obj[key], kind):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise _GoldProblem(f"{where}: {key!r} must be {names}")
    return obj[key]


def _choice(value: str, allowed: Iterable[str], what: str, where: str) -> str:
    if value not in allowed:
        raise _GoldProblem(f"{where}: unknown {what} {value!r}; use one of {', '.join(allowed)}")
    return value


def _items(data: dict, key: str) -> Iterable[tuple[dict, str]]:
    """The objects of the list ``data[key]`` (empty when absent), each with where it is."""
    return ((item, f"{key}[{i}]") for i, item in enumerate(_field(data, key, list, "top level", [])))


def _gold_entity(e: dict, where: str) -> GoldEntity:
    aliases = _field(e, "aliases", list, where, [])
    if not all(isinstance(a, str) for a in aliases):
        raise _GoldProblem(f"{where}: 'aliases' must be a list of strings")
    return GoldEntity(_choice(_field(e, "type", str, where), ENTITY_CLASSES, "type", where),
                      _field(e, "name", str, where), tuple(aliases), _field(e, "implied", bool, where, False),
                      _field(e, "optional", bool, where, False))


def _named(entities: dict[str, GoldEntity], name: str, where: str, implied_ok: bool = False) -> GoldEntity:
    """The entity called ``name``; only a structure parent may be an implied one, and no part may
    name an optional one."""
    if name not in entities:
        raise _GoldProblem(f"{where}: {name!r} is not the name of an entity in 'entities'")
    if entities[name].implied and not implied_ok:
        raise _GoldProblem(f"{where}: {name!r} is implied; only a structure parent may be")
    if entities[name].optional:
        raise _GoldProblem(f"{where}: {name!r} is optional; relations, structure and amounts name scored entities")
    return entities[name]


def _gold_relation(r: dict, where: str, entities: dict[str, GoldEntity]) -> GoldRelation:
    return GoldRelation(_named(entities, _field(r, "subject", str, where), where),
                        _choice(_field(r, "predicate", str, where), PREDICATES, "predicate", where),
                        _named(entities, _field(r, "object", str, where), where),
                        _field(r, "evidence", str, where))


def _gold_structure(s: dict, where: str, entities: dict[str, GoldEntity]) -> GoldStructure:
    return GoldStructure(_named(entities, _field(s, "child", str, where), where),
                         _choice(_field(s, "predicate", str, where), STRUCTURE, "predicate", where),
                         _named(entities, _field(s, "parent", str, where), where, implied_ok=True))


def _gold_amount(m: dict, where: str, entities: dict[str, GoldEntity]) -> GoldAmount:
    value = _field(m, "value", str, where)
    if not _DECIMAL.fullmatch(value):
        raise _GoldProblem(f"{where}: value {value!r} is not a decimal string of yuan such as \"13612000000\"")
    date = _field(m, "date", (str, type(None)), where, None)
    if date is not None and not _DATE.fullmatch(date):
        raise _GoldProblem(f"{where}: date {date!r} is neither YYYY-MM-DD nor --MM-DD")
    return GoldAmount(_named(entities, _field(m, "agent", str, where), where), Decimal(value),
                      _choice(_field(m, "kind", str, where), AMOUNT_KINDS, "kind", where), date,
                      _field(m, "as_written", str, where, ""), _field(m, "evidence", str, where))


def _gold_article(data, path: Path) -> GoldArticle:
    article = _field(data, "article", str, "top level")
    _field(data, "entities", list, "top level")
    entities: dict[str, GoldEntity] = {}
    for e, where in _items(data, "entities"):
        entity = _gold_entity(e, where)
        if entity.name in entities:
            raise _GoldProblem(f"{where}: entity {entity.name!r} is listed twice")
        entities[entity.name] = entity
    return GoldArticle(article, path, list(entities.values()),
                       [_gold_relation(r, where, entities) for r, where in _items(data, "relations")],
                       [_gold_structure(s, where, entities) for s, where in _items(data, "structure")],
                       [_gold_amount(m, where, entities) for m, where in _items(data, "amounts")])


# -- what the graph says ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Node:
    """A graph entity: its contract class, preferred label and every label, normalised."""

    iri: str
    type: str | None
    label: str
    keys: frozenset[str]


@dataclass(frozen=True)
class FoundAmount:
    """An ik:AmountFact of the graph; value, kind or date is None when the graph lacks it."""

    agent: Node
    value: Decimal | None
    kind: str | None  # a key of AMOUNT_KINDS
    date: str | None


@dataclass
class ArticleFacts:
    """What the graph says about one article."""

    entities: list[Node] = field(default_factory=list)
    relations: list[tuple[Node, str, Node]] = field(default_factory=list)
    structure: list[tuple[Node, str, Node]] = field(default_factory=list)
    # insurers' links to a parent the article does not mention (the registry's): a hit for a gold
    # link to an implied parent, else neither a hit nor a false positive, as implied entities are
    implied_structure: list[tuple[Node, str, Node]] = field(default_factory=list)
    amounts: list[FoundAmount] = field(default_factory=list)


class GraphReader:
    """Reads the contract's entities, facts and amounts of each article out of an RDF graph."""

    def __init__(self, graph: Graph):
        self.g = graph
        self._nodes: dict[URIRef, Node] = {}
        self.articles = {_article_id(a) for a in graph.subjects(RDF.type, SCHEMA.NewsArticle)}
        self._mentioned: dict[str, set[URIRef]] = {}
        for entity, article in graph.subject_objects(IK.mentionedIn):
            self._mentioned.setdefault(_article_id(article), set()).add(entity)
        self._relations = self._by_article(IK.RelationFact)
        self._amounts = self._by_article(IK.AmountFact)

    def _by_article(self, cls: URIRef) -> dict[str, list[URIRef]]:
        """Fact nodes of class ``cls`` by the article they are read from: the article of their
        evidence, or the one they derive from."""
        out: dict[str, list[URIRef]] = {}
        for fact in sorted(set(self.g.subjects(RDF.type, cls))):
            articles = {a for ev in self.g.objects(fact, IK.evidence) for a in self.g.objects(ev, IK.inArticle)}
            articles |= set(self.g.objects(fact, PROV.wasDerivedFrom))
            for article in articles:
                out.setdefault(_article_id(article), []).append(fact)
        return out

    def node(self, iri: URIRef) -> Node:
        """The entity at ``iri`` (cached): class by the contract's order, labels from every graph."""
        if iri not in self._nodes:
            types = set(self.g.objects(iri, RDF.type))
            cls = next((c for c in ENTITY_CLASSES if IK[c] in types), None)
            pref = sorted(str(label) for label in self.g.objects(iri, SKOS.prefLabel))
            labels = {*pref, *(str(label) for label in self.g.objects(iri, SKOS.altLabel))}
            self._nodes[iri] = Node(str(iri), cls, pref[0] if pref else str(iri),
                                    frozenset(normalise(label) for label in labels))
        return self._nodes[iri]

    def facts(self, article: str) -> ArticleFacts:
        """Entities mentioned in ``article``, the relations and amounts read from it, and the parent
        links of its branches (always: a branch's name states its insurer) and of its insurers (apart
        when the parent is not mentioned: see ``ArticleFacts.implied_structure``)."""
        mentioned = self._mentioned.get(article, set())
        out = ArticleFacts(entities=[self.node(e) for e in sorted(mentioned)])
        seen = set()
        for fact in self._relations.get(article, []):
            s, p, o = (self.g.value(fact, RDF[x]) for x in ("subject", "predicate", "object"))
            name = str(p).removeprefix(str(IK))
            key = (name, *sorted((s, o))) if name in SYMMETRIC else (name, s, o)
            if name in PREDICATES and key not in seen:  # one relation, however many sentences state it
                seen.add(key)
                out.relations.append((self.node(s), name, self.node(o)))
        for child in sorted(mentioned):
            for name in STRUCTURE:
                for parent in sorted(set(self.g.objects(child, STRUCTURE[name]))):
                    c = self.node(child)
                    if c.type in STRUCTURE_CHILDREN:
                        written = name == "unitOf" or parent in mentioned
                        (out.structure if written else out.implied_structure).append((c, name, self.node(parent)))
        for fact in self._amounts.get(article, []):
            out.amounts.extend(self._found_amount(fact))
        return out

    def _found_amount(self, fact) -> list[FoundAmount]:
        agent = self.g.value(fact, IK.agent)
        if agent is None:
            return []
        money = self.g.value(fact, IK.amount)
        value = self.g.value(money, SCHEMA.value) if money is not None else None
        kind = str(self.g.value(fact, IK.amountKind)).removeprefix(str(IK))
        date = self.g.value(fact, IK.asOf)
        return [FoundAmount(self.node(agent), _decimal(value), _KIND_NAMES.get(kind),
                            str(date) if date is not None else None)]


def _article_id(iri) -> str:
    return str(iri).removeprefix(str(ARTICLE))


def _decimal(value) -> Decimal | None:
    if not isinstance(value, Literal):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


# -- scoring ----------------------------------------------------------------------------------------

@dataclass
class Score:
    """Counts of one comparison and the measures they give (None where a count is zero)."""

    gold: int = 0
    found: int = 0
    correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        total = self.gold + self.found
        return 2 * self.correct / total if total else None

    def add(self, other: "Score") -> None:
        self.gold += other.gold
        self.found += other.found
        self.correct += other.correct

    def as_dict(self) -> dict:
        return {"gold": self.gold, "found": self.found, "correct": self.correct,
                "precision": _round(self.precision), "recall": _round(self.recall), "f1": _round(self.f1)}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


@dataclass(frozen=True)
class Item:
    """A miss or a false positive: which section, which article, and what, by name."""

    section: str  # entities | relations | structure | amounts
    article: str
    kind: str  # entity class, predicate, or "amount"
    text: str


@dataclass
class Report:
    """Precision, recall and F1 of one system on a set of gold articles, with what it got wrong."""

    system: str
    gold_dir: str
    articles: list[str]
    entities: dict[str, Score]  # per class, then "all" (typed) and "any type"
    relations: dict[str, Score]  # per predicate, then "all"
    structure: dict[str, Score]  # per predicate, then "all"
    amounts: Score
    amount_kind_agrees: int = 0  # among matched amounts
    amount_date_agrees: int = 0
    misses: list[Item] = field(default_factory=list)
    false_positives: list[Item] = field(default_factory=list)
    disagreements: list[Item] = field(default_factory=list)  # matched amounts whose kind or date differ

    def sections(self) -> dict[str, dict[str, Score]]:
        """Each scored section's rows: entities, relations and structure per row, amounts as one row."""
        return {"entities": self.entities, "relations": self.relations, "structure": self.structure,
                "amounts": {"all": self.amounts}}


def max_matching(gold: list, found: list, same: Callable, rank: Callable | None = None) -> list[tuple[int, int]]:
    """Pairs (gold index, found index) of a maximum one-to-one matching under ``same``; each gold item
    tries its candidates in ``rank`` order (lowest first), so that better pairs win where they can."""
    candidates = [[j for j, f in enumerate(found) if same(g, f)] for g in gold]
    if rank:
        candidates = [sorted(js, key=lambda j, g=g: rank(g, found[j])) for g, js in zip(gold, candidates)]
    owner: dict[int, int] = {}  # found index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def same_entity(gold: GoldEntity, node: Node) -> bool:
    """Same class, and one of the gold names is one of the graph entity's labels."""
    return gold.type == node.type and not gold.keys.isdisjoint(node.keys)


def _same_name(gold: GoldEntity, node: Node) -> bool:
    return not gold.keys.isdisjoint(node.keys)


def same_relation(gold: GoldRelation, found: tuple[Node, str, Node]) -> bool:
    """Same predicate, and both ends the same entities (either way round for a symmetric one)."""
    s, p, o = found
    if gold.predicate != p:
        return False
    forward = same_entity(gold.subject, s) and same_entity(gold.object, o)
    backward = p in SYMMETRIC and same_entity(gold.subject, o) and same_entity(gold.object, s)
    return forward or backward


def _same_structure(gold: GoldStructure, found: tuple[Node, str, Node]) -> bool:
    c, p, parent = found
    return gold.predicate == p and same_entity(gold.child, c) and same_entity(gold.parent, parent)


def _same_amount(gold: GoldAmount, found: FoundAmount) -> bool:
    return found.value is not None and gold.value == found.value and same_entity(gold.agent, found.agent)


def _yuan(value: Decimal | None) -> str:
    return "?" if value is None else f"{value.normalize():f}"


class _Scorer:
    """Accumulates one system's scores over articles."""

    def __init__(self, report: Report, optional: tuple[GoldEntity, ...]):
        self.r = report
        self.optional = optional  # neutral in every article (always_optional)

    def compare(self, section: str, scores: dict[str, Score], key: Callable, article: str, gold: list,
                found: list, same: Callable, gold_text: Callable, found_text: Callable,
                rank: Callable | None = None) -> list[tuple[int, int]]:
        """Match ``gold`` to ``found``, count per ``key``, and record misses and false positives."""
        pairs = max_matching(gold, found, same, rank)
        hit_gold, hit_found = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, g in enumerate(gold):
            scores.setdefault(key(g), Score()).gold += 1
            if i in hit_gold:
                scores[key(g)].correct += 1
            else:
                self.r.misses.append(Item(section, article, key(g), gold_text(g)))
        for j, f in enumerate(found):
            scores.setdefault(key(f), Score()).found += 1
            if j not in hit_found:
                self.r.false_positives.append(Item(section, article, key(f), found_text(f)))
        return pairs

    def article(self, gold: GoldArticle, facts: ArticleFacts) -> None:
        """Score one article in every section."""
        r, a = self.r, gold.article
        self.entities(a, [e for e in gold.entities if e.scored], _unneutral(gold.entities, facts.entities, self.optional))
        self.compare("relations", r.relations, _predicate_of, a, gold.relations, facts.relations,
                     same_relation, lambda g: f"{g.subject.name} {g.predicate} {g.object.name}", _triple_text)
        implied = [g for g in gold.structure if g.parent.implied]
        structure = facts.structure + [f for f in facts.implied_structure if any(_same_structure(g, f) for g in implied)]
        self.compare("structure", r.structure, _predicate_of, a, gold.structure, structure,
                     _same_structure, lambda g: f"{g.child.name} {g.predicate} {g.parent.name}", _triple_text)
        self.amounts(a, gold.amounts, facts.amounts)

    def entities(self, article: str, written: list[GoldEntity], found: list[Node]) -> None:
        """Typed matching per class, and the same matching with classes ignored ("any type")."""
        self.compare("entities", self.r.entities, _type_of, article, written, found, same_entity,
                     lambda e: e.name, lambda n: n.label)
        untyped = Score(len(written), len(found), len(max_matching(written, found, _same_name)))
        self.r.entities.setdefault("any type", Score()).add(untyped)

    def amounts(self, article: str, gold: list[GoldAmount], found: list[FoundAmount]) -> None:
        """Match on agent and value (preferring pairs that agree on kind and date), then count agreement."""
        scores: dict[str, Score] = {}
        pairs = self.compare("amounts", scores, lambda m: "amount", article, gold, found, _same_amount,
                             lambda g: f"{g.agent.name} {_yuan(g.value)} {g.kind} {g.date or '-'}",
                             lambda f: f"{f.agent.label} {_yuan(f.value)} {f.kind or '?'} {f.date or '-'}",
                             lambda g, f: (g.kind != f.kind) + (g.date != f.date))
        self.r.amounts.add(scores.get("amount", Score()))
        for i, j in pairs:
            g, f = gold[i], found[j]
            self.r.amount_kind_agrees += g.kind == f.kind
            self.r.amount_date_agrees += g.date == f.date
            if (g.kind, g.date) != (f.kind, f.date):
                text = (f"{g.agent.name} {_yuan(g.value)}: gold {g.kind} {g.date or '-'}, "
                        f"graph {f.kind or '?'} {f.date or '-'}")
                self.r.disagreements.append(Item("amounts", article, "amount", text))


def _unneutral(gold: list[GoldEntity], found: list[Node], optional: tuple[GoldEntity, ...]) -> list[Node]:
    """``found`` less the entities that match no scored gold entity but an implied or optional one
    (a bare generic people word is always optional): finding those is neither a hit nor a false
    positive."""
    scored = [g for g in gold if g.scored]
    neutral = [g for g in gold if not g.scored] + list(optional)
    hits = {j for _, j in max_matching(scored, found, same_entity)}
    return [n for j, n in enumerate(found) if j in hits or not any(same_entity(g, n) for g in neutral)]


def _triple_text(f: tuple[Node, str, Node]) -> str:
    return f"{f[0].label} {f[1]} {f[2].label}"


def _type_of(x) -> str:
    return x.type or "untyped"


def _predicate_of(x) -> str:
    return x.predicate if isinstance(x, (GoldRelation, GoldStructure)) else x[1]


def evaluate(gold: list[GoldArticle], graph: Graph, system: str = "ikg", gold_dir: str = "",
             ontology_dir: Path | None = None) -> Report:
    """Score ``graph`` against ``gold``; every gold article must be in the graph. What is optional
    in every article comes from ``ontology_dir``'s scoring.toml (default: the project's)."""
    reader = GraphReader(graph)
    report = Report(system, gold_dir, [g.article for g in gold], {}, {}, {}, Score())
    scorer = _Scorer(report, always_optional(ontology_dir))
    for g in gold:
        if g.article not in reader.articles:
            raise IkgError(f"{g.path}: article {g.article!r} is not in the graph (wrong --input or --graph?)")
        scorer.article(g, reader.facts(g.article))
    report.entities = _ordered(report.entities, ENTITY_CLASSES, ("any type",))
    report.relations = _ordered(report.relations, PREDICATES)
    report.structure = _ordered(report.structure, STRUCTURE)
    return report


def _ordered(scores: dict[str, Score], order: Iterable[str], extra: tuple[str, ...] = ()) -> dict[str, Score]:
    """Rows in a fixed order (then any others, e.g. "untyped"), an "all" total of those, then ``extra``."""
    order = list(order)
    out = {k: scores.get(k, Score()) for k in order}  # every row, so that tables line up side by side
    out.update({k: scores[k] for k in sorted(scores) if k not in out and k not in extra})
    total = Score()
    for s in out.values():
        total.add(s)
    out["all"] = total
    out.update({k: scores[k] for k in extra if k in scores})
    return out


# -- formats ----------------------------------------------------------------------------------------

def report_dict(report: Report) -> dict:
    """The report as plain JSON-ready data."""
    matched = report.amounts.correct
    return {
        "system": report.system,
        "gold": report.gold_dir,
        "articles": report.articles,
        "entities": {k: s.as_dict() for k, s in report.entities.items()},
        "relations": {k: s.as_dict() for k, s in report.relations.items()},
        "structure": {k: s.as_dict() for k, s in report.structure.items()},
        "amounts": {**report.amounts.as_dict(), "kind_agrees": report.amount_kind_agrees,
                    "date_agrees": report.amount_date_agrees, "matched": matched},
        "misses": [asdict(i) for i in report.misses],
        "false_positives": [asdict(i) for i in report.false_positives],
        "amount_disagreements": [asdict(i) for i in report.disagreements],
    }


def format_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2)


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def format_table(report: Report) -> str:
    """The report for a terminal: one row per class, predicate and section, then misses and false
    positives by name."""
    head = ["", "gold", "found", "correct", "P", "R", "F1"]
    rows: list[list[str] | str] = []
    for title, scores in report.sections().items():
        rows.append(title)
        for key, s in scores.items():
            rows.append([f"  {key}", str(s.gold), str(s.found), str(s.correct), _num(s.precision),
                         _num(s.recall), _num(s.f1)])
    widths = [max(display_width(r[i]) for r in [head, *rows] if isinstance(r, list)) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        return "  ".join([pad(cells[0], widths[0])] + [c.rjust(w) for c, w in zip(cells[1:], widths[1:])])

    out = [f"{report.system} on {len(report.articles)} article(s) of {report.gold_dir}", line(head)]
    out += [r if isinstance(r, str) else line(r) for r in rows]
    m = report.amounts.correct
    out.append(f"  matched amounts: kind agrees {report.amount_kind_agrees}/{m}, date agrees "
               f"{report.amount_date_agrees}/{m}")
    for title, items in (("misses (in the gold, not in the graph)", report.misses),
                         ("false positives (in the graph, not in the gold)", report.false_positives),
                         ("matched amounts of another kind or date", report.disagreements)):
        out += ["", f"{title}: {len(items)}"]
        for section in ("entities", "relations", "structure", "amounts"):
            for i in (i for i in items if i.section == section):
                out.append(f"  {section:<10} {i.article[:12]:<12}  {pad(i.kind, 16)}  {i.text}")
    return "\n".join(out)
