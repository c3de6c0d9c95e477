"""Watch: keep the pipeline loaded and rebuild incrementally whenever the input folder changes.

A one-shot ``ikg build`` that adds one article to a large output spends most of its time starting
Python and loading the pipeline (jieba's dictionary, the registry, the rules' regular
expressions); a watching process pays that once. It polls the input folder: one ``stat`` per
article file (about 0.1 s per 10,000 files), and on a change waits until the folder has been
still for a moment (a file being copied in is not built half-written) and runs an ordinary
incremental :func:`graph.build.build`. Each build takes the output folder's lock only while it
runs and publishes a whole generation, so readers (``ikg query``, ``ikg serve``) and crash-safety
are as with one-shot builds. When the knowledge or the code changes (the pipeline's fingerprint),
the pipeline is loaded again.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from .build import BuildReport, article_files, build, find_articles
from .cache import signature
from .errors import IkgError
from .pipeline import Pipeline, knowledge_fingerprint

Snapshot = dict[str, tuple[int, int, int, int]]

SETTLE = 0.25  # seconds the folder must stay unchanged before a build starts


def snapshot(input_dir: Path, output_dir: Path | None = None) -> Snapshot:
    """The :func:`graph.cache.signature` of every article file under ``input_dir`` that a build
    reads (:func:`graph.build.article_files`); a vanished folder or file is left out: the build
    says why."""
    try:
        paths = article_files(Path(input_dir), output_dir)
    except IkgError:
        return {}
    found: Snapshot = {}
    for path in paths:
        try:
            found[path] = tuple(signature(os.stat(path)))
        except OSError:
            continue
    return found


def _changed_again(now: Snapshot, before: Snapshot) -> bool:
    """Whether the files that changed from ``before`` to ``now`` changed again since (a stat of
    those alone; files that appear meanwhile are seen by the next look)."""
    for path, recorded in now.items():
        if before.get(path) != recorded:
            try:
                info = os.stat(path)
            except OSError:
                return True
            if tuple(signature(info)) != recorded:
                return True
    return any(os.path.exists(path) for path in before.keys() - now.keys())


def watch(input_dir: Path, output_dir: Path, on_build: Callable[[BuildReport | IkgError, float], None],
          interval: float = 2.0, pipeline: Pipeline | None = None, on_ready: Callable[[], None] | None = None,
          stop: Callable[[], bool] = lambda: False, **options) -> None:
    """Build ``input_dir`` into ``output_dir`` now and again after every change, until ``stop()``
    is true or the process is interrupted (KeyboardInterrupt, which a build in progress handles
    as one-shot builds do: the previous generation stays current).

    ``on_build`` gets each build's report (or the :class:`IkgError` it failed with, after which
    watching goes on) and its seconds; ``on_ready`` is called once the first build is done and the
    pipeline loaded; ``options`` go to :func:`graph.build.build`.
    """
    input_dir, output_dir = Path(input_dir), Path(output_dir)
    find_articles(input_dir, output_dir)  # a wrong folder fails now, not on every look
    fingerprint = knowledge_fingerprint()
    if pipeline is None or pipeline.fingerprint != fingerprint:
        pipeline = Pipeline.load(cache_dir=output_dir / "cache")
    seen: Snapshot | None = None
    while not stop():
        now = snapshot(input_dir, output_dir)
        if now != seen:
            if seen is not None:  # wait for a copy or an editor's save to finish
                time.sleep(SETTLE)
                if _changed_again(now, seen):
                    continue  # still changing: look again at once
            changed = knowledge_fingerprint()
            if changed != fingerprint:  # an edited registry, new rules or code: extract with them
                pipeline, fingerprint = Pipeline.load(cache_dir=output_dir / "cache"), changed
            started = time.perf_counter()
            try:
                report: BuildReport | IkgError = build(input_dir, output_dir, pipeline, **options)
            except IkgError as err:
                report = err
            on_build(report, time.perf_counter() - started)
            if seen is None and on_ready is not None:
                on_ready()
            seen = now
            continue
        time.sleep(interval)
