"""`eventwire ingest` end to end with the real pipeline on small made-up articles."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE_A = (
    " date 2023-03-14 Maiduguri - Suspected Boko Haram fighters attacked a military base in Maiduguri on Monday, "
    "killing five soldiers, officials said. The attackers arrived in trucks and fought troops for two hours "
    "before withdrawing.\n"
)
ROWS_B = [
    {"id": "b1", "url": "https://example.org/b1", "source": "Example Wire", "published": "2023-03-14",
     "title": "Army base attacked",
     "text": "Seven soldiers were killed when Boko Haram militants stormed an army base in Maiduguri on Monday, the army said."},
    {"id": "b2", "url": "https://example.org/b2", "source": "Example Wire", "published": "2023-03-20",
     "title": "Traders protest",
     "text": "Hundreds of traders marched peacefully through Nairobi on Saturday to protest against new taxes."},
]


def run(*args):
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "in"
    (root / "wire").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE_A)
    (root / "wire" / "b.jsonl").write_text("\n".join(json.dumps(r) for r in ROWS_B) + "\nnot a json line\n")
    (root / "empty.txt").write_text("")
    (root / "notes.md").write_text("not an input format: ignored when walking the folder")
    return root


def events(db):
    r = run("events", "--db", str(db), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    return [json.loads(l) for l in r.stdout.splitlines()]


def test_ingest_folder_then_rerun(corpus, tmp_path):
    db = tmp_path / "events.db"
    r = run("ingest", str(corpus), "--db", str(db), "--no-progress")
    assert r.returncode == 2, r.stderr  # bad inputs, reported, the rest stored
    errors = [l for l in r.stderr.splitlines() if l.startswith("error:")]
    assert len(errors) == 2
    assert any(l.endswith("empty.txt: empty file") for l in errors)
    assert any("b.jsonl#3: invalid JSON" in l for l in errors)
    assert "3 articles: 3 stored" in r.stderr

    import sqlite3

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    paths = {p for (p,) in conn.execute("SELECT path FROM articles")}
    assert paths == {str(corpus / "a.txt"), f"{corpus / 'wire' / 'b.jsonl'}#1", f"{corpus / 'wire' / 'b.jsonl'}#2"}
    assert conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'traders'").fetchone()[0] == 1
    n_mentions = conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
    linked = conn.execute("SELECT COUNT(*) FROM event_mentions").fetchone()[0]
    conn.close()
    assert n_mentions == linked

    recs = events(db)
    assert recs, "the pipeline finds no event in plain made-up reports"
    # One event per happening: no two stored events from different articles that agree on
    # sub-type, day and town (the merge should have joined them).
    seen = {}
    for rec in recs:
        loc = rec["location"] or {}
        if rec["date_precision"] != "day" or loc.get("precision") != "town":
            continue
        key = (rec["sub_event_type"], rec["date"], loc.get("name"))
        arts = {s["article_id"] for s in rec["sources"]}
        assert key not in seen or seen[key] & arts, f"not merged: {key}"
        seen[key] = arts
    for rec in recs:
        assert rec["n_sources"] == len({s["article_id"] for s in rec["sources"]})
        if rec["n_sources"] > 1:
            assert "fatalities_range" in rec and "count_ranges" in rec

    r2 = run("ingest", str(corpus), "--db", str(db), "--no-progress")
    assert r2.returncode == 2
    assert "3 articles: 0 stored, 3 already stored" in r2.stderr
    assert events(db) == recs


def test_ingest_unreadable_store_is_one_line_error(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_text("this is not sqlite " * 100)
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE_A)
    r = run("ingest", str(art), "--db", str(bad), "--no-progress")
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "not-a-db.db" in lines[0]


def test_remerge_command_keeps_the_events_of_an_unchanged_merge(corpus, tmp_path):
    db = tmp_path / "events.db"
    run("ingest", str(corpus), "--db", str(db), "--no-progress")
    before = events(db)
    r = run("remerge", "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert f"-> {len(before)} events" in r.stderr
    assert events(db) == before
    assert run("remerge", "--db", str(tmp_path / "none.db")).returncode == 2
