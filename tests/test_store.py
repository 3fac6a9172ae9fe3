"""The SQLite store: schema, idempotent transactional writes, merge through the store, queries."""
from __future__ import annotations

import sqlite3

import pytest

from eventwire.article import Article
from eventwire.merge import merge_across, merge_mentions
from eventwire.records import Actor, DateRange, EventMention, Place, Source
from eventwire.store import LATEST, SchemaError, Store
from eventwire.store.schema import MIGRATIONS, _statements
from eventwire.store.serialize import mention_from_json, mention_to_json

from datetime import date

PORT = Place("Port Amani", "TZ", -6.8, 39.3, admin1="Dar", precision="town")
LAKE = Place("Lakeside", "UG", 0.3, 32.6, admin1="Central", precision="town")


def article(text: str, published="2023-05-02", **kw) -> Article:
    return Article(text=text, published=date.fromisoformat(published), published_precision="day", **kw)


def mention(art: Article, sentence: str, sub="Armed clash", et="Battles", when="2023-05-01", place=PORT,
            fatalities=None, actor1=None) -> EventMention:
    start = art.text.find(sentence)
    assert start >= 0
    d = date.fromisoformat(when)
    return EventMention(
        event_type=et,
        sub_event_type=sub,
        date=DateRange(d, d, "day"),
        source=Source(article_id=art.id, sentence=sentence, span=(start, start + len(sentence)),
                      published=art.published_iso),
        location=place,
        fatalities=fatalities,
        counts={"killed": fatalities} if fatalities is not None else {},
        actor1=Actor(actor1, "rebel group") if actor1 else None,
    )


def clash_article(n: int, fatalities: int, place=PORT, when="2023-05-01", outlet=None):
    s1 = f"Militants clashed with police in {place.name} on Monday, report {n}."
    s2 = f"At least {fatalities} people died in the fighting."
    a = article(f"{s1} {s2}", outlet=outlet or f"Outlet {n}", url=f"https://news.example/{n}", path=f"in/{n}.txt")
    ms = [mention(a, s1, when=when, place=place), mention(a, s2, when=when, place=None, fatalities=fatalities)]
    return a, merge_mentions(ms)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "events.db")
    yield s
    s.close()


def test_schema_is_created_with_version_and_wal(store):
    assert store.schema_version == LATEST
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "articles_fts", "mentions", "events", "event_mentions", "schema_version"} <= tables


def test_migrations_upgrade_an_old_store_and_refuse_a_newer_one(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)")
    for stmt in _statements(MIGRATIONS[0][2]):
        conn.execute(stmt)
    conn.execute("INSERT INTO schema_version VALUES (1, 'v1', 'then')")
    conn.close()
    s = Store(path)
    assert s.schema_version == LATEST
    idx = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "events_country_location" in idx
    s.conn.execute("INSERT INTO schema_version VALUES (99, 'future', 'later')")
    s.close()
    with pytest.raises(SchemaError):
        Store(path)


def test_an_article_is_stored_once(store):
    a, evs = clash_article(1, 4)
    r1 = store.add_article(a, evs)
    assert not r1.skipped and r1.new_events == 1 and r1.mentions == 2
    before = store.dump()
    r2 = store.add_article(a, evs)
    assert r2.skipped
    assert store.dump() == before
    assert store.counts() == {"articles": 1, "mentions": 2, "events": 1}


def test_a_failed_write_leaves_nothing_behind(store, monkeypatch):
    a, evs = clash_article(1, 4)
    store.add_article(a, evs)
    before = store.dump(), store.counts()
    b, evs_b = clash_article(2, 6)

    def boom(*args, **kw):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_insert_mention", boom)
    with pytest.raises(RuntimeError):
        store.add_article(b, evs_b)
    assert (store.dump(), store.counts()) == before
    assert not store.has_article(b.id)


def test_reports_across_outlets_become_one_event_with_a_stable_id(store):
    a, evs_a = clash_article(1, 4)
    b, evs_b = clash_article(2, 6)
    c, evs_c = clash_article(3, 6)
    far, evs_far = clash_article(4, 2, place=LAKE)
    store.add_article(a, evs_a)
    first_id = evs_a[0].event_id
    r = store.add_article(b, evs_b)
    assert r.joined_events == 1 and r.event_ids == (first_id,)
    store.add_article(c, evs_c)
    store.add_article(far, evs_far)
    recs = store.events()
    assert len(recs) == 2
    rec = next(x for x in recs if x["event_id"] == first_id)
    assert rec["n_sources"] == 3
    assert rec["fatalities"] == 6 and rec["fatalities_range"] == [4, 6]
    assert {s["outlet"] for s in rec["sources"]} == {"Outlet 1", "Outlet 2", "Outlet 3"}
    assert all(s["path"].startswith("in/") for s in rec["sources"])
    row = store.conn.execute("SELECT n_sources, fatalities, country, location FROM events WHERE id = ?", (first_id,)).fetchone()
    assert tuple(row) == (3, 6, "TZ", "Port Amani")
    # Every mention is linked to exactly one event.
    n = store.conn.execute("SELECT COUNT(*) FROM mentions m JOIN event_mentions l ON l.mention_id = m.id").fetchone()[0]
    assert n == store.counts()["mentions"] == 8
    ev_src = store.conn.execute(
        "SELECT outlet, sentence, span_start, span_end FROM event_sources WHERE event_id = ? ORDER BY pos", (first_id,)
    ).fetchall()
    assert len(ev_src) == 6 and ev_src[0]["outlet"] == "Outlet 1"
    text = a.text
    assert text[ev_src[0]["span_start"]:ev_src[0]["span_end"]] == ev_src[0]["sentence"]


