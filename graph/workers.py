"""Workers: extraction processes that live and die with the build that started them.

Workers are started with ``spawn``: each is a fresh interpreter that inherits none of the
build's open files, so it can never hold the output folder's lock after the build is gone (with
``fork`` it held a copy of the lock's file descriptor). Each worker asks the kernel to kill it
when its parent dies (``PR_SET_PDEATHSIG`` on Linux; elsewhere a thread watches the parent's pid),
and leaves Ctrl-C to the build, which stops them all.
"""
from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from .errors import IkgError

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Make this process end when ``parent_pid`` (its parent) does, however the parent ends."""
    if not _kernel_kills_orphans():
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    if os.getppid() != parent_pid:  # the parent died before the kernel was asked to tell us
        os._exit(1)


def _kernel_kills_orphans() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    os._exit(1)


@contextmanager
def _interrupts_deferred():
    """Run the block with Ctrl-C ignored and SIGTERM held back; a SIGTERM that came is acted on
    (the build's handler: an interrupt) when the block ends, never inside it.

    Starting or stopping the pool cut in half by an interrupt could leave a worker holding the
    build's pipes. A spawned interpreter that starts with SIGINT ignored keeps it ignored, so a
    Ctrl-C sent to the terminal's whole process group never interrupts a worker still starting up
    (with a traceback); SIGTERM's handler is Python's, so workers start with the default one."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []
    previous_int = signal.signal(signal.SIGINT, signal.SIG_IGN)
    previous_term = signal.signal(signal.SIGTERM, lambda signum, frame: came.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous_int)
        signal.signal(signal.SIGTERM, previous_term)
    if came and callable(previous_term):
        previous_term(signal.SIGTERM, None)


def map_in_processes(function: Callable, items: Iterable, jobs: int, initializer: Callable,
                     initargs: tuple = (), chunksize: int = 8) -> Iterator:
    """``map(function, items)`` in ``jobs`` worker processes, in order; each worker first runs
    ``initializer(*initargs)``. Leaving early (an error, Ctrl-C) kills the workers at once.

    Each worker has a pipe of its own, and only this thread reads and writes them: killing the
    workers unblocks everything. (multiprocessing.Pool shares one task pipe, fed by a thread, whose
    read end the parent holds too; its terminate() could wait forever on that thread, blocked
    writing a task bigger than the pipe that no one would read.) A worker that dies or fails ends
    the map with an error; the pool would wait for it, or start it again, forever."""
    context = multiprocessing.get_context("spawn")
    workers: dict = {}  # our end of each worker's pipe -> its process
    try:
        with _interrupts_deferred():
            for _ in range(jobs):
                mine, theirs = context.Pipe()
                process = context.Process(target=_work, args=(theirs, os.getpid(), function, initializer,
                                                              initargs), daemon=True, name="ikg-worker")
                process.start()
                theirs.close()
                workers[mine] = process
        chunks = enumerate(_batched(items, chunksize))
        listening = dict(workers)  # workers starting up or extracting a chunk
        given: dict = {}  # worker -> number of the chunk it has
        finished: dict[int, list] = {}
        upto = 0
        while listening:
            for pipe in multiprocessing.connection.wait(list(listening)):
                results = _receive(pipe, listening[pipe])
                if pipe in given:
                    finished[given.pop(pipe)] = results
                number, chunk = next(chunks, (None, None))
                if chunk is None:
                    del listening[pipe]
                else:  # the worker is waiting for it: sending never blocks for long
                    given[pipe] = number
                    _send(pipe, listening[pipe], chunk)
            while upto in finished:
                yield from finished.pop(upto)
                upto += 1
    finally:
        with _interrupts_deferred():  # an interrupt while the workers are being stopped waits for it
            for process in workers.values():
                process.kill()
            for pipe, process in workers.items():
                process.join()
                pipe.close()


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _send(pipe, process, chunk: list) -> None:
    try:
        pipe.send(chunk)
    except OSError:
        raise _died(process) from None


def _receive(pipe, process) -> list | None:
    """A worker's results (None when it has just started); its error is raised here."""
    try:
        status, value = pipe.recv()
    except (EOFError, OSError):
        raise _died(process) from None
    if status == "error":
        raise value
    return value


class WorkerDied(IkgError):
    """A worker process ended without an answer (killed, for one, by the kernel when memory ran out)."""


def _died(process) -> WorkerDied:
    process.join(5)  # its pipe is closed: it has ended, or is ending
    return WorkerDied(f"a worker process stopped unexpectedly (exit code {process.exitcode}); "
                      "--jobs 1 builds without workers")


def _work(pipe, parent_pid: int, function: Callable, initializer: Callable, initargs: tuple) -> None:
    """A worker's life: start up, then answer each chunk with its results until the parent goes."""
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build handles Ctrl-C and stops its workers
    try:
        initializer(*initargs)
        pipe.send(("ok", None))
        while True:
            pipe.send(("ok", [function(item) for item in pipe.recv()]))
    except EOFError:  # the parent closed its end
        return
    except Exception as exc:
        pipe.send(("error", _picklable(exc)))


def _picklable(exc: Exception) -> Exception:
    """``exc`` with its traceback as a note, or, if it cannot be pickled, a RuntimeError saying what it was."""
    exc.add_note("".join(traceback.format_exception(exc)))
    try:
        pickle.dumps(exc)
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
