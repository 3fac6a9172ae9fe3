"""The SQLite schema of an eventwire store, as numbered migrations.

A store records the migrations it has applied in ``schema_version``; opening
a store applies the missing ones, each in its own transaction.  Add a
migration by appending to ``MIGRATIONS``; never edit one that has shipped.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles (+FTS5), mentions, events, links, blocking keys",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,              -- content hash (Article.id)
            url TEXT,
            outlet TEXT,
            published TEXT,                   -- YYYY-MM-DD | YYYY-MM | YYYY
            published_precision TEXT,
            path TEXT,                        -- as given on the command line; FILE#LINE for JSON Lines
            title TEXT,
            text TEXT NOT NULL,
            lang TEXT,
            external_id TEXT,
            n_mentions INTEGER NOT NULL DEFAULT 0,
            ingested_at TEXT
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;

        CREATE TABLE mentions (
            id TEXT PRIMARY KEY,              -- article id ':' position of the mention in the article
            article_id TEXT NOT NULL REFERENCES articles(id),
            seq INTEGER NOT NULL,
            event_type TEXT,
            sub_event_type TEXT,
            date_start TEXT,
            date_end TEXT,
            date_precision TEXT,
            country TEXT,
            admin1 TEXT,
            location TEXT,
            latitude REAL,
            longitude REAL,
            geo_precision TEXT,
            actor1 TEXT,
            actor2 TEXT,
            fatalities INTEGER,
            modality TEXT,
            confidence REAL,
            sentence TEXT,                    -- evidence sentence
            span_start INTEGER,               -- character offsets into articles.text
            span_end INTEGER,
            attributed_to TEXT,
            data TEXT NOT NULL                -- the whole EventMention as JSON
        );
        CREATE INDEX mentions_article ON mentions(article_id, seq);

        CREATE TABLE events (
            id TEXT PRIMARY KEY,              -- stable: the id of the event's first mention
            seq INTEGER NOT NULL UNIQUE,      -- creation order
            event_date TEXT,
            date_end TEXT,
            date_precision TEXT,
            event_type TEXT,
            sub_event_type TEXT,
            actor1 TEXT,
            actor2 TEXT,
            country TEXT,
            admin1 TEXT,
            location TEXT,
            latitude REAL,
            longitude REAL,
            geo_precision TEXT,
            fatalities INTEGER,
            n_sources INTEGER,                -- distinct articles
            n_mentions INTEGER,
            summary TEXT,
            record TEXT NOT NULL,             -- the contract's event record (JSON)
            profile TEXT NOT NULL             -- what the merge compares (JSON)
        );
        CREATE INDEX events_date ON events(event_date);
        CREATE INDEX events_country_date ON events(country, event_date);
        CREATE INDEX events_type ON events(event_type, sub_event_type);

        CREATE TABLE event_mentions (
            mention_id TEXT PRIMARY KEY REFERENCES mentions(id),
            event_id TEXT NOT NULL REFERENCES events(id),
            article_id TEXT NOT NULL,
            pos INTEGER NOT NULL              -- order of the mention within its event
        );
        CREATE INDEX event_mentions_event ON event_mentions(event_id, pos);

        -- Blocking keys for the merge: an event sits in each (country, week) its dates touch.
        CREATE TABLE event_blocks (
            country TEXT NOT NULL,            -- '' when unknown
            week INTEGER NOT NULL,            -- weeks since 1970-01-05; -1 when undated
            event_id TEXT NOT NULL,
            PRIMARY KEY (country, week, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_blocks_event ON event_blocks(event_id);
        """,
    ),
    (
        2,
        "index events by place (undated events meet others at the same place)",
        """
        CREATE INDEX events_country_location ON events(country, location, seq);
        """,
    ),
    (
        3,
        "partial indexes for undated events (their candidate lookups stay flat as the store grows)",
        """
        CREATE INDEX events_undated_country ON events(country, seq) WHERE event_date IS NULL;
        CREATE INDEX events_undated_place ON events(country, location, seq) WHERE event_date IS NULL;
        """,
    ),
    (
        4,
        "view event_sources: each event's evidence sentences with their article (for serve's event page)",
        """
        CREATE VIEW event_sources AS
        SELECT l.event_id, l.pos, m.id AS mention_id, m.article_id, a.title, a.url, a.outlet, a.published, a.path,
               m.sentence, m.span_start, m.span_end, m.attributed_to, m.sub_event_type AS mention_sub_event_type
        FROM event_mentions l
        JOIN mentions m ON m.id = l.mention_id
        JOIN articles a ON a.id = m.article_id;
        """,
    ),
    (
        5,
        "index merge blocks by week (events with no country meet the placed events of their weeks)",
        """
        CREATE INDEX event_blocks_week ON event_blocks(week, country);
        """,
    ),
    (
        6,
        "indexes for serve's facets, timeline and map on large stores (actor, sub-type, date by type)",
        """
        CREATE INDEX events_actor1 ON events(actor1);
        CREATE INDEX events_sub_type ON events(sub_event_type);
        CREATE INDEX events_date_type ON events(event_date, event_type);
        CREATE INDEX events_country_date_type ON events(country, event_date, event_type);
        CREATE INDEX events_country_sub_type ON events(country, sub_event_type);
        CREATE INDEX events_country_actor1 ON events(country, actor1);
        """,
    ),
    (
        7,
        "watch: the feeds followed and every feed item fetched (a restart refetches nothing)",
        """
        CREATE TABLE watch_feeds (
            url TEXT PRIMARY KEY,
            etag TEXT,                        -- for conditional requests
            last_modified TEXT,
            polled_at TEXT,                   -- last answer (UTC)
            last_status TEXT,                 -- 'ok', 'not modified' or the error
            failures INTEGER NOT NULL DEFAULT 0,  -- in a row; the backoff grows with it
            next_try REAL NOT NULL DEFAULT 0  -- unix time before which the feed is not asked again
        );
        CREATE TABLE watch_items (
            url TEXT PRIMARY KEY,             -- the feed item's link
            feed TEXT,
            status TEXT NOT NULL,             -- stored | left (robots, no article text) | retry | failed
            article_id TEXT,                  -- articles.id when stored
            final_url TEXT,                   -- after redirects
            attempts INTEGER NOT NULL DEFAULT 0,
            next_try REAL NOT NULL DEFAULT 0,
            reason TEXT,
            updated_at TEXT
        );
        CREATE INDEX watch_items_retry ON watch_items(status, next_try);
        CREATE INDEX articles_url ON articles(url);
        """,
    ),
]