def test_store_merge_equals_in_memory_merge(store):
    arts = [clash_article(i, 3 + i % 3, place=PORT if i % 2 else LAKE, when=f"2023-05-0{1 + i % 3}") for i in range(12)]
    for a, evs in arts:
        store.add_article(a, evs)
    mem = merge_across([e for _, evs in arts for e in evs])
    want = sorted((e.event_id, sorted((s.article_id, tuple(s.span)) for s in e.sources)) for e in mem)
    got = sorted(
        (r["event_id"], sorted((s["article_id"], tuple(s["span"])) for s in r["sources"])) for r in store.events()
    )
    assert got == want


def test_filters(store):
    a, evs = clash_article(1, 4)
    b, evs_b = clash_article(2, 5)
    store.add_article(a, evs)
    store.add_article(b, evs_b)
    c, evs_c = clash_article(3, 2, place=LAKE, when="2023-06-10")
    store.add_article(c, evs_c)
    assert len(store.events()) == 2
    assert [r["location"]["name"] for r in store.events(since="2023-06-01")] == ["Lakeside"]
    assert [r["location"]["name"] for r in store.events(until="2023-05-31")] == ["Port Amani"]
    assert [r["location"]["country"] for r in store.events(country="ug")] == ["UG"]
    assert [r["location"]["country"] for r in store.events(country="Uganda,TZ")] == ["TZ", "UG"]
    assert len(store.events(type="battles")) == 2 and store.events(type="Protests") == []
    assert len(store.events(type="Armed clash")) == 2
    assert [r["n_sources"] for r in store.events(min_sources=2)] == [2]
    assert [r["location"]["name"] for r in store.events(bbox="30,-1,35,1")] == ["Lakeside"]
    assert store.events(actor="Front") == []
    assert store.events(limit=1)[0]["event_id_cnty"].startswith("TZA")


def test_actor_filter_and_full_text_search(store):
    s1 = "Gunmen of the River Front attacked a convoy near Port Amani."
    a = article(s1, title="Convoy ambushed")
    store.add_article(a, merge_mentions([mention(a, s1, actor1="River Front")]))
    assert len(store.events(actor="river front")) == 1
    hits = store.search_articles("convoy")
    assert hits and hits[0]["id"] == a.id and "[convoy]" in hits[0]["snippet"].lower()
    assert store.search_articles("ambushed")  # the title is indexed too


def test_mentions_round_trip_through_json():
    a, evs = clash_article(1, 4)
    for m in evs[0].mentions:
        assert mention_from_json(mention_to_json(m)) == m


def test_extracted_mentions_round_trip_through_json():
    # what the pipeline sets (where a date came from, a doer's claimed toll) survives the store,
    # so remerge reads the mentions a fresh ingest merged
    import eventwire

    evs = eventwire.extract("Gunmen killed five villagers in Kano on Monday, police said. The group said it had "
                            "killed 30 soldiers.", published="2022-06-15")
    ms = [m for ev in evs for m in ev.mentions]
    assert any(m.date_how for m in ms)
    for m in ms:
        back = mention_from_json(mention_to_json(m))
        assert (back.date_how, back.fatalities_claimed, back.date) == (m.date_how, m.fatalities_claimed, m.date)


def test_readonly_store_cannot_write(tmp_path):
    path = tmp_path / "e.db"
    Store(path).close()
    ro = Store(path, readonly=True)
    a, evs = clash_article(1, 4)
    with pytest.raises(sqlite3.OperationalError):
        ro.add_article(a, evs)
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "missing.db", readonly=True)


