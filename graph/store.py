"""Stores: read a built graph file into pyoxigraph (for SPARQL) or rdflib (for serialisation).

`ikg query` answers from pyoxigraph: on the seeds' graph it loads the TriG file 20× faster than
rdflib and answers the queries/ files 30–1000× faster (one roll-up took 5.9 s in rdflib, <1 ms here).
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
from rdflib import Dataset

from .errors import IkgError, parse_problem
from .generations import pin
from . import entity_index
from .lookup import NAMES_GRAPH, SUMMARY_GRAPH
from .to_rdf import new_dataset
from .writers import format_of_file, write_atomic

def _format(path: Path):
    """rdflib's parser and pyoxigraph's format of an RDF file, by its ending."""
    fmt = format_of_file(path)
    return fmt.plugin, fmt.oxigraph


def _check(path: Path) -> None:
    if not path.is_file():
        raise IkgError(f"{path}: no such file (run 'ikg build' first?)")


def open_store(path: Path, union: bool = True) -> pyoxigraph.Store:
    """A pyoxigraph store: the on-disk store ``ikg build`` made (a folder, opened read-only), or an
    in-memory one holding the RDF file at ``path`` (named graphs kept).

    With ``union``, the default graph also holds every triple of the named graphs (for queries).
    """
    path = Path(path)
    if path.is_dir():  # a store made by `ikg build`: its default graph is already the union
        real = pin(path)  # the generation it belongs to, kept from deletion while we read it
        try:
            return pyoxigraph.Store.read_only(str(real))
        except OSError as exc:
            raise IkgError(f"{path}: cannot open the store: {str(exc).splitlines()[0]}") from None
        except RuntimeError as exc:  # RocksDB's "Corruption: …": a disk's fault, and the cache still holds it all
            raise IkgError(f"{path}: the store is damaged ({str(exc).split(':')[0]}); "
                           "run 'ikg build' again to make it anew") from None
    fmt = _format(path)[1]
    _check(path)
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise IkgError(f"{path}: cannot parse as {fmt.name}: {str(exc).splitlines()[0]}") from None
    # The default graph is the set union of the named graphs. (pyoxigraph's own union option keeps
    # one copy per graph, so a label stated in two articles would count twice in a SUM.)
    if union:
        default = pyoxigraph.DefaultGraph()
        store.extend([pyoxigraph.Quad(q.subject, q.predicate, q.object, default)
                      for q in store if q.graph_name != default])
    return store


def save_store(store: pyoxigraph.Store, path: Path) -> None:
    """Write ``store`` back to the RDF file at ``path``, in that file's format, atomically."""
    path = Path(path)
    fmt = _format(path)[1]
    data = (store.dump(format=fmt) if fmt.supports_datasets
            else store.dump(format=fmt, from_graph=pyoxigraph.DefaultGraph()))
    write_atomic(path, data)


def load_dataset(path: Path) -> Dataset:
    """An rdflib dataset holding the RDF file at ``path`` (named graphs kept where the format has
    them), or the named graphs of the store folder ``ikg build`` made."""
    path = Path(path)
    if path.is_dir():
        store = open_store(path)
        default = pyoxigraph.DefaultGraph()
        nquads = pyoxigraph.serialize((q for q in store if q.graph_name != default
                                       and q.graph_name.value not in INDEX_GRAPHS),
                                      format=pyoxigraph.RdfFormat.N_QUADS)
        ds = new_dataset()
        ds.parse(data=nquads, format="nquads")
        return ds
    fmt = _format(path)[0]
    _check(path)
    real = pin(path)  # an export read through output/graph.trig: keep its generation while reading
    ds = new_dataset()
    try:
        ds.parse(real, format=fmt)  # a triples format lands in one graph of its own; queries see the union
    except Exception as exc:  # rdflib's parsers raise many unrelated exception types
        raise IkgError(f"{path}: cannot parse as {fmt}: {parse_problem(exc)}") from None
    return ds


def memory_store(nquads: bytes) -> pyoxigraph.Store:
    """An in-memory store of the N-Quads ``nquads`` made as `ikg build` makes its store: the union
    as the default graph, plus the names index and the summary graph (which the explorer reads)."""
    graphs = GraphStore(None)
    graphs.load_all([nquads])
    return graphs.store


