"""The crash test at scale: ``eventwire ingest`` of 1,000 articles, SIGKILLed at random points, rerun.

Same machinery as ``test_ingest_crash.py`` (the real CLI, reader, merge and store; a fast fake
extractor reading ``EV ...`` lines of short generated articles). Slow-marked, and CI runs it.
"""
from __future__ import annotations

import random
import subprocess
import time

import pytest

from test_ingest_crash import dump, fake_env, ingest_cmd, kill_at, make_corpus


@pytest.mark.slow
def test_thousand_articles_killed_at_random_points_then_rerun_give_the_uninterrupted_events(tmp_path):
    t0 = time.perf_counter()
    src = tmp_path / "articles"
    paths = make_corpus(src, 500, seed=2026)
    n = len(paths)
    assert 900 <= n <= 1100
    ref = tmp_path / "ref.db"
    r = subprocess.run(ingest_cmd(src, ref), env=fake_env(), capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    want, want_counts = dump(ref)
    assert want_counts["articles"] == n and 100 < want_counts["events"] < n

    rng = random.Random(99)
    kills = []
    for trial in range(2):
        db = tmp_path / f"crash{trial}.db"
        targets = [0] + sorted(rng.sample(range(1, n - 1), 4))
        for target in targets:
            at = kill_at(src, db, target, rng, 0.0)
            if at is not None:
                kills.append(at)
        r = subprocess.run(ingest_cmd(src, db), env=fake_env(), capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, r.stderr
        got, got_counts = dump(db)
        assert got_counts == want_counts
        assert got == want
    print(f"crash test, {n} articles: {len(kills)} SIGKILLs at {kills}; reruns identical; {time.perf_counter() - t0:.0f} s")
    assert len(kills) >= 8
    assert len({k for k in kills if 0 < k < n}) >= 5
