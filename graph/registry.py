"""Registry: the reference knowledge (ontology/registry/*.ttl) the linker resolves names against."""
from __future__ import annotations

import hashlib
import marshal
import sys
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.exceptions import ParserError

from .clauses import default_punctuation
from .data import ONTOLOGY_DIR
from .errors import IkgError
from .namespaces import ENTITY_CLASSES, IK, ORG, RDF, SKOS
from .records import Entity
from .writers import keep_derived


def normalise(name: str) -> str:
    """The form names are compared in: NFKC (full-width → half-width), no spaces, no quotes."""
    return "".join(ch for ch in unquoted(name) if not ch.isspace())


def unquoted(name: str) -> str:
    """``name`` in NFKC without its quotation marks: the label of a name found in text, so that
    “扶贫保” and 扶贫保, one entity (one normalised form), get one label in every article."""
    quotes = default_punctuation().quotes
    return "".join(ch for ch in unicodedata.normalize("NFKC", name) if ch not in quotes)


@dataclass(frozen=True)
class RegistryEntry:
    """One registry entity with what the linker needs to know about it."""

    entity: Entity
    aliases: tuple[str, ...]
    line: str | None = None  # line of business IRI (insurers)
    branch_insurer: str | None = None  # groups: which subsidiary owns branches named after the group
    # insurers and bodies of Hong Kong, Macao or Taiwan: the market whose news uses its local names
    market: str | None = None
    # groups whose own business is not insurance (China Post): their local offices are partners
    units_are_partners: bool = False
    list_insurer: str | None = None  # groups: which subsidiary the group's name means in a list of insurers
    shares_insurer: str | None = None  # groups: the subsidiary whose shares trade under the group's name


@dataclass
class Registry:
    """Registry entries with an alias index; ``graph`` (the Turtle files, parsed when first asked
    for) is merged into every output."""

    files: tuple[Path, ...] = ()
    entries: dict[str, RegistryEntry] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # normalised alias -> IRI
    generic_names: dict[str, str] = field(default_factory=dict)  # 财险公司 -> line IRI
    # market -> normalised local name -> IRI: 安盛 in Hong Kong news is AXA Hong Kong (ik:localName)
    local_names: dict[str, dict[str, str]] = field(default_factory=dict)
    _graph: Graph | None = field(default=None, repr=False)

    @property
    def graph(self) -> Graph:
        if self._graph is None:
            self._graph = _parse(self.files)
        return self._graph

    def lookup(self, name: str) -> RegistryEntry | None:
        """The entry a name (any alias, any width, with or without spaces) refers to."""
        iri = self.aliases.get(normalise(name))
        return self.entries[iri] if iri else None

    def subsidiaries(self, group: str, line: str, market: str | None) -> list[RegistryEntry]:
        """Insurers of ``group`` in ``line`` of business; of several, those in ``market`` (None: the
        mainland), as a group's Hong Kong or Taiwan arm is its P&C company only in that market's news."""
        found = [e for e in self.entries.values() if e.entity.parent == group and e.line == line]
        return [e for e in found if e.market == market] if len(found) > 1 else found

    def parent_of(self, iri: str) -> str | None:
        """The IRI of the insurer or group a registry entity belongs to, or None."""
        entry = self.entries.get(iri)
        return entry.entity.parent if entry else None

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

    def local_entry(self, market: str | None, name: str, named: Collection[str] = ()) -> RegistryEntry | None:
        """The insurer or body ``name`` stands for in news of ``market`` when it is one of its local names,
        or in any news that names that insurer or body by its own name (``named``: IRIs; 中国信托金融控股,
        then 中信金控: the reader has been told which)."""
        key = normalise(name)
        iri = self.local_names.get(market, {}).get(key) if market else None
        iri = iri or next((i for names in self.local_names.values() if (i := names.get(key)) in named), None)
        return self.entries[iri] if iri else None

    def market_of(self, named: Iterable[str], least: int, classes: Iterable[str] | None = None) -> str | None:
        """The market outside the mainland (ik:market) of which ``named`` (registry IRIs) holds at
        least ``least`` entities (of ``classes``, if given), the most of any market's; None if there is none."""
        kinds = None if classes is None else set(classes)
        counts = Counter(self.entries[iri].market for iri in set(named) if iri in self.entries
                         and (kinds is None or self.entries[iri].entity.cls in kinds))
        counts.pop(None, None)
        market, n = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
        return market if n >= least else None

    def kind_of_cover(self, iri: str | None) -> bool:
        """Whether ``iri`` names a kind of cover (惠民保), not one product: nothing provides or targets it."""
        entry = self.entries.get(iri)
        return entry is not None and entry.entity.kind_of_cover

    def alias_words(self) -> list[str]:
        """Every name the registry knows, as written (for the tokenizer's dictionary)."""
        return sorted({alias for entry in self.entries.values() for alias in entry.aliases})


def _contract_class(graph: Graph, node: URIRef) -> str | None:
    types = {str(t) for t in graph.objects(node, RDF.type)}
    for name in ENTITY_CLASSES:
        if str(IK[name]) in types:
            return name
    return None


