"""Generations: how a build publishes its output so that a reader always sees one whole build.

An output folder looks like this::

    output/
      generations/7/store/  graph.trig  graph.ttl  graph.html  manifest.json  .pin
      current -> generations/7            the one switch: a symlink replaced by rename
      store -> current/store              fixed links at the documented paths; they follow
      graph.trig -> current/graph.trig    ``current``, so one rename moves all of them
      graph.ttl -> current/graph.ttl
      graph.html -> current/graph.html
      cache/objects/<key>.nq .trig .ttl   content-addressed extractions and export pieces (see cache.py)
      .ikg.lock                           the build lock (see lock.py)

A build writes a whole new generation beside the current one, then makes it current with one
``rename`` of a symlink. Nothing inside a published generation is changed again; old generations
are deleted (their files unlinked, never truncated) unless a reader holds a shared lock on their
``.pin`` file. Anything else (an unpublished generation, a temporary link) is garbage from a
build that died, and the next build removes it.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
from pathlib import Path

GENERATIONS = "generations"
CURRENT = "current"
PIN = ".pin"  # readers hold a shared flock on it; a build deletes a generation only under an exclusive one
MANIFEST = "manifest.json"
# The paths users know, each a fixed symlink into the current generation.
LINKED = ("store", "graph.trig", "graph.ttl", "graph.html")

_pins: dict[Path, int] = {}  # generation folder -> fd of its pin, held by this process


def current(output: Path) -> Path | None:
    """The folder of the current generation of ``output``, or None before the first build."""
    link = Path(output) / CURRENT
    try:
        target = os.readlink(link)
    except OSError:
        return None
    folder = (link.parent / target).resolve()
    return folder if (folder / MANIFEST).is_file() else None


def new_generation(output: Path) -> Path:
    """Make and return an empty folder for the next generation (the caller holds the build lock)."""
    root = Path(output) / GENERATIONS
    root.mkdir(parents=True, exist_ok=True)
    numbers = [int(p.name) for p in root.iterdir() if p.name.isdigit()]
    folder = root / str(max(numbers, default=0) + 1)
    folder.mkdir()
    (folder / PIN).touch()
    return folder


def publish(output: Path, folder: Path) -> None:
    """Make ``folder`` the current generation of ``output`` with one atomic rename, after
    everything in it is on disk (then call :func:`link_documented_paths`)."""
    output = Path(output)
    _sync_tree(folder)
    temporary = output / f".{CURRENT}.{os.getpid()}.tmp"
    temporary.unlink(missing_ok=True)
    os.symlink(os.path.relpath(folder, output), temporary)
    os.replace(temporary, output / CURRENT)  # the switch: readers see the old generation or the new
    _sync_dir(output)


def link_documented_paths(output: Path) -> None:
    """Point output/store, graph.trig, graph.ttl and graph.html into ``current`` (once, atomically
    each). A folder from before generations had real files there: they give way to the links."""
    output = Path(output)
    for name in LINKED:
        path = output / name
        wanted = os.path.join(CURRENT, name)
        if path.is_symlink() and os.readlink(path) == wanted:
            continue
        temporary = output / f".{name}.{os.getpid()}.tmp"
        temporary.unlink(missing_ok=True)
        os.symlink(wanted, temporary)
        if path.is_dir() and not path.is_symlink():  # the old in-place store: rename cannot replace a folder
            old = output / GENERATIONS / f".old-{name}"
            _remove(old)
            path.rename(old)
        os.replace(temporary, path)
    _sync_dir(output)


def collect_garbage(output: Path) -> list[Path]:
    """Remove every generation but the current one that no reader holds, and what dead builds
    left behind; returns the generations kept for their readers. Call with the build lock held."""
    output = Path(output)
    for stray in output.glob(".*.tmp"):
        stray.unlink(missing_ok=True)
    (output / "store.updating").unlink(missing_ok=True)  # the marker of the store before generations
    root = output / GENERATIONS
    if not root.is_dir():
        return []
    keep = current(output)
    held = []
    for folder in sorted(root.iterdir()):
        if folder.resolve() == keep:
            continue
        if folder.name.isdigit() and not _remove_unread(folder):
            held.append(folder)
        elif not folder.name.isdigit():
            _remove(folder)
    return held


def pin(path: Path) -> Path:
    """For a reader: the real path of ``path`` (a store folder or an export, often reached through
    the links above), with its generation kept from deletion for the life of this process.

    A path outside any generation (a file of the user's own) is returned resolved and unpinned.
    """
    path = Path(path)
    for _ in range(10):
        real = path.resolve()
        folder = generation_of(real)
        if folder is None or folder in _pins:
            return real
        try:
            fd = os.open(folder / PIN, os.O_RDONLY)
        except FileNotFoundError:
            continue  # deleted between resolving and opening: resolve again, to the newer one
        fcntl.flock(fd, fcntl.LOCK_SH)
        try:
            same = os.stat(folder / PIN).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            _pins[folder] = fd
            return real
        os.close(fd)  # a build deleted it while we waited for the lock
    return path.resolve()


def unpin(folder: Path) -> None:
    """Let builds delete the generation ``folder`` again (a long-running reader that moved on)."""
    fd = _pins.pop(Path(folder), None)
    if fd is not None:
        os.close(fd)


def unpin_all() -> None:
    """Let builds delete the generations this process has read (for long-running processes)."""
    while _pins:
        os.close(_pins.popitem()[1])


def generation_of(real: Path) -> Path | None:
    """The generation folder that the resolved path ``real`` lies in, if any."""
    for folder in (real, *real.parents):
        if folder.parent.name == GENERATIONS and folder.name.isdigit() and (folder / PIN).exists():
            return folder
    return None


def _remove_unread(folder: Path) -> bool:
    """Delete a generation unless a reader holds its pin; whether it was deleted."""
    try:
        fd = os.open(folder / PIN, os.O_RDONLY)
    except FileNotFoundError:  # half deleted by a build that died: nobody can pin it any more
        _remove(folder)
        return True
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        # The pin goes first: a reader that was waiting for it then sees the generation is gone.
        (folder / PIN).unlink(missing_ok=True)
        _remove(folder)
        return True
    finally:
        os.close(fd)


def _remove(folder: Path) -> None:
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder, ignore_errors=True)
    else:
        folder.unlink(missing_ok=True)


def _sync_tree(folder: Path) -> None:
    """fsync every file and folder under ``folder``, so a power cut cannot publish half of it."""
    for root, _, files in os.walk(folder):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _sync_dir(Path(root))


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    except OSError as exc:  # some filesystems cannot sync a folder; the rename is still atomic
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def discard(folder: Path) -> None:
    """Delete a generation that was never published (a build failed or was stopped while making it)."""
    _remove(folder)
