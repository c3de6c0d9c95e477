"""Crash consistency: whatever happens to a build, a reader sees the previous build or the new one.

The driver kills real `ikg build` processes (SIGKILL or SIGINT) at random points of every phase,
found by watching the output folder as a user could: at start-up, while articles are extracted
(cache entries appear), while the new store is made (the new generation's folder appears), while
the exports are written (its graph.trig appears) and around the switch (its manifest appears).
After each kill the store and every export must equal, together, either the old build or the new
one, compared as canonical N-Quads and as file bytes; the next build must succeed at once and
equal a clean build. Timing is real (no hooks slow the build); the seed fixes the choices.
"""
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest

from graph import build
from graph.generations import pin, unpin_all

from conftest import ROOT, SEEDS

SEED = 12
RUNS = 50
EXPORTS = ("graph.trig", "graph.ttl", "graph.html")
PHASES = ("start", "extract", "store", "export", "switch")
PACKAGE = f"{os.sep}graph{os.sep}"  # in the path of a frame of the project's code (graph/…)


def state(out: Path) -> tuple:
    """What a reader of ``out`` sees: the store's canonical N-Quads and each export's bytes."""
    real = (out / "store").resolve()
    store = pyoxigraph.Store.read_only(str(real))  # not pinned: the test must not hold generations
    quads = b"\n".join(sorted(store.dump(format=pyoxigraph.RdfFormat.N_QUADS).splitlines()))
    del store
    files = tuple(hashlib.sha256((out / name).read_bytes()).hexdigest() if (out / name).exists() else None
                  for name in EXPORTS)
    return hashlib.sha256(quads).hexdigest(), files


def leftovers(out: Path) -> list[str]:
    """Anything but one generation and no temporary file: what a dead build may leave, at most."""
    found = [p.name for p in (out / "generations").iterdir()]
    found = found[1:] if len(found) == 1 else found
    found += [p.name for p in out.glob(".*.tmp")] + [p.name for p in (out / "cache" / "objects").glob(".*")]
    return found


@pytest.fixture(scope="module")
def corpora(tmp_path_factory, pipeline):
    """An old corpus, a new one (an article edited, one deleted, two added) and the output of a
    build of each; the new one's built from scratch, the old one's kept as a template."""
    root = tmp_path_factory.mktemp("crash")
    old, new = root / "old", root / "new"
    old.mkdir()
    seeds = sorted(SEEDS.iterdir())
    for path in seeds[:3]:
        shutil.copy(path, old)
    shutil.copytree(old, new)
    edited = new / seeds[1].name
    edited.write_text(edited.read_text(encoding="utf-8").replace("。", "。据悉，", 2), encoding="utf-8")
    (new / seeds[2].name).unlink()
    for path in seeds[3:]:
        shutil.copy(path, new)
    template, fresh = root / "old_out", root / "new_out"
    build(old, template, pipeline, check=False)
    build(new, fresh, pipeline, check=False)
    return old, new, template, state(template), state(fresh)


def _wait_for(phase: str, out: Path, proc: subprocess.Popen, objects: int, deadline: float) -> bool:
    """Wait until the build in ``proc`` reaches ``phase``; False when it ended first."""
    new = out / "generations" / "2"
    reached = {
        "start": lambda: True,
        "extract": lambda: len(list((out / "cache" / "objects").glob("*.nq"))) > objects,
        "store": new.exists,
        "export": (new / "graph.trig").exists,
        "switch": (new / "manifest.json").exists,
    }[phase]
    while proc.poll() is None and time.monotonic() < deadline:
        if reached():
            return True
        time.sleep(0.002)
    return False


