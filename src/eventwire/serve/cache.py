"""A result cache for slow read queries, keyed on the version of the store's files.

``serve`` opens the store read-only, so a query's result can change only when
the file does (an ingest or ``watch`` committing beside the server).  The key
of every entry includes the size and modification time of the database file
and its ``-wal``: any commit makes old entries unreachable.  Only queries that
took longer than ``min_ms`` are kept (facet counts, the table count, the
timeline's per-day totals over a whole store), at most ``size`` of them.
"""
from __future__ import annotations

import os
import time
from collections import OrderedDict


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
    def __init__(self, size: int = 512, min_ms: float = 15.0, max_rows: int = 200000):
        self.size, self.min_ms, self.max_rows = size, min_ms, max_rows
        self.entries: OrderedDict = OrderedDict()
        self.hits = self.misses = 0

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
            res = await inner(
                sql, params, truncate=truncate, custom_time_limit=custom_time_limit,
                page_size=page_size, log_sql_errors=log_sql_errors,
            )
            if (time.perf_counter() - t0) * 1000 >= self.min_ms and len(res.rows) <= self.max_rows:
                self.entries[key] = res
                while len(self.entries) > self.size:
                    self.entries.popitem(last=False)
            return res

        db.execute = execute
        db._eventwire_cache = self
        return db