class GraphStore:
    """The graph on disk (a pyoxigraph store): one named graph per article plus the registry and
    ontology graphs, and their union kept as the default graph, which queries read.

    The per-article cache is the source of truth; this store is an index made from it. A build
    writes a new store in a new generation (a cheap copy of the previous one, see :meth:`copy`),
    never the store readers have open.
    """

    def __init__(self, folder: Path | None):
        """The store in ``folder`` (made if new); ``None`` keeps it in memory (see :func:`memory_store`)."""
        self.folder = Path(folder) if folder is not None else None
        self.store = pyoxigraph.Store(str(self.folder) if self.folder is not None else None)

    @staticmethod
    def copy(source: Path, target: Path) -> None:
        """Make ``target`` a store with the content of the store ``source``: a RocksDB checkpoint,
        whose immutable files are hard links, so it costs little whatever the size."""
        pyoxigraph.Store.read_only(str(source)).backup(str(target))

    def graph_names(self) -> set[str]:
        return {g.value for g in self.store.named_graphs() if isinstance(g, pyoxigraph.NamedNode)}

    def flush(self) -> None:
        self.store.flush()

    def optimize(self) -> None:
        """Compact the store's files: whole-corpus queries read them about twice as fast after a
        bulk load (10,000 bench articles: 17 s to compact, aliases.rq 14.3 s -> 5.7 s)."""
        self.store.optimize()

    def replace(self, name: str, nquads: bytes | None) -> entity_index.Touched:
        """Make the named graph ``name`` hold the quads of ``nquads`` (or drop it), keeping the union
        right, and the summaries of the relations it changes (entity_index.update_relations: by
        difference, not counted again from all their evidence); returns the entities and articles
        whose derived data (entity_index.py) the change may alter, for :meth:`refresh_index`, and the
        relations only when a blank-node fact kept them from being updated here."""
        graph = pyoxigraph.NamedNode(name)
        default = pyoxigraph.DefaultGraph()
        before = list(self.store.quads_for_pattern(None, None, None, graph))
        old = {q.triple for q in before}
        new = list(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS)) if nquads else []
        facts = entity_index.facts_fed(self.store, [*before, *new])
        prior = entity_index.fact_rows(self.store, facts) if facts is not None else None
        self.store.remove_graph(graph)
        self.store.extend(new)
        for t in old - {q.triple for q in new}:
            # a triple leaves the union only when no other graph states it
            if not any(q.graph_name != default and q.graph_name.value not in INDEX_GRAPHS
                       for q in self.store.quads_for_pattern(t.subject, t.predicate, t.object)):
                self.store.remove(pyoxigraph.Quad(t.subject, t.predicate, t.object, default))
        self.store.extend([pyoxigraph.Quad(q.subject, q.predicate, q.object, default) for q in new])
        found = entity_index.touched([*before, *new])
        if facts is None:
            return found
        entity_index.update_relations(self.store, facts, prior)
        return entity_index.Touched(found.entities, articles=found.articles)

    def refresh_index(self, changed: entity_index.Touched) -> None:
        """Bring the names index and the summary graph up to date for what ``changed`` names."""
        entity_index.refresh(self.store, changed)

    def load_all(self, blobs) -> None:
        """Fill an empty store with N-Quads documents and the union of their graphs, fast: the
        documents go to pyoxigraph's bulk loader a few hundred at a time."""
        chunk: list[bytes] = []
        for nquads in blobs:
            chunk.append(nquads)
            if len(chunk) == _LOAD_CHUNK:
                self._bulk(chunk)
                chunk = []
        if chunk:
            self._bulk(chunk)
        entity_index.rebuild(self.store)

    def _bulk(self, chunk: list[bytes]) -> None:
        # parse() keeps blank-node labels (the bulk loader renames them), so every build writes
        # the same bytes and the union shares the named graphs' blank nodes
        quads = list(pyoxigraph.parse(b"".join(chunk), format=pyoxigraph.RdfFormat.N_QUADS))
        default = pyoxigraph.DefaultGraph()
        self.store.bulk_extend(quads + [pyoxigraph.Quad(q.subject, q.predicate, q.object, default) for q in quads])

    def close(self) -> None:
        del self.store


_LOAD_CHUNK = 500
INDEX_GRAPHS = frozenset({str(NAMES_GRAPH), str(SUMMARY_GRAPH)})  # derived, outside the union
