"""Look-ups by name: which entities a name, as some article writes it, stands for.

A build keeps an index in the store's named graph :data:`NAMES_GRAPH`: one triple
``<entity> ik:nameKey "key"`` per label and alias of every entity some article mentions, the key
being the name folded (:func:`name_key`: full-width → half-width, traditional → simplified, lower
case, no spaces or quotes). Finding a name is then one index probe in the store, whatever the corpus size;
incremental builds update the keys of the entities a changed article touches (see index.py).

Stores without the index (a graph file loaded into memory) are scanned instead, as before.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph

from .errors import IkgError
from .fold import fold
from .namespaces import ENTITY_CLASSES, GRAPH, IK, RDF, SKOS
from .registry import normalise

NAMES_GRAPH = GRAPH["index/names"]  # '/' never occurs in an article id, so no article graph clashes
SUMMARY_GRAPH = GRAPH["index/summary"]  # see summary.py and ontology/README.md
NAME_KEY = IK.nameKey


@dataclass(frozen=True)
class Hit:
    """An entity found by :func:`search`."""

    iri: str
    label: str  # Chinese preferred label
    cls: str  # contract class local name (Insurer, Product …); "" when unknown
    mentions: int  # articles that mention it


def name_key(name: str) -> str:
    """The form names are indexed and looked up in: normalised (width, spaces, quotes), folded
    (traditional → simplified) and in lower case, so 中國人壽, 中国人寿 and ｢中国 人寿｣ share one
    key, as AIG, ＡＩＧ and aig do. (The explorer page folds what is typed alike: render_html.py.)"""
    return fold(normalise(name)).casefold()


def has_index(store: pyoxigraph.Store) -> bool:
    """Whether ``store`` holds the names index (stores made by `ikg build` do)."""
    return any(True for _ in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(str(NAMES_GRAPH))))


def find(store: pyoxigraph.Store, name: str) -> list[str]:
    """IRIs (sorted) of the entities some article mentions that ``name`` names: a preferred label or
    an alias, in any script or width. Empty when none; more than one when the name is ambiguous.

    Milliseconds on a store `ikg build` made (an index probe); a scan of every label otherwise.
    """
    key = name_key(name)
    if not key:
        return []
    if has_index(store):
        quads = store.quads_for_pattern(None, pyoxigraph.NamedNode(str(NAME_KEY)), pyoxigraph.Literal(key),
                                        pyoxigraph.NamedNode(str(NAMES_GRAPH)))
        return sorted({q.subject.value for q in quads})
    return _scan(store, key)


def find_one(store: pyoxigraph.Store, name: str) -> str:
    """The IRI of the one entity ``name`` names (or ``name`` itself when it is an IRI); a one-line
    :class:`IkgError` when it names none or several."""
    if name.startswith(("http://", "https://")):
        try:
            known = any(True for _ in store.quads_for_pattern(pyoxigraph.NamedNode(name), None, None, None))
        except ValueError:  # pyoxigraph refuses a malformed IRI
            known = False
        if not known:
            raise IkgError(f"no entity {name} in the graph")
        return name
    found = find(store, name)
    if not found:
        raise IkgError(f"no entity named {name!r} in the graph (try 'ikg query queries/aliases.rq')")
    if len(found) > 1:
        raise IkgError(f"{name!r} names {len(found)} entities; give one IRI: {', '.join(found)}")
    return found[0]


def search(store: pyoxigraph.Store, text: str, limit: int = 20) -> list[Hit]:
    """Entities one of whose names contains ``text`` (folded as :func:`name_key` does): those with a
    name equal to it first, then those with a name starting with it, each group the most mentioned
    first; at most ``limit``. For search boxes; a store without the index is scanned."""
    key = name_key(text)
    if not key:
        return []
    if has_index(store):
        rows = store.query(f"""SELECT ?e ?k WHERE {{ GRAPH <{NAMES_GRAPH}> {{
            ?e <{NAME_KEY}> ?k FILTER(CONTAINS(?k, {pyoxigraph.Literal(key)})) }} }}""")
        keys = [(row["e"].value, row["k"].value) for row in rows]
    else:
        keys = [(iri, name_key(label)) for iri, label in _labels(store)]
        keys = [(iri, k) for iri, k in keys if key in k]
    rank: dict[str, int] = {}
    for iri, k in keys:
        rank[iri] = min(rank.get(iri, 2), 0 if k == key else 1 if k.startswith(key) else 2)
    hits = [_hit(store, iri) for iri in rank]
    hits.sort(key=lambda h: (rank[h.iri], -h.mentions, h.label, h.iri))
    return hits[:limit]


def _hit(store: pyoxigraph.Store, iri: str) -> Hit:
    """Label, class and mention count of an entity: from the summary graph, else from the union."""
    node = pyoxigraph.NamedNode(iri)
    summary = pyoxigraph.NamedNode(str(SUMMARY_GRAPH))
    in_summary = any(True for _ in store.quads_for_pattern(node, None, None, summary))
    graph = summary if in_summary else pyoxigraph.DefaultGraph()

    def values(predicate) -> list[str]:
        quads = store.quads_for_pattern(node, pyoxigraph.NamedNode(str(predicate)), None, graph)
        return sorted(q.object.value for q in quads)

    labels = values(SKOS.prefLabel)
    classes = [c.removeprefix(str(IK)) for c in values(RDF.type) if c.removeprefix(str(IK)) in ENTITY_CLASSES]
    if graph == summary:
        counts = values(IK.mentionCount)
        mentions = int(counts[0]) if counts else 0
    else:
        mentions = len(values(IK.mentionedIn))
    return Hit(iri, labels[0] if labels else iri, min(classes, key=ENTITY_CLASSES.index) if classes else "", mentions)


def _labels(store: pyoxigraph.Store) -> list[tuple[str, str]]:
    """(entity, label or alias) of every entity some article mentions, read from the union."""
    rows = store.query(f"""
        SELECT DISTINCT ?e ?l WHERE {{ {{ ?e <{SKOS.prefLabel}> ?l }} UNION {{ ?e <{SKOS.altLabel}> ?l }}
                                      FILTER EXISTS {{ ?e <{IK.mentionedIn}> ?a }} }}""")
    return [(row["e"].value, row["l"].value) for row in rows]


def _scan(store: pyoxigraph.Store, key: str) -> list[str]:
    """The entities with a label whose key is ``key``, by reading every label (no index)."""
    return sorted({iri for iri, label in _labels(store) if name_key(label) == key})
