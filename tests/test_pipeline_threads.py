"""eventwire runs in a process with one thread: no idle OpenBLAS pool.

A process that has ever had a second thread stays slower in spaCy's C code for good (measured:
NER 16 -> 19.5 CPU ms/article on the benchmark corpus once one thread had started and ended), so
importing eventwire asks numpy's OpenBLAS for no thread pool, unless the user set one."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parent.parent / "src")

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="Linux /proc needed")

SCRIPT = """
import os
from eventwire.extract import extract
evs = extract("KABUL - Gunmen on motorbikes shot dead three shopkeepers in a market on Tuesday, "
              "the district governor said.", "2025-03-04")
import numpy
print(len(os.listdir("/proc/self/task")), os.environ.get("OPENBLAS_NUM_THREADS"), len(evs))
"""


def _run(env_extra):
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    env.update(env_extra)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_extraction_process_has_one_thread():
    threads, blas, events = _run({})
    assert blas == "1"
    assert threads == "1"  # an OpenBLAS pool would be a second (and third...) task
    assert events == "1"


def test_users_own_blas_setting_wins():
    threads, blas, _ = _run({"OPENBLAS_NUM_THREADS": "2"})
    assert blas == "2"
    assert int(threads) >= 2 or os.cpu_count() == 1


INGEST = """
import os, sys, threading
started = []
_start = threading.Thread.start
def _record(self):
    started.append(self.name)
    return _start(self)
threading.Thread.start = _record
from eventwire.cli import main
sys.argv = ["eventwire", "ingest", sys.argv[1], "--db", sys.argv[2]]
try:
    main()
except SystemExit as e:
    assert not e.code, e.code
print("THREADS", len(started), len(os.listdir("/proc/self/task")))
"""


def test_one_process_ingest_starts_no_thread(tmp_path):
    # the progress bar is on (the default) and refreshed by the ingest itself, not by a thread
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        " date 2025-06-10 Mogadishu - A car bomb went off near a checkpoint in the capital on Monday, "
        "wounding four soldiers, a police officer said.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(
        " date 2025-06-11 Lagos - Police fired tear gas at traders protesting a new levy in the city "
        "on Tuesday, witnesses said.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("OPENBLAS_NUM_THREADS", None)
    out = subprocess.run([sys.executable, "-c", INGEST, str(tmp_path / "in"), str(tmp_path / "e.db")], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("THREADS")][0]
    assert line.split()[1:] == ["0", "1"], line
    assert "2 stored" in out.stdout + out.stderr
