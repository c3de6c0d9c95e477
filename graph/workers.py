"""Workers: extraction processes that live and die with the build that started them.

The pool is started with ``spawn``: a worker is a fresh interpreter that inherits none of the
build's open files, so it can never hold the output folder's lock after the build is gone (with
``fork`` it held a copy of the lock's file descriptor). Each worker asks the kernel to kill it
when its parent dies (``PR_SET_PDEATHSIG`` on Linux; elsewhere a thread watches the parent's pid),
and leaves Ctrl-C to the build, which stops the whole pool.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

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


def _start(parent_pid: int, initializer: Callable, initargs: tuple) -> None:
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build handles Ctrl-C and stops its workers
    initializer(*initargs)


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
    ``initializer(*initargs)``. Leaving early (an error, Ctrl-C) kills the workers at once."""
    context = multiprocessing.get_context("spawn")
    pool = None
    try:
        with _interrupts_deferred():
            pool = context.Pool(jobs, initializer=_start, initargs=(os.getpid(), initializer, initargs))
        yield from pool.imap(function, items, chunksize=chunksize)
        pool.close()
        pool.join()
    finally:
        if pool is not None:
            with _interrupts_deferred():  # an interrupt while the workers are being stopped waits for it
                pool.terminate()
                # The pool's locks unlink their semaphores in finalizers when it is collected; run
                # them here, where Ctrl-C waits, not at whatever later moment the collector picks
                # (a Ctrl-C inside a finalizer prints a traceback even though the build finished).
                del pool
                gc.collect()
