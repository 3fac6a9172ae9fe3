"""The loader: the workers' Parquet partitions -> the store, one article at a time, in input order.

It is the one step that writes the store.  Each article is upserted by its
deterministic id (a content hash: an article already stored is skipped, as in
``Store.add_article``), with its events rebuilt from the mention rows the
worker wrote.  The cross-article merge is the store's: the candidates of a new
event are the stored events of its (country, week) blocks, read from the
``event_blocks`` index, so memory holds one partition and one article's
candidates, never all mentions, and the cost per article stays flat as the
store grows.  Loading partitions in input order gives exactly the events of the
single-process ``eventwire ingest``.
"""
from __future__ import annotations

import json
import os
from typing import Iterator

from .partition import article_from_row, part_name


def read_partition(out_dir: str, part: int) -> Iterator[tuple[dict, list]]:
    """(article row, events) per article of one partition, in input order."""
    import pyarrow.parquet as pq

    from ..merge import build_event
    from ..store.serialize import mention_from_json

    # One file each: ParquetFile reads it without pq.read_table's dataset layer, whose first use
    # imports pyarrow.dataset and pandas (~0.2 CPU s, ~0.5-1 s wall, in every loader process).
    arts = pq.ParquetFile(os.path.join(out_dir, "articles", part_name(part))).read().to_pylist()
    mens = pq.ParquetFile(os.path.join(out_dir, "mentions", part_name(part))).read(
        columns=["article_pos", "event_index", "event_id", "event_summary", "mention_index", "data"],
    ).to_pylist()
    by_article: dict[int, dict[int, list[dict]]] = {}
    for m in mens:
        by_article.setdefault(m["article_pos"], {}).setdefault(m["event_index"], []).append(m)
    for row in sorted(arts, key=lambda r: r["article_pos"]):
        events = []
        for ei, ms in sorted(by_article.get(row["article_pos"], {}).items()):
            ms.sort(key=lambda m: m["mention_index"])
            mentions = [mention_from_json(json.loads(m["data"])) for m in ms]
            events.append(build_event(mentions, event_id=ms[0]["event_id"], summary=ms[0]["event_summary"]))
        yield row, events


def load_partition(out_dir: str, part: int, store, stats, on_error=None) -> None:
    """Upsert one partition's articles and events into ``store`` (an ``eventwire.store.Store``)."""
    import time

    for row, events in read_partition(out_dir, part):
        if row.get("error"):
            stats.errors.append(row["error"])
            if on_error:
                on_error(row["error"])
            continue
        article = article_from_row(row)
        t = time.perf_counter()
        res = store.add_article(article, events)
        stats.merge_seconds += time.perf_counter() - t
        if res.skipped:
            stats.skipped += 1
        else:
            stats.stored += 1
            stats.mentions += res.mentions
            stats.new_events += res.new_events
            stats.joined_events += res.joined_events


EXPORT_ROWS = 5000


def export_events(store, path: str) -> int:
    """All stored events -> one Parquet file (the schema of ``eventwire events --format parquet``),
    written in chunks so the events are never all in memory."""
    import pyarrow.parquet as pq

    from ..exports import to_arrow
    from ..store import _iso3

    tmp = f"{path}.tmp-{os.getpid()}"
    writer = None
    n = 0
    last = 0
    try:
        while True:
            rows = store.conn.execute(
                "SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?", (last, EXPORT_ROWS)
            ).fetchall()
            if not rows and writer is not None:
                break
            recs = []
            for r in rows:
                rec = json.loads(r["record"])
                rec["n_sources"] = r["n_sources"]
                rec["event_id_cnty"] = f"{_iso3(r['country'])}{r['seq']}"
                recs.append(rec)
            table = to_arrow(recs)
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema)
            writer.write_table(table)
            n += len(recs)
            if not rows:
                break
            last = rows[-1]["seq"]
    finally:
        if writer is not None:
            writer.close()
    os.replace(tmp, path)
    return n
