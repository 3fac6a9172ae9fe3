"""JSON Lines: one article per line with ``text``, ``published``, ``url``, ``title``, ``source``, ``id``.

A JSON Lines file is streamed line by line (a file of any size, gzip too); a
broken line is an error for ``FILE#LINE`` and the lines after it are still
read.  A ``.json`` file may hold JSON Lines, one article object, or an array
of article objects (``FILE#N`` for the N-th).
"""
from __future__ import annotations

import gzip
import json
from typing import Iterable, Iterator

from ..article import Article, parse_published
from .encoding import DecodeError, decode

# A file none of whose first lines is a JSON object is not JSON Lines: one error, not one per line.
PROBE_LINES = 20


def _row_article(row: dict, where: str, read_error) -> Article | object:
    body = row.get("text")
    if not isinstance(body, str) or not body.strip():
        return read_error(where, "no 'text' field" if "text" not in row else "empty or non-string 'text' field")
    try:
        pub, precision = parse_published(None if row.get("published") is None else str(row.get("published")))
    except ValueError as e:
        return read_error(where, str(e))

    def s(key: str) -> str | None:
        v = row.get(key)
        return v if isinstance(v, str) else (None if v is None else str(v))

    return Article(
        text=body,
        published=pub,
        published_precision=precision,
        title=s("title"),
        url=s("url"),
        outlet=s("source") or s("outlet"),
        lang=s("lang") or "en",
        path=where,
        external_id=s("id"),
    )


def _rows(path: str, lines: Iterable[tuple[int, str]], error, read_error) -> Iterator:
    seen_article = False
    pending: list = []  # errors before the first JSON line: held until the file is known to be JSON Lines
    seen_json = False
    for lineno, line in lines:
        if not line.strip():
            continue
        where = f"{path}#{lineno}"
        if isinstance(line, _Undecodable):
            bad = read_error(where, str(line))
        else:
            try:
                row = json.loads(line)
                bad = None
            except (json.JSONDecodeError, RecursionError) as e:
                bad = read_error(where, f"invalid JSON ({e.msg if isinstance(e, json.JSONDecodeError) else 'nested too deeply'})")
        if bad is not None:
            if seen_json:
                yield bad
                continue
            pending.append(bad)
            if len(pending) >= PROBE_LINES:
                raise error(f"not JSON Lines (none of the first {PROBE_LINES} lines is JSON)")
            continue
        if not seen_json:
            seen_json = True
            yield from pending
        if not isinstance(row, dict):
            yield read_error(where, "a line must be a JSON object")
            continue
        if "text" not in row and not seen_article:
            # Another kind of JSON Lines (annotations, an index): one error for the file.
            raise error("not an article JSON Lines file (its first record has no 'text' field)")
        item = _row_article(row, where, read_error)
        seen_article = seen_article or isinstance(item, Article)
        yield item
    if pending and not seen_json:
        if len(pending) == 1:
            yield pending[0]
        else:
            raise error(f"not JSON Lines (none of its {len(pending)} lines is JSON)")


class _Undecodable(str):
    """A line whose bytes are no text: its reason stands in for it."""


def _file_lines(path: str, warn) -> Iterator[tuple[int, str]]:
    with open(path, "rb") as raw:
        gz = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        fh = gzip.GzipFile(fileobj=raw) if gz else raw
        for lineno, b in enumerate(fh, start=1):
            if lineno == 1 and b.startswith(b"\xef\xbb\xbf"):
                b = b[3:]
            try:
                yield lineno, b.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    text, note = decode(b)
                except DecodeError as e:
                    yield lineno, _Undecodable(str(e))
                    continue
                if note:
                    warn(f"{path}#{lineno}", note)
                yield lineno, text


def read_jsonl(path: str, error, read_error, warn) -> Iterator:
    yield from _rows(path, _file_lines(path, warn), error, read_error)


def read_json(path: str, text: str, error, read_error) -> Iterator:
    """A ``.json`` file: one article object, an array of them, or JSON Lines after all."""
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        yield from _rows(path, enumerate(text.splitlines(), start=1), error, read_error)
        return
    if isinstance(doc, dict):
        if "text" not in doc:
            raise error("not an article JSON file (no 'text' field)")
        yield _row_article(doc, path, read_error)
    elif isinstance(doc, list):
        if not doc:
            raise error("empty JSON array")
        if not any(isinstance(r, dict) and "text" in r for r in doc[:PROBE_LINES]):
            raise error("not an article JSON file (its records have no 'text' field)")
        for n, row in enumerate(doc, start=1):
            where = f"{path}#{n}"
            yield _row_article(row, where, read_error) if isinstance(row, dict) else read_error(where, "not a JSON object")
    else:
        raise error("not an article JSON file (neither an object nor an array)")
