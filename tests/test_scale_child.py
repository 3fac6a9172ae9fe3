"""A Dask worker extracts in a single-threaded process of its own (``scale.child``): spaCy's NER and
parser run slower in any process that has ever had a second thread, and a Dask worker always has
several.  The extraction process must write exactly what the worker's own thread would, stay one
thread after a partition (pyarrow's jemalloc would start one), hand errors back as the task's
exception, and be started again when it dies."""
from __future__ import annotations

import os
import signal
from datetime import date

import pyarrow.parquet as pq
import pytest

from eventwire.article import Article
from eventwire.scale import child as child_mod
from eventwire.scale.partition import (PipelinePlugin, article_to_row, extract_partition_here, part_name)

# Made up for this test: three reports of different kinds, places and verbs.
TEXTS = [
    ("CHITTAGONG, Bangladesh - Unidentified assailants torched two buses outside a market in Chittagong on "
     "Saturday, injuring six passengers, police said."),
    "Several thousand nurses rallied outside the health ministry in Lima on Thursday to demand higher pay.",
    "Soldiers exchanged fire with separatist fighters near the town of Bamenda on Sunday; two soldiers died, "
    "the defence ministry said.",
]


def _rows():
    return [article_to_row(Article(text=t, published=date(2023, 5, 8), published_precision="day", outlet="Wire"))
            for t in TEXTS]


def _tables(out_dir, part):
    return [pq.ParquetFile(os.path.join(out_dir, sub, part_name(part))).read().to_pylist()
            for sub in ("articles", "mentions")]


def _threads(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


@pytest.fixture(scope="module")
def proc():
    p = child_mod.ExtractionProcess(None)
    yield p
    p.close()


def test_the_extraction_process_writes_what_the_worker_thread_would(proc, tmp_path, nlp):
    here, there = tmp_path / "here", tmp_path / "there"
    mine = extract_partition_here(3, _rows(), str(here))
    theirs = proc.extract_partition(3, _rows(), str(there), None)
    assert theirs["pid"] == proc.pid != os.getpid()
    assert (theirs["articles"], theirs["mentions"], theirs["errors"]) == (mine["articles"], mine["mentions"], [])
    assert mine["mentions"] >= 3  # the made-up reports do give events
    assert _tables(there, 3) == _tables(here, 3)


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads through /proc")
def test_the_extraction_process_stays_one_thread(proc, tmp_path):
    proc.extract_partition(0, _rows(), str(tmp_path), None)  # pyarrow imported and a Parquet file written
    assert _threads(proc.pid) == 1


def test_an_error_in_a_partition_is_the_task_s_error_and_the_process_goes_on(proc, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(OSError):  # the partition's folders cannot be made under a file
        proc.extract_partition(1, _rows(), str(blocker), None)
    assert proc.alive()
    assert proc.extract_partition(2, _rows()[:1], str(tmp_path / "ok"), None)["articles"] == 1


def test_a_killed_extraction_process_fails_its_task_and_the_plugin_starts_another(tmp_path):
    plugin = PipelinePlugin(None, isolate=True)
    plugin.setup()
    try:
        first = plugin.child
        assert first is not None and first.alive()
        os.kill(first.pid, signal.SIGKILL)
        first.proc.wait(timeout=30)
        with pytest.raises(child_mod.ChildDied):
            first.extract_partition(0, _rows(), str(tmp_path), None)  # the retry goes to another process
        second = plugin.extraction_process()
        assert second is not first and second.alive() and second.pid != first.pid
        assert second.extract_partition(0, _rows(), str(tmp_path), None)["articles"] == len(TEXTS)
    finally:
        plugin.teardown()
    assert plugin.child is None and not second.alive()


def test_without_an_extraction_process_the_worker_loads_the_pipeline_itself(monkeypatch, nlp):
    def cannot_start(model, env=None):
        raise child_mod.ChildDied("no process for this test")

    monkeypatch.setattr(child_mod, "ExtractionProcess", cannot_start)
    plugin = PipelinePlugin(None, isolate=True)
    plugin.setup()
    assert plugin.child is None and plugin.nlp is not None
    plugin.teardown()
    off = PipelinePlugin(None, isolate=False)
    assert off.extraction_process() is None
