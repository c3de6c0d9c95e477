"""Rules: the recogniser's and relation extractor's patterns, read from ontology/patterns.toml."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .data import ONTOLOGY_DIR
from .errors import IkgError
from .quantities import QuantityRules


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
class SuffixName:
    """Names of class ``cls`` that end with one of ``suffix``; the stem is found by walking back."""

    cls: str
    suffix: re.Pattern
    max_stem: int
    needs_branch: bool
    check_pos: bool


@dataclass(frozen=True)
class Rules:
    """Everything in patterns.toml, compiled."""

    branch: re.Pattern  # region + unit right after an insurer's name
    local_branch: re.Pattern  # place + 中心支公司/支公司/营业部 (after a name, or at a clause start)
    local_unit_stopwords: frozenset[str]
    partner_branch: re.Pattern  # region or place + 分行/支行 right after a partner's name
    bare_branch: re.Pattern  # region? + unit at a clause start
    suffix_names: tuple[SuffixName, ...]
    pattern_names: tuple[tuple[str, re.Pattern], ...]  # (class, pattern)
    name_boundary_tokens: frozenset[str]
    stem_stopwords: frozenset[str]
    reject_pos: frozenset[str]
    region_suffix: re.Pattern
    line_reference_prefixes: tuple[str, ...]
    anaphor: re.Pattern
    product_anaphor: re.Pattern
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
    structure: tuple[tuple[bool, re.Pattern, re.Pattern | None], ...]  # (owner first?, between, after)
    structure_owner: frozenset[str]
    structure_predicate: dict[str, str]
    co_subject: re.Pattern
    co_subject_after: re.Pattern
    quantities: QuantityRules
    as_of_markers: re.Pattern


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
    sub_units = _alternation(names["sub_units"])
    gap = names["unit_gap"]
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
        branch=re.compile(f"{gap}(?P<region>{regions})(?:{region_suffix})?(?P<unit>(?:{units})(?:{sub_units})?)"),
        local_branch=re.compile(f"{gap}(?P<region>{names['local_unit_name']})"
                                f"(?P<unit>(?:{_alternation(names['local_units'])})(?:{sub_units})?)"),
        partner_branch=re.compile(f"{gap}(?P<region>{regions}|{names['local_unit_name']})(?:{region_suffix})?"
                                  f"(?P<unit>{_alternation(names['partner_units'])})"),
        local_unit_stopwords=frozenset(names["local_unit_stopwords"]),
        bare_branch=re.compile(f"(?:(?<={clause_start})|^)(?P<region>{regions})?(?:{region_suffix})?(?P<unit>分公司|{units})"),
        suffix_names=tuple(
            SuffixName(n["class"], re.compile(_alternation(n["suffixes"])), n["max_stem"], n.get("needs_branch", False),
                       n.get("check_pos", False))
            for n in names["suffix_name"]),
        pattern_names=tuple(
            (n["class"], _compile(n["pattern"].replace("{regions}", regions), f"pattern_name {n['class']}"))
            for n in names["pattern_name"]),
        name_boundary_tokens=frozenset(names["boundaries"]["name_boundary_tokens"]),
        stem_stopwords=frozenset(names["boundaries"]["stem_stopwords"]),
        reject_pos=frozenset(names["boundaries"]["reject_pos"]),
        region_suffix=re.compile(f"(?:{region_suffix})$"),
        line_reference_prefixes=tuple(names["line_reference_prefixes"]),
        anaphor=re.compile(f"(?:(?<={clause_start})|^)(?:{_alternation(names['anaphors'])})"),
        product_anaphor=re.compile(_alternation(names["product_anaphors"])),
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
        structure=tuple((p["order"] == "owner_first", _compile(p["between"], "structure between"),
                         _compile(p.get("after"), "structure after")) for p in structure["pattern"]),
        co_subject=re.compile(data["relations"]["co_subject"]),
        co_subject_after=re.compile(data["relations"]["co_subject_after"]),
        quantities=QuantityRules.from_table(data["figures"]),
        as_of_markers=re.compile(data["dates"]["as_of_markers"]),
        structure_owner=frozenset(structure["owner"]),
        structure_predicate=dict(structure["predicate_by_class"]),
    )
