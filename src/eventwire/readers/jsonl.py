"""JSON Lines: one article per line with ``text``, ``published``, ``url``, ``title``, ``source``, ``id``."""
from __future__ import annotations

import json
from typing import Iterator

from ..article import Article, parse_published


def read_jsonl(path: str, text: str, error, read_error) -> Iterator:
    seen_article = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}#{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            yield read_error(where, f"invalid JSON ({e.msg})")
            continue
        if not isinstance(row, dict):
            yield read_error(where, "a line must be a JSON object")
            continue
        body = row.get("text")
        if "text" not in row and not seen_article:
            # Another kind of JSON Lines (annotations, an index): one error for the file.
            raise error("not an article JSON Lines file (its first record has no 'text' field)")
        if not isinstance(body, str) or not body.strip():
            yield read_error(where, "no 'text' field")
            continue
        try:
            pub, precision = parse_published(row.get("published"))
        except ValueError as e:
            yield read_error(where, str(e))
            continue
        seen_article = True
        yield Article(
            text=body,
            published=pub,
            published_precision=precision,
            title=row.get("title"),
            url=row.get("url"),
            outlet=row.get("source") or row.get("outlet"),
            lang=row.get("lang") or "en",
            path=where,
            external_id=str(row["id"]) if row.get("id") is not None else None,
        )
