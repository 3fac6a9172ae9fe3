"""The Python API over a store: ``eventwire.open("events.db").events(since=..., country=...)``."""
from __future__ import annotations


import os

from .store import Store


def open(db: str | os.PathLike = "events.db", readonly: bool = False) -> Store:  # noqa: A001 - eventwire.open by design
    """Open (or create) an eventwire store.

    ``.events(since=, until=, country=, type=, actor=, bbox=, min_sources=, limit=)``
    returns event records (dicts, as in the contract); ``.to_arrow(**filters)``
    and ``.to_pandas(**filters)`` return tables; ``.search_articles(q)`` runs a
    full-text search over the stored articles.
    """
    if readonly and not os.path.exists(db):
        raise FileNotFoundError(f"{db}: no such store")
    return Store(db, readonly=readonly)



