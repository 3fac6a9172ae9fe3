"""How the input is cut into Dask tasks: partitions of the requested size in input order, and with
several workers the input's last articles cut into about two pieces per worker, so that the
workers finish together and the loader stores the first pieces while the last ones are extracted."""
import json

from eventwire.scale import _partitions, _split_tail
from eventwire.store.ingest import IngestStats


def _corpus(tmp_path, n):
    path = tmp_path / "made_up.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"m{i}", "published": "2022-05-01",
                                 "text": f"Story {i}: villagers in a made-up district reported a quarrel over water."}) + "\n")
    return path


def _cut(tmp_path, n, size, workers):
    parts = list(_partitions([str(_corpus(tmp_path, n))], None, None, size, IngestStats(), None, workers))
    texts = [r["text"] for p in parts for r in p]
    assert texts == [f"Story {i}: villagers in a made-up district reported a quarrel over water." for i in range(n)]
    return [len(p) for p in parts]


def test_one_worker_keeps_plain_partitions(tmp_path):
    assert _cut(tmp_path, 150, 64, 1) == [64, 64, 22]


def test_a_small_input_is_shared_evenly_between_two_workers(tmp_path):
    # 120 articles were one task of 64 and one of 56: one worker idled while the other finished,
    # and the loader could store nothing before the end.
    assert _cut(tmp_path, 120, 64, 2) == [30, 30, 30, 30]


def test_a_long_input_keeps_full_partitions_until_its_tail(tmp_path):
    sizes = _cut(tmp_path, 1000, 64, 2)
    head = [s for s in sizes if s == 64]
    tail = sizes[len(head):]
    assert sizes[: len(head)] == head and len(head) >= 12
    assert 3 <= len(tail) <= 4 and max(tail) - min(tail) <= 1 and max(tail) < 64


def test_the_tail_is_never_cut_below_a_batch_nor_above_the_size():
    rows = [{"i": i} for i in range(40)]
    assert [len(p) for p in _split_tail(rows, 64, 2)] == [20, 20]  # 4 pieces would be under 16 each
    assert [len(p) for p in _split_tail(rows, 8, 2)] == [8, 8, 8, 8, 8]  # the size is a cap
    assert [len(p) for p in _split_tail(rows[:6], 3, 2)] == [3, 3]
