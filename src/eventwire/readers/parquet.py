"""Parquet: one article per row, the columns of the JSON Lines reader.

``text`` is required; ``published`` (a string ``YYYY-MM-DD`` / ``YYYY-MM`` /
``YYYY`` or a date/timestamp column), ``url``, ``title``, ``source`` (or
``outlet``), ``id`` and ``lang`` are read when present.  The file is read one
record batch at a time, so a large file is never held in memory at once.
Row errors name ``FILE#ROW`` (rows counted from 1).
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Iterator

from ..article import Article, parse_published

REQUIRED = ("text",)
OPTIONAL = ("published", "url", "title", "source", "outlet", "id", "lang")
BATCH_ROWS = 1024


def parquet_rows(path: str) -> int:
    """Rows in the file (from its footer), or 0 when it cannot be read."""
    try:
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # noqa: BLE001 - a count for the progress bar only
        return 0


def _published(value) -> tuple[date | None, str]:
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    return parse_published(value)


def read_parquet(path: str, error, read_error) -> Iterator:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as e:
        raise error(f"not a readable Parquet file ({str(e).splitlines()[0] if str(e) else type(e).__name__})") from None
    names = set(pf.schema_arrow.names)
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise error(f"missing required column {', '.join(repr(c) for c in missing)} (columns: {', '.join(sorted(names)) or 'none'})")
    columns = [c for c in (*REQUIRED, *OPTIONAL) if c in names]
    row_no = 0
    try:
        batches = pf.iter_batches(batch_size=BATCH_ROWS, columns=columns)
        for batch in batches:
            for row in batch.to_pylist():
                row_no += 1
                where = f"{path}#{row_no}"
                body = row.get("text")
                if not isinstance(body, str) or not body.strip():
                    yield read_error(where, "no 'text' value")
                    continue
                try:
                    pub, precision = _published(row.get("published"))
                except ValueError as e:
                    yield read_error(where, str(e))
                    continue
                ext = row.get("id")
                yield Article(
                    text=body,
                    published=pub,
                    published_precision=precision,
                    title=row.get("title"),
                    url=row.get("url"),
                    outlet=row.get("source") or row.get("outlet"),
                    lang=row.get("lang") or "en",
                    path=where,
                    external_id=str(ext) if ext is not None else None,
                )
    except (OSError, pa.ArrowException) as e:
        raise error(f"unreadable Parquet data after row {row_no} ({str(e).splitlines()[0]})") from None
