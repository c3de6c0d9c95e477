"""Registry: the reference knowledge (ontology/registry/*.ttl) the linker resolves names against."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.exceptions import ParserError

from .clauses import default_punctuation
from .data import ONTOLOGY_DIR
from .errors import IkgError
from .namespaces import ENTITY_CLASSES, IK, ORG, RDF, SKOS
from .records import Entity


def normalise(name: str) -> str:
    """The form names are compared in: NFKC (full-width → half-width), no spaces, no quotes."""
    folded = unicodedata.normalize("NFKC", name)
    quotes = default_punctuation().quotes
    return "".join(ch for ch in folded if not ch.isspace() and ch not in quotes)


@dataclass(frozen=True)
class RegistryEntry:
    """One registry entity with what the linker needs to know about it."""

    entity: Entity
    aliases: tuple[str, ...]
    line: str | None = None  # line of business IRI (insurers)
    branch_insurer: str | None = None  # groups: which subsidiary owns branches named after the group


@dataclass
class Registry:
    """Registry entries with an alias index; ``graph`` is merged into every output."""

    graph: Graph
    entries: dict[str, RegistryEntry] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # normalised alias -> IRI
    generic_names: dict[str, str] = field(default_factory=dict)  # 财险公司 -> line IRI

    def lookup(self, name: str) -> RegistryEntry | None:
        """The entry a name (any alias, any width, with or without spaces) refers to."""
        iri = self.aliases.get(normalise(name))
        return self.entries[iri] if iri else None

    def subsidiaries(self, group: str, line: str) -> list[RegistryEntry]:
        """Insurers of ``group`` in ``line`` of business."""
        return [e for e in self.entries.values() if e.entity.parent == group and e.line == line]

    def group_of(self, iri: str) -> str | None:
        """The insurance group an entity belongs to (itself if it is one), following parent links."""
        seen = set()
        while iri and iri not in seen:
            seen.add(iri)
            entry = self.entries.get(iri)
            if entry is None:
                return None
            if entry.entity.cls == "InsuranceGroup":
                return iri
            iri = entry.entity.parent
        return None

    def alias_words(self) -> list[str]:
        """Every name the registry knows, as written (for the tokenizer's dictionary)."""
        return sorted({alias for entry in self.entries.values() for alias in entry.aliases})


def _contract_class(graph: Graph, node: URIRef) -> str | None:
    types = {str(t) for t in graph.objects(node, RDF.type)}
    for name in ENTITY_CLASSES:
        if str(IK[name]) in types:
            return name
    return None


def load_registry(directory: Path | None = None) -> Registry:
    """Load every ``*.ttl`` in ``directory`` (default: the project's ontology/registry)."""
    directory = directory or ONTOLOGY_DIR / "registry"
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise IkgError(f"{directory}: no registry files (*.ttl) found")
    graph = Graph()
    for path in files:
        data = path.read_bytes()
        try:
            graph.parse(data=data, format="turtle", publicID=path.as_uri())
        except (ParserError, SyntaxError, ValueError) as exc:
            raise IkgError(f"{path}: not valid Turtle: {str(exc).splitlines()[0]}") from None

    registry = Registry(graph=graph)
    for concept, name in graph.subject_objects(IK.genericName):
        registry.generic_names[normalise(str(name))] = str(concept)
    for node in set(graph.subjects(SKOS.prefLabel, None)):
        cls = _contract_class(graph, node)
        if cls is None or not isinstance(node, URIRef):
            continue
        labels = [str(l) for l in graph.objects(node, SKOS.prefLabel) if getattr(l, "language", None) == "zh"]
        if len(labels) != 1:
            raise IkgError(f"registry: {node} needs exactly one skos:prefLabel@zh, has {len(labels)}")
        parent = graph.value(node, ORG.subOrganizationOf) or graph.value(node, ORG.unitOf)
        aliases = (labels[0], *sorted(str(a) for a in graph.objects(node, SKOS.altLabel)))
        entry = RegistryEntry(
            entity=Entity(str(node), cls, labels[0], str(parent) if parent else None, from_registry=True),
            aliases=aliases,
            line=str(graph.value(node, IK.line)) if graph.value(node, IK.line) else None,
            branch_insurer=str(graph.value(node, IK.branchInsurer)) if graph.value(node, IK.branchInsurer) else None,
        )
        registry.entries[str(node)] = entry
        for alias in aliases:
            key = normalise(alias)
            other = registry.aliases.get(key)
            if other and other != str(node):
                raise IkgError(f"registry: alias {alias!r} names both {other} and {node}")
            registry.aliases[key] = str(node)
    return registry

