"""Lock: one build at a time writes to an output folder.

The lock is an advisory ``flock`` on an open file, not a PID file: the kernel releases it when the
process that holds it dies, however it dies. Its file descriptor is not inherited by programs the
build starts (Python opens files close-on-exec, and the extraction workers are spawned, not
forked), so nothing outlives the build holding it. The pid written in the file only names the
holder in the message a second build prints.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from .errors import IkgError

LOCK_NAME = ".ikg.lock"


@contextmanager
def output_lock(folder: Path):
    """Hold the output folder's lock for the block; a second build fails at once, naming the first."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise IkgError(f"{folder}: cannot write here: {exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise IkgError(f"{folder}: another ikg build (pid {holder}) is writing here; "
                           "run again when it has finished") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock
