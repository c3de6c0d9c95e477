"""Rules: the recogniser's and relation extractor's patterns, read from ontology/patterns.toml."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import IkgError
from .registry import ONTOLOGY_DIR


@dataclass(frozen=True)
class RelationRule:
    """Fire ``predicate`` for an object of an allowed class whose context matches."""

    predicate: str
    subject: frozenset[str]
    object: frozenset[str]
    before: re.Pattern | None
    after: re.Pattern | None
    exclude_before: re.Pattern | None
    subject_search: tuple[str, ...]


@dataclass(frozen=True)
class Rules:
    """Everything in patterns.toml, compiled."""

    branch: re.Pattern  # region + unit right after an insurer's name
    local_branch: re.Pattern  # district + 支公司/营业部 at a clause start
    bare_branch: re.Pattern  # region? + unit at a clause start
    unknown_insurer: re.Pattern  # <stem><insurer suffix>
    insurer_max_stem: int
    name_boundary_tokens: frozenset[str]
    insurer_stem_stopwords: frozenset[str]
    region_suffix: re.Pattern
    line_reference_prefixes: tuple[str, ...]
    anaphor: re.Pattern
    clause_start: re.Pattern
    reference_window: int
    quote: re.Pattern
    product_inside: re.Pattern
    product_after: re.Pattern
    product_before: re.Pattern
    initiative_inside: re.Pattern
    initiative_after: re.Pattern
    unquoted_product: re.Pattern
    unquoted_product_exclude: re.Pattern
    relations: tuple[RelationRule, ...]
    clause_separators: re.Pattern
    subject_blockers: re.Pattern
    structure_between: re.Pattern
    structure_owner: frozenset[str]
    structure_predicate: dict[str, str]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _compile(pattern: str | None, where: str) -> re.Pattern | None:
    if pattern is None:
        return None
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise IkgError(f"patterns.toml: {where}: bad regular expression: {exc}") from None


def load_rules(path: Path | None = None) -> Rules:
    """Read and compile the rules file (default: the project's ontology/patterns.toml)."""
    path = path or ONTOLOGY_DIR / "patterns.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise IkgError(f"{path}: {exc}") from None
    names, products, structure = data["names"], data["products"], data["structure"]
    regions = _alternation(names["regions"])
    region_suffix = _alternation(names["region_suffixes"])
    units = _alternation(names["branch_units"])
    clause_start = names["clause_start"]
    pairs = products["quote_pairs"]
    n = products["max_length"]
    quote = "|".join(f"{re.escape(p[0])}([^{re.escape(p)}。！？\\n]{{1,{n}}}){re.escape(p[1])}" for p in pairs)
    relations = tuple(
        RelationRule(
            predicate=r["predicate"],
            subject=frozenset(r["subject"]),
            object=frozenset(r["object"]),
            before=_compile(r.get("before"), f"relation {r['predicate']} before"),
            after=_compile(r.get("after"), f"relation {r['predicate']} after"),
            exclude_before=_compile(r.get("exclude_before"), f"relation {r['predicate']} exclude_before"),
            subject_search=tuple(r.get("subject_search", ["before", "topic"])),
        )
        for r in data["relation"]
    )
    return Rules(
        branch=re.compile(f"(?P<region>{regions})(?:{region_suffix})?(?P<unit>{units})"),
        local_branch=re.compile(
            f"(?<={clause_start})(?P<region>{names['local_unit_name']}?)(?P<unit>{_alternation(names['local_units'])})"),
        bare_branch=re.compile(f"(?:(?<={clause_start})|^)(?P<region>{regions})?(?:{region_suffix})?(?P<unit>分公司|{units})"),
        unknown_insurer=re.compile(f"(?P<stem>[\\u4e00-\\u9fffA-Za-z]{{1,{names['insurer_max_stem']}}}?)"
                                   f"(?P<suffix>{_alternation(names['insurer_suffixes'])})"),
        insurer_max_stem=names["insurer_max_stem"],
        name_boundary_tokens=frozenset(names["name_boundary_tokens"]),
        insurer_stem_stopwords=frozenset(names["insurer_stem_stopwords"]),
        region_suffix=re.compile(f"(?:{region_suffix})$"),
        line_reference_prefixes=tuple(names["line_reference_prefixes"]),
        anaphor=re.compile(f"(?:(?<={clause_start})|^)(?:{_alternation(names['anaphors'])})"),
        clause_start=re.compile(clause_start),
        reference_window=names["reference_window"],
        quote=re.compile(quote),
        product_inside=re.compile(products["product_inside"]),
        product_after=re.compile(products["product_after"]),
        product_before=re.compile(products["product_before"]),
        initiative_inside=re.compile(products["initiative_inside"]),
        initiative_after=re.compile(products["initiative_after"]),
        unquoted_product=re.compile(products["unquoted_product"]),
        unquoted_product_exclude=re.compile(products["unquoted_product_exclude"]),
        relations=relations,
        clause_separators=re.compile(f"[{re.escape(data['relations']['clause_separators'])}]"),
        subject_blockers=re.compile(data["relations"]["subject_blockers"]),
        structure_between=re.compile(structure["between"]),
        structure_owner=frozenset(structure["owner"]),
        structure_predicate=dict(structure["predicate_by_class"]),
    )