def _parse(files: tuple[Path, ...]) -> Graph:
    graph = Graph()
    for path in files:
        data = path.read_bytes()
        base = path.resolve().as_uri()  # a relative --ontology has no file URI of its own
        try:
            graph.parse(data=data, format="turtle", publicID=base)
        except (ParserError, SyntaxError, ValueError) as exc:
            raise IkgError(f"{path}: not valid Turtle: {str(exc).splitlines()[0]}") from None
    return graph


def load_registry(directory: Path | None = None, cache_dir: Path | None = None, key: str = "") -> Registry:
    """Load every ``*.ttl`` in ``directory`` (default: the project's ontology/registry).

    With ``cache_dir`` and ``key`` (a hash of the files and of the code that reads them: the
    pipeline's fingerprint), the entries and aliases are kept in ``cache_dir`` for the next process,
    which then parses the Turtle (a quarter of a second) only if it asks for ``graph``."""
    directory = directory or ONTOLOGY_DIR / "registry"
    files = tuple(sorted(directory.glob("*.ttl")))
    if not files:
        raise IkgError(f"{directory}: no registry files (*.ttl) found")
    saved = _SavedRegistry(Path(cache_dir), key, files) if cache_dir is not None and key else None
    if saved is not None:
        registry = saved.load()
        if registry is not None:
            return registry
    registry = _read(files)
    if saved is not None:
        saved.save(registry)
    return registry


def _read(files: tuple[Path, ...]) -> Registry:
    graph = _parse(files)
    registry = Registry(files, _graph=graph)
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
            entity=Entity(str(node), cls, labels[0], str(parent) if parent else None, from_registry=True,
                          owner=str(owner) if (owner := graph.value(node, IK.ownedBy)) else None,
                          kind_of_cover=(node, RDF.type, IK.KindOfCover) in graph),
            aliases=aliases,
            line=str(graph.value(node, IK.line)) if graph.value(node, IK.line) else None,
            branch_insurer=str(graph.value(node, IK.branchInsurer)) if graph.value(node, IK.branchInsurer) else None,
            market=str(graph.value(node, IK.market)) if graph.value(node, IK.market) else None,
            units_are_partners=bool(graph.value(node, IK.unitsArePartners)),
            list_insurer=str(graph.value(node, IK.listInsurer)) if graph.value(node, IK.listInsurer) else None,
            shares_insurer=str(graph.value(node, IK.sharesInsurer)) if graph.value(node, IK.sharesInsurer) else None,
        )
        for name in graph.objects(node, IK.localName):
            registry.local_names.setdefault(entry.market, {})[normalise(str(name))] = str(node)
        registry.entries[str(node)] = entry
        for alias in aliases:
            key = normalise(alias)
            other = registry.aliases.get(key)
            if other and other != str(node):
                raise IkgError(f"registry: alias {alias!r} names both {other} and {node}")
            registry.aliases[key] = str(node)
    return registry


class _SavedRegistry:
    """A registry's entries, aliases and generic names as one marshal file (plain data: no code is
    run to load it), named by a hash of the key and the Python version (marshal's format),
    written atomically; a missing, damaged or foreign file only means the Turtle is parsed."""

    PREFIX = "registry-"

    def __init__(self, folder: Path, key: str, files: tuple[Path, ...]):
        digest = hashlib.sha256(f"{key}\0{sys.version}\0{FORMAT}\0".encode())
        digest.update("\0".join(str(f) for f in files).encode("utf-8", "surrogateescape"))
        self.folder, self.files = folder, files
        self.path = folder / f"{self.PREFIX}{digest.hexdigest()[:32]}.marshal"

    def load(self) -> Registry | None:
        try:
            generic, aliases, local, rows = marshal.loads(self.path.read_bytes())
            entries = {row[0]: RegistryEntry(Entity(row[0], row[1], row[2], row[3], from_registry=True,
                                                    owner=row[7], kind_of_cover=row[9]),
                                             tuple(row[4]), row[5], row[6], row[8], row[10], row[11], row[12]) for row in rows}
        except (OSError, EOFError, ValueError, TypeError, IndexError):
            return None
        if not (isinstance(generic, dict) and isinstance(aliases, dict) and isinstance(local, dict)):
            return None
        return Registry(self.files, entries, aliases, generic, local)

    def save(self, registry: Registry) -> None:
        rows = [(iri, e.entity.cls, e.entity.label, e.entity.parent, list(e.aliases), e.line, e.branch_insurer,
                 e.entity.owner, e.market, e.entity.kind_of_cover, e.units_are_partners, e.list_insurer,
                 e.shares_insurer)
                for iri, e in registry.entries.items()]
        keep_derived(self.path, marshal.dumps((registry.generic_names, registry.aliases, registry.local_names, rows)),
                     f"{self.PREFIX}*.marshal")  # knowledge or code that changed since


FORMAT = 7  # of the saved registry's tuple