def test_store_and_memory_agree_on_a_random_stream_with_undated_and_coarse_reports(store, monkeypatch):
    import random

    import eventwire.merge as merge_mod

    monkeypatch.setattr(merge_mod, "PLACE_CANDIDATES", 4)  # exercise the bounded candidate lists
    rng = random.Random(5)
    places = [PORT, LAKE, Place("Port North", "TZ", -6.6, 39.3, admin1="Dar", precision="town"),
              Place("Dar Region", "TZ", -6.9, 39.1, admin1="Dar", precision="region"),
              Place("Tanzania", "TZ", -6.0, 35.0, precision="country"), None]
    kinds = [("Battles", "Armed clash"), ("Battles", "Government regains territory"),
             ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack")]
    arts = []
    for n in range(120):
        et, sub = rng.choice(kinds)
        d = date(2023, 5, 1 + rng.randrange(20))
        prec = rng.choice(["day", "day", "week", "month", "unknown"])
        dr = {"day": DateRange(d, d, "day"), "week": DateRange(d, date(2023, 5, min(28, d.day + 6)), "week"),
              "month": DateRange(date(2023, 5, 1), date(2023, 5, 31), "month"), "unknown": DateRange.unknown()}[prec]
        words = " ".join(rng.sample(["fighters", "soldiers", "market", "bridge", "convoy", "village", "police", "drone"], 3))
        text = f"Report {n}: {words} near the town."
        a = article(text, published=f"2023-05-{1 + rng.randrange(25):02d}")
        m = EventMention(et, sub, dr, Source(article_id=a.id, sentence=text, span=(0, len(text)), published=a.published_iso),
                         location=rng.choice(places),
                         actor1=Actor(rng.choice(["North Front", "Lake Army"]), "rebel group") if rng.random() < 0.5 else None)
        arts.append((a, merge_mentions([m])))
    for a, evs in arts:
        store.add_article(a, evs)
    mem = merge_across([e for _, evs in arts for e in evs])
    want = sorted((e.event_id, sorted(s.article_id for s in e.sources)) for e in mem)
    got = sorted((r["event_id"], sorted(s["article_id"] for s in r["sources"])) for r in store.events())
    assert got == want
    assert len(got) < len(arts)  # some reports did join


def test_remerge_replays_the_stored_mentions_with_the_current_rules(store, monkeypatch):
    import eventwire.merge as merge_mod

    arts = [clash_article(i, 3 + i % 3, place=PORT if i % 2 else LAKE, when=f"2023-05-0{1 + i % 3}") for i in range(10)]
    for a, evs in arts:
        store.add_article(a, evs)
    before = store.dump()
    n_events = store.counts()["events"]
    assert n_events < 10
    # A stricter cross-article rule: nothing joins.
    monkeypatch.setattr(merge_mod, "ACROSS", merge_mod.Rules(min_score=1e9))
    out = store.remerge()
    assert out["events"] == store.counts()["events"] == 10 and out["joined_events"] == 0
    assert store.conn.execute("SELECT COUNT(*) FROM event_mentions").fetchone()[0] == store.counts()["mentions"]
    monkeypatch.undo()
    store.remerge()
    assert store.dump() == before


def test_store_and_memory_agree_when_reports_with_no_place_meet_placed_ones(store, monkeypatch):
    import random

    import eventwire.merge as merge_mod

    monkeypatch.setattr(merge_mod, "UNPLACED_CANDIDATES", 3)  # exercise the bounded week lists
    rng = random.Random(11)
    north = Place("Port North", "TZ", -6.6, 39.3, admin1="Dar", precision="town")
    arts = []
    for n in range(80):
        place = rng.choice([PORT, LAKE, north, None, None])
        named = rng.choice(["Port Amani", "Lakeside", "Port North", "the coast"])
        d = date(2023, 5, 1 + rng.randrange(10))
        text = f"Report {n}: fighters clashed with soldiers in {named}."
        a = article(text, published="2023-05-12")
        mt = EventMention("Battles", "Armed clash", DateRange(d, d, "day"),
                          Source(article_id=a.id, sentence=text, span=(0, len(text)), published=a.published_iso),
                          location=place)
        arts.append((a, merge_mentions([mt])))
    for a, evs in arts:
        store.add_article(a, evs)
    mem = merge_across([e for _, evs in arts for e in evs])
    want = sorted((e.event_id, sorted(s.article_id for s in e.sources)) for e in mem)
    got = sorted((r["event_id"], sorted(s["article_id"] for s in r["sources"])) for r in store.events())
    assert got == want
    # Some report with no place joined a placed event.
    placed_ids = {a.id for a, evs in arts if evs[0].location is not None}
    assert any(
        {s.article_id for s in e.sources} & placed_ids and {s.article_id for s in e.sources} - placed_ids for e in mem
    )


def test_store_and_memory_agree_when_events_carry_other_days_of_their_first_report(store):
    import random
    from datetime import timedelta

    rng = random.Random(3)
    arts = []
    for n in range(60):
        d = date(2023, 5, 1 + rng.randrange(12))
        pub = d + timedelta(days=1)
        s1 = f"Report {n}: fighters clashed with soldiers in Port Amani."
        s2 = f"Medics counted the dead on the day after, report {n} said."
        text = f"{s1} {s2}" if rng.random() < 0.5 else s1
        a = article(text, published=pub.isoformat())
        ms = [mention(a, s1, when=d.isoformat())]
        if s2 in text:  # dated by the publication day: joins the clash, its day an other day of the event
            ms.append(mention(a, s2, when=pub.isoformat()))
        arts.append((a, merge_mentions(ms)))
    for a, evs in arts:
        store.add_article(a, evs)
    mem = merge_across([e for _, evs in arts for e in evs])
    want = sorted((e.event_id, sorted(s.article_id for s in e.sources)) for e in mem)
    got = sorted((r["event_id"], sorted(s["article_id"] for s in r["sources"])) for r in store.events())
    assert got == want
    from eventwire.merge import Profile

    assert any(Profile.of(e).alt_days for e in mem)
