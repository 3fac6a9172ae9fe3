"""The event store: one SQLite file (WAL, no server) that Datasette serves as is.

Tables (see ``schema.py``): ``articles`` (+ ``articles_fts``), ``mentions``,
``events``, ``event_mentions`` (mention -> event), ``event_blocks`` (merge
blocking keys) and ``schema_version``.

Writing is idempotent and crash-safe: ``add_article`` stores an article, its
mentions and every merge change in ONE transaction, and does nothing for an
article already stored.  A process killed at any moment leaves the store as
it was after the last committed article; rerunning the same input in the same
order then gives exactly the events of an uninterrupted run, because the
merge is a deterministic function of the stored events and the new article.
"""
from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Iterable, Iterator

from .. import merge as _merge
from ..article import Article
from ..records import Event, EventMention
from .schema import LATEST, SchemaError, migrate
from .serialize import mention_from_json, mention_to_json

__all__ = ["Store", "AddResult", "SchemaError", "LATEST"]

_UNDATED_WEEK = -1


@dataclass
class AddResult:
    article_id: str
    skipped: bool = False  # already stored
    mentions: int = 0
    new_events: int = 0
    joined_events: int = 0  # events of the article that joined an existing event
    event_ids: tuple[str, ...] = ()


def _retry_locked(fn, seconds: float = 30.0):
    """Run ``fn``, retrying while another process holds the lock.

    Switching to WAL and the first migration take locks that SQLite's busy
    timeout does not always wait for when two ingests open a new store at once.
    """
    import time

    deadline = time.monotonic() + seconds
    delay = 0.01
    while True:
        try:
            return fn()
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _iso3(cc: str | None) -> str:
    if not cc:
        return "XXX"
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=cc.upper())
        return c.alpha_3 if c else cc.upper()
    except Exception:  # pragma: no cover
        return cc.upper()


def _country_codes(value: str | Iterable[str]) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value)
    out = []
    for it in items:
        it = it.strip()
        if not it:
            continue
        if len(it) == 2:
            out.append(it.upper())
            continue
        try:
            import pycountry

            c = pycountry.countries.lookup(it)
            out.append(c.alpha_2)
        except Exception:
            out.append(it.upper())
    return out