LATEST = MIGRATIONS[-1][0]


class SchemaError(RuntimeError):
    pass


def current_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
    if row is None:
        return 0
    v = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    return v or 0


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the missing migrations (connection in autocommit mode); returns the version."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)"
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    version = current_version(conn)
    if version > LATEST:
        raise SchemaError(f"store schema v{version} is newer than this eventwire (v{LATEST}); upgrade eventwire")
    for v, desc, sql in MIGRATIONS:
        if v <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if current_version(conn) >= v:  # another process applied it meanwhile
                conn.execute("ROLLBACK")
                continue
            for stmt in _statements(sql):
                conn.execute(stmt)
            conn.execute(
                "INSERT INTO schema_version(version, description, applied_at) VALUES (?, ?, ?)",
                (v, desc, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return current_version(conn)


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (CREATE TRIGGER bodies contain ';')."""
    out, buf = [], []
    for line in sql.splitlines():
        stripped = line.split("--", 1)[0].rstrip() if "--" in line and "'" not in line.split("--", 1)[0] else line.rstrip()
        if not stripped.strip():
            continue
        buf.append(stripped)
        text = "\n".join(buf)
        if stripped.endswith(";") and sqlite3.complete_statement(text):
            out.append(text)
            buf = []
    if "".join(buf).strip():
        out.append("\n".join(buf))
    return out