def test_killed_builds_leave_the_old_or_the_new_build_whole(corpora, tmp_path, pipeline):
    old, new, template, before, after = corpora
    assert before != after
    rng = random.Random(SEED)
    out = tmp_path / "out"
    seen = {"old": 0, "new": 0, "interrupted": 0}
    started = time.monotonic()
    for run in range(RUNS):
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(template, out, symlinks=True)
        objects = len(list((out / "cache" / "objects").glob("*.nq")))
        sig = rng.choice((signal.SIGKILL, signal.SIGINT))
        phase = rng.choice(PHASES)
        jobs = rng.choice(("1", "2"))
        delay = rng.uniform(0, 2.0) if phase == "start" else rng.uniform(0, 0.3)
        with open(tmp_path / "stderr", "w+") as err:
            proc = subprocess.Popen([sys.executable, "-m", "graph.tools.cli", "build", "--input", str(new),
                                     "--output", str(out), "--jobs", jobs, "--no-validate", "--quiet"],
                                    cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
            if _wait_for(phase, out, proc, objects, time.monotonic() + 60):
                time.sleep(delay)
                proc.send_signal(sig)
            code = proc.wait(timeout=120)
            err.seek(0)
            stderr = err.read()
        what = f"run {run}: {sig.name} in {phase} (jobs {jobs}): exit {code}"
        if "Traceback" in stderr and PACKAGE not in stderr:
            # the interpreter was still starting (site, the standard library), before the first line
            # of any program: Python's own traceback, exit 1, nothing of ours ran yet
            assert phase == "start" and code == 1, f"{what}\n{stderr}"
        else:
            assert "Traceback" not in stderr, f"{what}\n{stderr}"
            # -SIGINT: the signal came before Python had set up its handler, so nothing ran yet
            assert code in (0, 130, -signal.SIGKILL, -signal.SIGINT), f"{what}\n{stderr}"
        seen["interrupted"] += code != 0
        seen_state = state(out)
        assert seen_state in (before, after), f"{what}: the store and the exports are neither build"
        seen["old" if seen_state == before else "new"] += 1
        # the next build runs at once (no lock left behind), equals a clean build and removes the garbage
        build(new, out, pipeline, check=False)
        assert state(out) == after, what
        assert not leftovers(out), f"{what}: {leftovers(out)}"
    print(f"\n{RUNS} builds killed in {time.monotonic() - started:.0f} s: {seen}")
    assert seen["interrupted"] >= RUNS // 2  # most kills landed inside a build, not after it


def test_ctrl_c_after_the_package_loaded_but_before_main_ends_quietly(tmp_path):
    # What the `ikg` script does, with the Ctrl-C landing where the command line module's own
    # imports run (after graph/__init__.py, before main()): one line and exit 130, no traceback.
    script = ("import os, signal, sys, time\n"
              "sys.argv[0] = os.path.join(sys.prefix, 'bin', 'ikg')\n"
              "import graph.tools.cli\n"
              "os.kill(os.getpid(), signal.SIGINT)\n"
              "time.sleep(10)\n"
              "sys.exit(graph.tools.cli.main(['build', '--help']))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stderr) == (130, "ikg: interrupted\n")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc to find the workers")
def test_a_build_killed_with_sigkill_leaves_no_worker_and_no_lock(tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    for i in range(40):
        for path in SEEDS.iterdir():
            (src / f"{i:03d}_{path.name}").write_bytes(path.read_bytes())
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "graph.tools.cli", "build", "--input", str(src), "--output",
                             str(out), "--jobs", "2", "--quiet"], cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline:  # the two workers and the resource tracker
        workers = [p for p in _children(proc.pid) if "spawn_main" in (Path("/proc") / str(p) / "cmdline").read_text()]
        time.sleep(0.05)
    assert len(workers) == 2 and proc.poll() is None
    time.sleep(1)  # the workers are extracting
    helpers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(map(_alive, helpers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in helpers if _alive(p)]
    again = subprocess.run([sys.executable, "-m", "graph.tools.cli", "build", "--output", str(out), "--jobs", "1",
                            "--no-validate", "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr  # at once: no "another ikg build is writing here"


def test_a_reader_keeps_its_generation_while_builds_publish_new_ones(corpora, tmp_path, pipeline):
    old, new, template, before, after = corpora
    out = tmp_path / "out"
    shutil.copytree(template, out, symlinks=True)
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    store = pyoxigraph.Store.read_only(str(pin(out / "store")))
    count = next(iter(store.query(query)))["n"].value
    trig = open(out / "graph.trig", "rb")  # a reader of the file, opened before the build
    try:
        build(new, out, pipeline, check=False)
        build(old, out, pipeline, check=False)
        assert next(iter(store.query(query)))["n"].value == count  # the same build, whole
        assert hashlib.sha256(trig.read()).hexdigest() == before[1][0]
        assert len(list((out / "generations").iterdir())) == 2  # the pinned one and the current one
    finally:
        trig.close()
        del store
        unpin_all()
    build(new, out, pipeline, check=False)
    assert len(list((out / "generations").iterdir())) == 1 and state(out) == after


def test_a_full_disk_is_one_line_and_leaves_the_previous_build(corpora, tmp_path):
    """On a real small filesystem, filled so that the build runs out of space at different points."""
    old, new, template, before, after = corpora
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small filesystem needs root and mount(8)")
    # 64 MB: the output holds the store, the exports and the 16 MB tokenizer cache (cache/jieba-*.marshal)
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {made.stderr.strip() or made.returncode}")
    try:
        out = mount / "out"
        failed = 0
        for free_kb in (0, 64, 512, 1536, 3072):
            shutil.rmtree(out, ignore_errors=True)
            (mount / "filler").unlink(missing_ok=True)
            shutil.copytree(template, out, symlinks=True)
            room = os.statvfs(mount)
            with open(mount / "filler", "wb") as filler:
                os.posix_fallocate(filler.fileno(), 0, max(1, room.f_bavail * room.f_frsize - free_kb * 1024))
            proc = subprocess.run([sys.executable, "-m", "graph.tools.cli", "build", "--input", str(new), "--output",
                                   str(out), "--jobs", "1", "--no-validate", "--quiet"],
                                  cwd=ROOT, capture_output=True, text=True, timeout=300)
            if proc.returncode == 0:
                assert state(out) == after
                continue
            failed += 1
            assert proc.returncode == 1, proc.stderr
            assert proc.stderr.startswith("ikg: error: ") and proc.stderr.count("\n") == 1, proc.stderr
            assert "No space left on device; the previous build is still the current one" in proc.stderr
            assert state(out) == before
            (mount / "filler").unlink()  # space again: the next build succeeds
            again = subprocess.run([sys.executable, "-m", "graph.tools.cli", "build", "--input", str(new), "--output",
                                    str(out), "--jobs", "1", "--no-validate", "--quiet"],
                                   cwd=ROOT, capture_output=True, text=True, timeout=300)
            assert again.returncode == 0, again.stderr
            assert state(out) == after and not leftovers(out)
        assert failed >= 3
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_damaged_store_is_one_line_for_readers_and_made_anew_by_the_next_build(tmp_path, pipeline, capsys):
    """A disk's fault in the store (a truncated RocksDB file) was told as a bug (exit 70), and every
    later build failed on it. The store is only an index of the cache: the next build makes it anew."""
    from graph.tools.cli import main

    out = tmp_path / "out"
    build(SEEDS, out, pipeline, check=False)
    victim = max((out / "current" / "store").resolve().glob("*.sst"), key=lambda p: p.stat().st_size)
    os.truncate(victim, 1000)
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", encoding="utf-8")
    capsys.readouterr()
    assert main(["query", str(rq), "--data", str(out), "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert "store is damaged" in err and "ikg build" in err and len(err.strip().splitlines()) == 1
    assert main(["build", "--input", str(SEEDS), "--output", str(out), "--quiet"]) == 0
    assert main(["query", str(rq), "--data", str(out), "--format", "csv"]) == 0
    assert int(capsys.readouterr().out.split()[1]) > 1000
