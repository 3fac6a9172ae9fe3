"""Kill a real ``eventwire ingest`` process with SIGKILL at random moments, rerun, compare.

Extraction is replaced by a fast fake (``EVENTWIRE_EXTRACTOR=test_ingest_crash:fake_extract``)
that reads ``EV ...`` lines; reading, the store and the merge are the real code path.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventwire.records import Actor, DateRange, EventMention, Place, Source

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------- fake extractor


def parse_mentions(article) -> list[EventMention]:
    """``EV type|sub|YYYY-MM-DD|precision|place|CC|lat|lon|actor1|fatalities`` lines -> mentions."""
    out = []
    pos = 0
    for line in article.text.splitlines(keepends=True):
        body = line.rstrip("\n")
        if body.startswith("EV "):
            et, sub, d, prec, place, cc, lat, lon, a1, fat = body[3:].split("|")[:10]
            day = date.fromisoformat(d) if d else None
            if day is None:
                dr = DateRange.unknown()
            elif prec == "week":
                dr = DateRange(day - timedelta(days=day.weekday()), day - timedelta(days=day.weekday()) + timedelta(days=6), "week")
            else:
                dr = DateRange(day, day, "day")
            out.append(
                EventMention(
                    event_type=et,
                    sub_event_type=sub,
                    date=dr,
                    source=Source(article_id=article.id, sentence=body, span=(pos, pos + len(body))),
                    actor1=Actor(a1, "rebel group") if a1 else None,
                    location=Place(place, cc, float(lat), float(lon), precision="town") if place else None,
                    fatalities=int(fat) if fat else None,
                    counts={"killed": int(fat)} if fat else {},
                )
            )
        pos += len(line)
    return out


def fake_extract(articles):
    from eventwire.merge import merge_mentions

    delay = float(os.environ.get("EVENTWIRE_FAKE_DELAY", "0"))
    for a in articles:
        if delay:
            time.sleep(delay)
        yield a, merge_mentions(parse_mentions(a))


# --------------------------------------------------------------------------- made-up corpus

TOWNS = [("Alphaville", "NG", 10.0, 7.0), ("Betatown", "NG", 11.0, 8.5), ("Gammaton", "SO", 2.0, 45.3), ("Deltaport", "SO", 4.0, 46.0)]
KINDS = [
    ("Battles", "Armed clash", "fighters clashed with troops near"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "a roadside bomb exploded in"),
    ("Violence against civilians", "Abduction/forced disappearance", "gunmen abducted villagers from"),
    ("Protests", "Peaceful protest", "hundreds marched peacefully through"),
]
ACTORS = ["Northern Front", "Coast Brigade", ""]


def make_corpus(folder: Path, n_happenings: int, seed: int = 7) -> list[Path]:
    """Articles as text files; each happening reported by 1-3 outlets, some in two sentences."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = date(2021, 1, 4)
    paths = []
    k = 0
    for h in range(n_happenings):
        town, cc, lat, lon = rng.choice(TOWNS)
        et, sub, verb = rng.choice(KINDS)
        day = start + timedelta(days=rng.randrange(0, 60))
        actor = rng.choice(ACTORS)
        toll = rng.randrange(1, 30)
        for r in range(rng.randint(1, 3)):
            k += 1
            pub = day + timedelta(days=rng.randint(0, 2))
            fat = toll + rng.choice([0, 0, 1, 2])
            prec = "week" if rng.random() < 0.2 else "day"
            lines = [
                f" date {pub.isoformat()} {town} - Report number {k} from outlet {r}.",
                f"Witnesses said {verb} {town} on {day.isoformat()}, report {h}.",
                f"EV {et}|{sub}|{day.isoformat()}|{prec}|{town}|{cc}|{lat + rng.uniform(-0.05, 0.05):.3f}|{lon:.3f}|{actor}|{fat}",
            ]
            if rng.random() < 0.3:
                lines.append(f"EV {et}|{sub}|{day.isoformat()}|day|{town}|{cc}|{lat:.3f}|{lon:.3f}||{fat}")
            if rng.random() < 0.1:
                lines.append("Residents said life was returning to normal.")
            p = folder / f"h{h:03d}" / f"a{k:04d}.txt"
            p.parent.mkdir(exist_ok=True)
            p.write_text("\n".join(lines) + "\n")
            paths.append(p)
    return paths