class Store:
    """An eventwire SQLite store.  ``Store(path)`` creates or migrates the file."""

    def __init__(self, path: str | os.PathLike, readonly: bool = False):
        self.path = str(path)
        if readonly:
            if not os.path.exists(self.path):
                raise FileNotFoundError(f"{self.path}: no such store")
            uri = "file:" + os.path.abspath(self.path) + "?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
            _retry_locked(lambda: self.conn.execute("PRAGMA journal_mode=WAL"))
            # WAL + NORMAL: a killed process never corrupts or half-writes; an OS crash may lose the last commits.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            _retry_locked(lambda: migrate(self.conn))
        self.conn.row_factory = sqlite3.Row
        self.readonly = readonly

    # ------------------------------------------------------------------ plumbing

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def counts(self) -> dict[str, int]:
        q = lambda t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: E731
        return {"articles": q("articles"), "mentions": q("mentions"), "events": q("events")}

    # ------------------------------------------------------------------ writing

    def add_article(self, article: Article, events: list[Event]) -> AddResult:
        """Store one article and its events (from ``merge_mentions``), merging them into the store.

        One transaction: all of it or nothing.  An article already stored is skipped.
        """
        aid = article.id
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone():
                return AddResult(aid, skipped=True)
            events = [self._own_sources(ev, article) for ev in events if ev.mentions]
            n_mentions = sum(len(ev.mentions) for ev in events)
            c.execute(
                "INSERT INTO articles(id, url, outlet, published, published_precision, path, title, text, lang,"
                " external_id, n_mentions, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    aid,
                    article.url,
                    article.outlet,
                    article.published_iso,
                    article.published_precision,
                    article.path,
                    article.title,
                    article.text,
                    article.lang,
                    article.external_id,
                    n_mentions,
                    datetime.now(timezone.utc).isoformat(timespec="seconds"),
                ),
            )
            res = AddResult(aid, mentions=n_mentions)
            # Mentions are numbered in text order (what merge_mentions saw, so remerge() can replay it).
            order = sorted(
                ((m.source.span[0], m.source.span[1], i, k), m)
                for i, ev in enumerate(events)
                for k, m in enumerate(ev.mentions)
            )
            mids: dict[int, str] = {}
            for seq, (_key, m) in enumerate(order):
                mid = f"{aid}:{seq:04d}"
                self._insert_mention(mid, aid, seq, m)
                mids[id(m)] = mid
            self._merge_in(aid, events, mids, res)
            return res

    def _merge_in(self, aid: str, events: list[Event], mids: dict[int, str], res: AddResult) -> None:
        """Merge one article's events into the stored ones and link its (stored) mentions."""
        if not events:
            return
        c = self.conn
        new_profiles = [_merge.Profile.of(ev) for ev in events]
        cand_ids = self._candidates(new_profiles)
        cand_profiles = self._profiles(cand_ids)
        choice = _merge.assign(cand_profiles, new_profiles)
        ids = []
        for ev, ch in zip(events, choice):
            if ch is None:
                target = ev
                start_pos = 0
                res.new_events += 1
            else:
                base = self.load_event(cand_ids[ch])
                start_pos = len(base.mentions)
                target = _merge.combine(base, ev)
                res.joined_events += 1
            _merge._summarize(target)
            ids.append(target.event_id)
            self._upsert_event(target, is_new=ch is None)
            for k, m in enumerate(ev.mentions):
                c.execute(
                    "INSERT INTO event_mentions(mention_id, event_id, article_id, pos) VALUES (?,?,?,?)",
                    (mids[id(m)], target.event_id, aid, start_pos + k),
                )
        res.event_ids = tuple(ids)

    def remerge(self) -> dict[str, int]:
        """Recompute every event from the stored mentions with the current merge rules, in
        ingestion order (after a merge upgrade; no re-extraction).  One transaction.

        Gives the events a fresh ingest of the same articles would give, provided the
        article's mentions were merged by ``merge_mentions`` (what ``extract`` does).
        """
        with self.transaction() as c:
            c.execute("DELETE FROM event_blocks")
            c.execute("DELETE FROM event_mentions")
            c.execute("DELETE FROM events")
            totals = {"articles": 0, "new_events": 0, "joined_events": 0}
            for (aid,) in c.execute("SELECT id FROM articles ORDER BY rowid").fetchall():
                rows = c.execute("SELECT id, data FROM mentions WHERE article_id = ? ORDER BY seq", (aid,)).fetchall()
                ms = [(mid, mention_from_json(json.loads(data))) for mid, data in rows]
                events = _merge.merge_mentions([m for _, m in ms])
                res = AddResult(aid)
                self._merge_in(aid, events, {id(m): mid for mid, m in ms}, res)
                totals["articles"] += 1
                totals["new_events"] += res.new_events
                totals["joined_events"] += res.joined_events
            totals["events"] = c.execute("SELECT COUNT(*) FROM events").fetchone()[0]
            return totals

    @staticmethod
    def _own_sources(ev: Event, article: Article) -> Event:
        """Fill each source's article fields from the article it came from."""

        def fix(s):
            return replace(
                s,
                article_id=article.id,
                path=s.path or article.path,
                url=s.url or article.url,
                outlet=s.outlet or article.outlet,
                published=s.published or article.published_iso,
            )

        ms = [replace(m, source=fix(m.source), extra_sources=[fix(x) for x in m.extra_sources]) for m in ev.mentions]
        # Ids made by the merge derive from the first mention's source: re-derive them
        # from the corrected source (keeping a "-n" suffix); keep any other id as given.
        eid = ev.event_id
        old_base = _merge.event_id_for(ev.mentions[0]) if ev.mentions else ""
        if not eid or eid == ev.stable_id() or eid.startswith(old_base):
            suffix = eid[len(old_base):] if eid.startswith(old_base) else ""
            eid = _merge.event_id_for(ms[0]) + suffix
        return _merge.build_event(ms, event_id=eid, summary=ev.summary)

    def _candidates(self, profiles: list[_merge.Profile]) -> list[str]:
        keys: dict[tuple[str, int], None] = {}
        for p in profiles:
            for country, week in _merge.block_keys(p):
                keys.setdefault((country or "", _UNDATED_WEEK if week is None else week))
        found: dict[str, None] = {}
        for country, week in keys:
            if week == _UNDATED_WEEK:  # undated: the latest few only, so the cost stays flat
                rows = self.conn.execute(
                    "SELECT id FROM events WHERE country IS ? AND event_date IS NULL ORDER BY seq DESC LIMIT ?",
                    (country or None, _merge.PLACE_CANDIDATES),
                )
            else:
                rows = self.conn.execute(
                    "SELECT event_id FROM event_blocks WHERE country = ? AND week = ?", (country, week)
                )
            for (eid,) in rows:
                found.setdefault(eid)
        # Dated events: one without a country meets the placed events of its weeks, a placed one
        # those without a country (the latest few of each week; as ``MemoryIndex.candidates``).
        for p in profiles:
            if p.start is None:
                continue
            for _country, week in _merge.block_keys(p):
                rows = self.conn.execute(
                    "SELECT b.event_id FROM event_blocks b JOIN events e ON e.id = b.event_id"
                    " WHERE b.week = ? AND " + ("b.country != ''" if p.country is None else "b.country = ''")
                    + " ORDER BY e.seq DESC LIMIT ?",
                    (week, _merge.UNPLACED_CANDIDATES),
                )
                for (eid,) in rows:
                    found.setdefault(eid)
        # Undated events meet dated ones only at the same named place (bounded: the latest few).
        for p in profiles:
            if not p.place:
                continue
            undated_only = "" if p.start is None else " AND event_date IS NULL"  # partial index
            for (eid,) in self.conn.execute(
                "SELECT id FROM events WHERE country IS ? AND location = ?" + undated_only
                + " ORDER BY seq DESC LIMIT ?",
                (p.country, p.place, _merge.PLACE_CANDIDATES),
            ):
                found.setdefault(eid)
        if not found:
            return []
        # Deterministic order: creation order.
        rows = []
        ids = list(found)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows += self.conn.execute(
                f"SELECT id, seq FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
        return [r[0] for r in sorted(rows, key=lambda r: r[1])]

    def _profiles(self, ids: list[str]) -> list[_merge.Profile]:
        found: dict[str, _merge.Profile] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for eid, prof in self.conn.execute(
                f"SELECT id, profile FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ):
                found[eid] = _merge.Profile.from_json(json.loads(prof))
        return [found[e] for e in ids]

    def _profile(self, event_id: str) -> _merge.Profile:
        row = self.conn.execute("SELECT profile FROM events WHERE id = ?", (event_id,)).fetchone()
        return _merge.Profile.from_json(json.loads(row[0]))

    def load_event(self, event_id: str) -> Event:
        """The stored event rebuilt from its mentions (as the merge left it)."""
        row = self.conn.execute("SELECT summary FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise KeyError(event_id)
        ms = [
            mention_from_json(json.loads(r[0]))
            for r in self.conn.execute(
                "SELECT m.data FROM event_mentions l JOIN mentions m ON m.id = l.mention_id"
                " WHERE l.event_id = ? ORDER BY l.pos",
                (event_id,),
            )
        ]
        return _merge.build_event(ms, event_id=event_id, summary=row[0] or "")

    def _insert_mention(self, mid: str, aid: str, seq: int, m: EventMention) -> None:
        loc = m.location
        self.conn.execute(
            "INSERT INTO mentions(id, article_id, seq, event_type, sub_event_type, date_start, date_end, date_precision,"
            " country, admin1, location, latitude, longitude, geo_precision, actor1, actor2, fatalities, modality,"
            " confidence, sentence, span_start, span_end, attributed_to, data)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                mid,
                aid,
                seq,
                m.event_type,
                m.sub_event_type,
                m.date.start.isoformat() if m.date.start else None,
                m.date.end.isoformat() if m.date.end else None,
                m.date.precision,
                loc.country if loc else None,
                loc.admin1 if loc else None,
                loc.name if loc else None,
                loc.lat if loc else None,
                loc.lon if loc else None,
                loc.precision if loc else None,
                m.actor1.name if m.actor1 else None,
                m.actor2.name if m.actor2 else None,
                m.fatalities,
                m.modality,
                m.confidence,
                m.source.sentence,
                m.source.span[0],
                m.source.span[1],
                m.source.attributed_to,
                json.dumps(mention_to_json(m), ensure_ascii=False, sort_keys=True),
            ),
        )

    def _upsert_event(self, ev: Event, is_new: bool) -> None:
        c = self.conn
        rec = ev.to_record()
        prof = _merge.Profile.of(ev)
        loc = ev.location
        n_sources = len({s.article_id for s in ev.sources})
        values = (
            ev.date.start.isoformat() if ev.date.start else None,
            ev.date.end.isoformat() if ev.date.end else None,
            ev.date.precision,
            ev.event_type,
            ev.sub_event_type,
            ev.actor1.name if ev.actor1 else None,
            ev.actor2.name if ev.actor2 else None,
            loc.country if loc else None,
            loc.admin1 if loc else None,
            loc.name if loc else None,
            loc.lat if loc else None,
            loc.lon if loc else None,
            loc.precision if loc else None,
            ev.fatalities,
            n_sources,
            len(ev.mentions),
            ev.summary,
            json.dumps(rec, ensure_ascii=False),
            json.dumps(prof.to_json(), ensure_ascii=False),
        )
        cols = (
            "event_date, date_end, date_precision, event_type, sub_event_type, actor1, actor2, country, admin1,"
            " location, latitude, longitude, geo_precision, fatalities, n_sources, n_mentions, summary, record, profile"
        )
        if is_new:
            seq = c.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM events").fetchone()[0]
            c.execute(
                f"INSERT INTO events(id, seq, {cols}) VALUES (?, ?, {','.join('?' * len(values))})",
                (ev.event_id, seq, *values),
            )
        else:
            sets = ", ".join(f"{col.strip()} = ?" for col in cols.split(","))
            c.execute(f"UPDATE events SET {sets} WHERE id = ?", (*values, ev.event_id))
            c.execute("DELETE FROM event_blocks WHERE event_id = ?", (ev.event_id,))
        for country, week in _merge.block_keys(prof):
            c.execute(
                "INSERT OR IGNORE INTO event_blocks(country, week, event_id) VALUES (?,?,?)",
                (country or "", _UNDATED_WEEK if week is None else week, ev.event_id),
            )

    # ------------------------------------------------------------------ reading

    def _where(
        self,
        since=None,
        until=None,
        country=None,
        type=None,
        actor=None,
        bbox=None,
        min_sources=None,
    ) -> tuple[str, list]:
        clauses, params = [], []
        if since:
            clauses.append("COALESCE(date_end, event_date) >= ?")
            params.append(str(since))
        if until:
            clauses.append("event_date <= ?")
            params.append(str(until))
        if country:
            codes = _country_codes(country)
            clauses.append(f"UPPER(country) IN ({','.join('?' * len(codes))})")
            params += codes
        if type:
            types = [t.strip() for t in (type.split(",") if isinstance(type, str) else type) if t.strip()]
            ors = []
            for t in types:
                ors.append("event_type = ? COLLATE NOCASE OR sub_event_type = ? COLLATE NOCASE")
                params += [t, t]
            clauses.append("(" + " OR ".join(ors) + ")")
        if actor:
            like = f"%{actor}%"
            clauses.append(
                "(actor1 LIKE ? OR actor2 LIKE ? OR EXISTS (SELECT 1 FROM json_each(record, '$.associated_actors') aa"
                " WHERE json_extract(aa.value, '$.name') LIKE ?))"
            )
            params += [like, like, like]
        if bbox:
            if isinstance(bbox, str):
                bbox = [float(x) for x in bbox.split(",")]
            if len(bbox) != 4:
                raise ValueError("bbox must be min_lon,min_lat,max_lon,max_lat")
            x0, y0, x1, y1 = bbox
            clauses.append("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?")
            params += [min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)]
        if min_sources:
            clauses.append("n_sources >= ?")
            params.append(int(min_sources))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def event_rows(self, limit: int | None = None, **filters) -> list[sqlite3.Row]:
        where, params = self._where(**filters)
        sql = f"SELECT * FROM events{where} ORDER BY event_date IS NULL, event_date, seq"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.conn.execute(sql, params).fetchall()

    def events(self, limit: int | None = None, **filters) -> list[dict]:
        """Event records (the contract's shape, plus ``n_sources`` and ``event_id_cnty``).

        Filters: ``since``/``until`` (YYYY-MM-DD; the event's date range must touch
        the period), ``country`` (ISO codes or names, comma-separated), ``type``
        (event type or sub-type), ``actor`` (substring of any actor's name),
        ``bbox`` (min_lon,min_lat,max_lon,max_lat), ``min_sources`` (distinct articles).
        """
        out = []
        for r in self.event_rows(limit=limit, **filters):
            rec = json.loads(r["record"])
            rec["n_sources"] = r["n_sources"]
            rec["event_id_cnty"] = f"{_iso3(r['country'])}{r['seq']}"
            out.append(rec)
        return out

    def event(self, event_id: str) -> dict | None:
        r = self.conn.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        return json.loads(r[0]) if r else None

    def search_articles(self, query: str, limit: int = 20) -> list[dict]:
        """Full-text search over article titles and text (FTS5 query syntax)."""
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.url, a.path, a.published,"
            " snippet(articles_fts, 1, '[', ']', '...', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        ).fetchall()
        return [dict(r) for r in rows]

    def to_arrow(self, **filters):
        from ..exports import to_arrow

        return to_arrow(self.events(**filters))

    def to_pandas(self, **filters):
        try:
            import pandas  # noqa: F401
        except ImportError:  # pragma: no cover
            raise ImportError("to_pandas() needs pandas: pip install pandas") from None
        return self.to_arrow(**filters).to_pandas()

    def dump(self) -> list[tuple]:
        """Everything the merge decided (events, links), for comparing two stores."""
        ev = self.conn.execute(
            "SELECT id, seq, record, profile, n_sources, n_mentions FROM events ORDER BY seq"
        ).fetchall()
        links = self.conn.execute(
            "SELECT mention_id, event_id, pos FROM event_mentions ORDER BY mention_id"
        ).fetchall()
        return [tuple(r) for r in ev] + [tuple(r) for r in links]
