"""The build's worker processes (graph/workers.py): results in order, failures reported, and an
interrupt that stops everything at once, whatever the workers and the pipes are doing."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.workers import WorkerDied, map_in_processes

from conftest import ROOT


def _ready():
    pass


def _slow_square(x):
    time.sleep((x % 3) * 0.01)  # uneven, so that chunks finish out of order
    return x * x


def _dies_on_five(x):
    if x == 5:
        os._exit(3)  # as the kernel's OOM killer ends a process: no exception, no answer
    return x


def _fails_on_five(x):
    if x == 5:
        raise ValueError("bad item five")
    return x


def _cannot_start():
    raise RuntimeError("no model file")


def test_results_come_back_in_the_order_of_the_items():
    items = list(range(200))
    assert list(map_in_processes(_slow_square, items, 2, _ready, chunksize=3)) == [x * x for x in items]
    assert list(map_in_processes(_slow_square, [], 2, _ready)) == []
    assert list(map_in_processes(_slow_square, [1, 2], 4, _ready)) == [1, 4]  # more workers than chunks


def test_a_worker_that_dies_ends_the_map_with_an_error_not_a_wait():
    """multiprocessing.Pool would start another worker and wait for the lost chunk forever."""
    with pytest.raises(WorkerDied, match=r"exit code 3"):
        list(map_in_processes(_dies_on_five, range(20), 2, _ready, chunksize=2))


def test_an_error_in_a_worker_reaches_the_caller_with_its_traceback():
    with pytest.raises(ValueError, match="bad item five") as caught:
        list(map_in_processes(_fails_on_five, range(20), 2, _ready, chunksize=2))
    assert "_fails_on_five" in "".join(caught.value.__notes__)


def test_a_worker_that_cannot_start_is_an_error_not_a_loop_of_restarts():
    with pytest.raises(RuntimeError, match="no model file"):
        list(map_in_processes(_slow_square, range(20), 2, _cannot_start))


# The hang this pins: with multiprocessing.Pool, a thread fed one shared task pipe, whose read end
# the build itself also held. Interrupted while that thread was between checking the pool's state
# and writing a task bigger than the pipe (a chunk of 8 long articles is), the pool's terminate()
# drained the pipe, found it empty and then waited forever for the thread, stuck writing into a
# pipe no one read. Seen as a build that ignored SIGTERM (tests/test_robustness.py) once in some
# dozens of full test runs; here the feeding thread is held at that moment on purpose.
RACE = """
import signal, sys, threading, time
import multiprocessing.connection as mc
from graph.workers import map_in_processes

interrupted, sends = threading.Event(), []
send = mc.Connection.send
def held_send(self, obj):
    if threading.current_thread() is not threading.main_thread():
        sends.append(1)
        if len(sends) > 2:  # the two workers have their first tasks; the third waits
            interrupted.wait()
            time.sleep(0.5)  # preempted between the state check and the write
    return send(self, obj)
mc.Connection.send = held_send

def ready(): pass
def slow(item):
    time.sleep(10)
    return len(item)
def interrupt(signum, frame):
    interrupted.set()
    raise KeyboardInterrupt

if __name__ == "__main__":
    signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 3)
    try:
        list(map_in_processes(slow, [b"x" * 200_000] * 10, 2, ready, chunksize=1))
    except KeyboardInterrupt:
        print("stopped")
"""


def test_an_interrupt_while_a_task_bigger_than_a_pipe_is_on_its_way_stops_at_once(tmp_path):
    script = tmp_path / "race.py"
    script.write_text(RACE)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.strip() == "stopped", proc.stderr
    assert time.monotonic() - started < 30  # the workers' tasks take 10 s each: they were killed