def ingest_cmd(src: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", "ingest", str(src), "--db", str(db), "--no-progress"]


def fake_env(delay: float = 0.0) -> dict:
    env = dict(os.environ)
    env["EVENTWIRE_EXTRACTOR"] = "test_ingest_crash:fake_extract"
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")])
    env["EVENTWIRE_FAKE_DELAY"] = str(delay)
    return env


def dump(db: Path):
    from eventwire.store import Store

    s = Store(db)
    try:
        return s.dump(), s.counts()
    finally:
        s.close()


# --------------------------------------------------------------------------- the test


def stored_articles(db: Path) -> int:
    """Articles committed so far, read while the writer runs (WAL lets a reader in)."""
    import sqlite3

    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # schema not created yet


def kill_at(src: Path, db: Path, target: int, rng: random.Random, delay: float) -> int | None:
    """Start an ingest, SIGKILL it once ``target`` articles are stored (plus a random few ms,
    so the kill lands anywhere inside the next article's work); returns the stored count, or
    None when the run finished first."""
    p = subprocess.Popen(ingest_cmd(src, db), env=fake_env(delay), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while p.poll() is None and time.monotonic() < deadline:
            if target == 0 or stored_articles(db) >= target:
                time.sleep(rng.uniform(0, 0.004))
                break
            time.sleep(0.001)
        if p.poll() is not None:
            assert p.returncode == 0, p.stderr.read().decode()
            return None
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        return stored_articles(db)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        p.stderr.close()


def test_sigkill_at_random_points_then_rerun_gives_the_same_events(tmp_path):
    src = tmp_path / "articles"
    make_corpus(src, 40)
    ref = tmp_path / "ref.db"
    r = subprocess.run(ingest_cmd(src, ref), env=fake_env(), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    want, want_counts = dump(ref)
    n = want_counts["articles"]
    assert want_counts["events"] > 10
    assert n == len(list(src.rglob("*.txt")))
    assert want_counts["events"] < n  # reports did join across articles

    rng = random.Random(1234)
    delay = 0.0  # the fake extractor is instant: most of the run is the store's work
    kills = []
    for trial in range(3):
        db = tmp_path / f"crash{trial}.db"
        # A kill during start-up (schema creation), then at random points of the run, then finish.
        targets = [0] + sorted(rng.sample(range(1, n - 1), 3))
        for target in targets:
            at = kill_at(src, db, target, rng, delay)
            if at is not None:
                kills.append(at)
        r = subprocess.run(ingest_cmd(src, db), env=fake_env(), capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        got, got_counts = dump(db)
        assert got_counts == want_counts
        assert got == want
    print(f"crash test: {len(kills)} SIGKILLs, stores holding {kills} of {n} articles when killed; all reruns identical")
    assert len(kills) >= 9
    assert len({k for k in kills if 0 < k < n}) >= 5  # killed mid-run, at many different points


def test_rerun_is_idempotent_and_reports_bad_input(tmp_path):
    src = tmp_path / "articles"
    make_corpus(src, 6, seed=3)
    (src / "empty.txt").write_text("")
    (src / "broken.jsonl").write_text('{"text": "fine", "published": "2021-01-05"}\nnot json\n')
    db = tmp_path / "e.db"
    r1 = subprocess.run(ingest_cmd(src, db), env=fake_env(), capture_output=True, text=True, timeout=120)
    assert r1.returncode == 2
    err_lines = [l for l in r1.stderr.splitlines() if l.startswith("error")]
    assert any("empty.txt: empty file" in l for l in err_lines), r1.stderr
    assert any("broken.jsonl#2: invalid JSON" in l for l in err_lines), r1.stderr
    first, counts = dump(db)
    assert counts["articles"] == len(list(src.rglob("a*.txt"))) + 1  # the good JSON Lines row too
    r2 = subprocess.run(ingest_cmd(src, db), env=fake_env(), capture_output=True, text=True, timeout=120)
    assert r2.returncode == 2
    assert "0 stored" in r2.stderr
    assert dump(db) == (first, counts)


def test_two_ingests_at_once_on_one_store_keep_it_consistent(tmp_path):
    src = tmp_path / "articles"
    make_corpus(src, 25, seed=11)
    db = tmp_path / "shared.db"
    procs = [subprocess.Popen(ingest_cmd(src, db), env=fake_env(0.005), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for _ in range(2)]
    for p in procs:
        p.wait(timeout=120)
        assert p.returncode == 0, p.stderr.read().decode()
        p.stderr.close()
    _, counts = dump(db)
    assert counts["articles"] == len(list(src.rglob("*.txt")))  # each article once
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        unlinked = conn.execute(
            "SELECT COUNT(*) FROM mentions WHERE id NOT IN (SELECT mention_id FROM event_mentions)").fetchone()[0]
        orphans = conn.execute("SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_mentions)").fetchone()[0]
    finally:
        conn.close()
    assert unlinked == 0 and orphans == 0
