"""Reader processes for ``ikg serve``: each holds the store open and answers one request at a time,
and one that runs past its deadline is killed and replaced.

Why processes: a SPARQL query cannot be stopped from inside (pyoxigraph has no cancel), so the
only sure timeout is to kill whatever runs it; and the server has threads, so its readers are
started fresh ("spawn") rather than forked with copies of the threads' locks.

Each request names the data path (``output/store``, which links into the current generation);
a reader resolves it every time and, when a build has published a new generation, opens that
one and lets go of the old (see generations.py: a reader pins the generation it reads).
"""
from __future__ import annotations

import json
import multiprocessing
import os
import queue
import signal
import threading
from pathlib import Path

from .errors import IkgError

STARTUP_SECONDS = 120  # for a reader to import what it needs (seconds on a busy machine)
QUEUE_SECONDS = 30  # a request waits this long for a free reader before it is turned away

class Timeout(Exception):
    """A request ran longer than the deadline (its reader was killed) or waited for a free reader."""


class Readers:
    """A fixed number of reader processes over the data at ``data`` (a store folder or RDF file)."""

    def __init__(self, data: Path, size: int = 2, timeout: float = 10.0):
        self.data, self.timeout = Path(data), timeout
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue = queue.Queue()
        self._all: set = set()
        self._lock = threading.Lock()
        self._closed = False
        for reader in [self._start() for _ in range(size)]:
            if not self._ready(reader):
                self.close()
                raise IkgError("a reader process did not start")

    def _replace(self) -> None:
        """Start a reader in the place of one that was stopped; it joins the idle ones when ready."""
        if not self._closed:
            threading.Thread(target=self._ready, args=(self._start(),), daemon=True).start()

    def _ready(self, reader) -> bool:
        """Wait for a new reader to have loaded what it needs, then let requests have it."""
        try:
            if reader[1].poll(STARTUP_SECONDS) and reader[1].recv() == ("ready", None):
                self._idle.put(reader)
                return True
        except (EOFError, OSError):
            pass
        self._stop(reader)
        return False

    def _start(self):
        mine, theirs = self._context.Pipe()
        process = self._context.Process(target=_read, args=(theirs, os.getpid()), daemon=True,
                                        name="ikg-serve-reader")
        # Started with SIGINT blocked (the mask is inherited), so a Ctrl-C while it starts reaches
        # the server only; the reader ignores SIGINT before it unblocks it.
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        theirs.close()
        reader = (process, mine)
        with self._lock:
            self._all.add(reader)
        return reader

    def _stop(self, reader) -> None:
        process, pipe = reader
        with self._lock:
            self._all.discard(reader)
        process.kill()
        process.join()
        pipe.close()

    def ask(self, job: tuple, timeout: float | None = None):
        """The reader's answer to ``job`` (see :func:`_answer`); raises :class:`Timeout`."""
        timeout = self.timeout if timeout is None else timeout
        wait = max(timeout, QUEUE_SECONDS)  # waiting for a reader is not the query's time
        try:
            reader = self._idle.get(timeout=wait)
        except queue.Empty:
            raise Timeout(f"every reader was busy for {wait:g} s") from None
        process, pipe = reader
        try:
            pipe.send((str(self.data), job))
            if not pipe.poll(timeout):
                raise Timeout(f"stopped after {timeout:g} s")
            status, value = pipe.recv()
        except (Timeout, EOFError, OSError) as exc:
            # a reader that ran out of time or died is replaced, so the next request has one
            self._stop(reader)
            self._replace()
            if isinstance(exc, Timeout):
                raise
            raise IkgError("a reader process ended without an answer") from None
        self._idle.put(reader)
        if status == "error":
            raise IkgError(value)
        return value

    def close(self) -> None:
        """Stop every reader (they would also end with the server: see workers.die_with_parent)."""
        self._closed = True
        with self._lock:
            readers = list(self._all)
        for reader in readers:
            self._stop(reader)


# -- inside a reader process --------------------------------------------------------------------


def _read(pipe, parent: int) -> None:
    """A reader's life: answer jobs until the server goes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole terminal; the server stops us
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    from .query import classify
    from .workers import die_with_parent
    die_with_parent(parent)
    from . import explore, sparql, store  # noqa: F401 (loaded before the first request, not during it)
    classify("ASK {}")  # rdflib builds its SPARQL grammar on first use: a second
    pipe.send(("ready", None))
    held = _Held()
    while True:
        try:
            data, job = pipe.recv()
        except (EOFError, OSError):
            return
        try:
            pipe.send(("ok", _answer(held.explorer(Path(data)), job)))
        except IkgError as err:
            pipe.send(("error", str(err)))


class _Held:
    """The store a reader has open, and the generation it has pinned."""

    def __init__(self):
        self.real: Path | None = None
        self.store = None
        self._explorer = None

    def explorer(self, data: Path):
        from . import generations
        from .explore import Explorer
        from .store import open_store

        real = data.resolve()
        if real != self.real:  # the first request, or a build published a new generation
            old = generations.generation_of(self.real) if self.real else None
            self.store = open_store(data)  # pins the new generation (a store folder)
            self.real = data.resolve()
            self._explorer = Explorer(self.store)
            if old is not None and old != generations.generation_of(self.real):
                generations.unpin(old)
        return self._explorer


def _answer(explorer, job: tuple):
    """One job: ("sparql", text, format, accept, default graphs, named graphs) → (status, media type,
    bytes); ("overview",), ("entity", iri), ("article", n), ("lookup", name, limit) → JSON bytes."""
    kind, *args = job
    if kind == "sparql":
        from .sparql import answer
        return answer(explorer.store, *args)
    try:
        value = {"overview": explorer.overview, "entity": explorer.entity, "article": explorer.article,
                 "lookup": explorer.lookup}[kind](*args)
    except (LookupError, ValueError) as exc:  # no such entity or article; a malformed IRI or number
        status = 404 if isinstance(exc, LookupError) else 400
        return status, "application/json", json.dumps({"error": str(exc)}, ensure_ascii=False).encode("utf-8")
    return 200, "application/json", json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
