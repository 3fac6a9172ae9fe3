"""A result cache for slow read queries, keyed on the version of the store's files.

``serve`` opens the store read-only, so a query's result can change only when
the file does (an ingest or ``watch`` committing beside the server).  The key
of every entry includes the size and modification time of the database file
and its ``-wal``: any commit makes old entries unreachable.  Only queries that
took longer than ``min_ms`` are kept (the timeline's per-day totals over a whole
store, facets without an index), and counts (``count(*)``: facet counts, the
table's filtered count) from ``count_min_ms`` on: each takes a few ms even on an
index, the table page runs five facets and a count, and its answer is a handful
of rows.  At most ``size`` entries.

A query stopped by Datasette's time limit (a facet over a million rows) is run
again in the background, one at a time and with a longer limit, and its result
kept: the visitor who asked sees "facet timed out" once; the next one sees the
counts.  At most ``max_pending`` such queries wait.
"""
from __future__ import annotations

import asyncio
import os
import sys
import time
from collections import OrderedDict

from datasette.database import QueryInterrupted, Results


def file_version(path: str | None) -> tuple:
    if not path:
        return ()
    out = []
    for p in (path, path + "-wal"):
        try:
            st = os.stat(p)
            out.append((st.st_size, st.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out)


def _freeze(params):
    if params is None:
        return None
    if isinstance(params, dict):
        return tuple(sorted((k, repr(v)) for k, v in params.items()))
    return tuple(repr(v) for v in params)


class QueryCache:
    def __init__(self, size: int = 512, min_ms: float = 15.0, max_rows: int = 200000,
                 background_ms: int = 120_000, max_pending: int = 32, count_min_ms: float = 2.0):
        self.size, self.min_ms, self.max_rows = size, min_ms, max_rows
        self.count_min_ms = count_min_ms
        self.background_ms, self.max_pending = background_ms, max_pending
        self.entries: OrderedDict = OrderedDict()
        self.pending: set = set()
        self.hits = self.misses = self.background_done = 0
        self._one_at_a_time = None

    def stats(self) -> dict:
        return {"entries": len(self.entries), "hits": self.hits, "misses": self.misses,
                "pending": len(self.pending), "background_done": self.background_done}

    def _keep(self, key, res) -> None:
        if len(res.rows) <= self.max_rows:
            self.entries[key] = res
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def _later(self, key, db, sql, params) -> None:
        if key in self.pending or len(self.pending) >= self.max_pending:
            return
        self.pending.add(key)
        if self._one_at_a_time is None:
            self._one_at_a_time = asyncio.Semaphore(1)
        limit_s = self.background_ms / 1000

        def run_in_thread(conn):
            # Datasette caps every query at sql_time_limit_ms; this one gets its own, longer limit
            deadline = time.monotonic() + limit_s
            conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10000)
            try:
                cur = conn.execute(sql, params or [])
                return Results(cur.fetchall(), False, cur.description)
            finally:
                conn.set_progress_handler(None, 0)

        async def run():
            try:
                async with self._one_at_a_time:
                    if key in self.entries:
                        return
                    self._keep(key, await db.execute_fn(run_in_thread))
                    self.background_done += 1
            except Exception as e:  # the query failed or ran past the longer limit too: no entry
                print(f"eventwire serve: background query gave up: {type(e).__name__}: {' '.join(sql.split())[:120]}",
                      file=sys.stderr, flush=True)
            finally:
                self.pending.discard(key)

        asyncio.get_running_loop().create_task(run())

    def wrap(self, db):
        """Replace ``db.execute`` (a datasette Database) by a caching one; idempotent."""
        if getattr(db, "_eventwire_cache", None) is self:
            return db
        inner = db.execute
        path = None if db.is_memory else db.path

        async def execute(sql, params=None, truncate=False, custom_time_limit=None, page_size=None, log_sql_errors=True):
            key = (file_version(path), sql, _freeze(params), truncate, page_size)
            hit = self.entries.get(key)
            if hit is not None:
                self.entries.move_to_end(key)
                self.hits += 1
                return hit
            self.misses += 1
            t0 = time.perf_counter()
            try:
                res = await inner(
                    sql, params, truncate=truncate, custom_time_limit=custom_time_limit,
                    page_size=page_size, log_sql_errors=log_sql_errors,
                )
            except QueryInterrupted:
                self._later(key, db, sql, params)
                raise
            ms = (time.perf_counter() - t0) * 1000
            if ms >= self.min_ms or (ms >= self.count_min_ms and "count(*)" in sql.lower()):
                self._keep(key, res)
            return res

        db.execute = execute
        db._eventwire_cache = self
        return db
