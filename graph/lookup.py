"""Look-ups by name: which entities a name, as some article writes it, stands for.

A build keeps an index in the store's named graph :data:`NAMES_GRAPH`: one triple
``<entity> ik:nameKey "key"`` per label and alias of every entity some article mentions, the key
being the name folded (:func:`name_key`: full-width → half-width, traditional → simplified, no
spaces or quotes). Finding a name is then one index probe in the store, whatever the corpus size;
incremental builds update the keys of the entities a changed article touches (see index.py).

Stores without the index (a graph file loaded into memory) are scanned instead, as before.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph

from .errors import IkgError
from .fold import fold
from .namespaces import GRAPH, IK, SKOS
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
    """The form names are indexed and looked up in: normalised (width, spaces, quotes) and folded
    (traditional → simplified), so 中國人壽, 中国人寿 and ｢中国 人寿｣ share one key."""
    return fold(normalise(name))


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
        return name
    found = find(store, name)
    if not found:
        raise IkgError(f"no entity named {name!r} in the graph (try 'ikg query queries/aliases.rq')")
    if len(found) > 1:
        raise IkgError(f"{name!r} names {len(found)} entities; give one IRI: {', '.join(found)}")
    return found[0]


def search(store: pyoxigraph.Store, text: str, limit: int = 20) -> list[Hit]:
    """Entities one of whose names contains ``text`` (folded as :func:`name_key` does), exact
    matches first, then the most mentioned; at most ``limit``. For search boxes."""
    raise NotImplementedError  # filled in with the summary graph


def _scan(store: pyoxigraph.Store, key: str) -> list[str]:
    """The entities with a label whose key is ``key``, by reading every label (no index)."""
    rows = store.query(f"""
        SELECT DISTINCT ?e ?l WHERE {{ {{ ?e <{SKOS.prefLabel}> ?l }} UNION {{ ?e <{SKOS.altLabel}> ?l }}
                                      FILTER EXISTS {{ ?e <{IK.mentionedIn}> ?a }} }}""")
    return sorted({row["e"].value for row in rows if name_key(row["l"].value) == key})
