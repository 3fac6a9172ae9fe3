"""Readers: every input format reduces to ``Article`` records.

``read(path)`` never raises for bad input: it yields a ``ReadError`` naming the
file (or ``FILE#LINE``) and the reason, so one bad file does not stop a run.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from ..article import Article
from .feed import looks_like_feed, read_feed
from .html import article_from_html
from .jsonl import read_jsonl
from .parquet import read_parquet
from .text import read_text_file
from .warc import read_warc


@dataclass
class ReadError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class InputError(ValueError):
    """Raised inside a reader for input that cannot be read; ``read`` turns it into a ReadError."""


FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".arc": "warc",
    ".parquet": "parquet",
}


def detect_format(path: str) -> str:
    low = path.lower()
    if low.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    ext = os.path.splitext(low)[1]
    return FORMATS.get(ext, "text")


def read_bytes(path: str) -> str:
    """The file's text, or InputError with a one-line reason."""
    if not os.path.exists(path):
        raise InputError("no such file")
    if os.path.isdir(path):
        raise InputError("is a directory")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise InputError(e.strerror or str(e)) from None
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"invalid UTF-8 at byte {e.start}") from None
    return text


def read(path: str, published: date | None = None, fmt: str | None = None) -> Iterator[Article | ReadError]:
    """Articles from one file; ``published`` is the fallback publication date."""
    fmt = fmt or detect_format(path)
    try:
        if fmt == "warc":
            if not os.path.isfile(path):
                raise InputError("no such file" if not os.path.exists(path) else "not a file")
            yield from read_warc(path, InputError, ReadError)
            return
        if fmt == "parquet":
            if not os.path.isfile(path):
                raise InputError("no such file" if not os.path.exists(path) else "not a file")
            yield from read_parquet(path, InputError, ReadError)
            return
        text = read_bytes(path)
        if fmt == "jsonl":
            yield from read_jsonl(path, text, InputError, ReadError)
        elif fmt == "feed" or (fmt == "text" and looks_like_feed(text)):
            yield from read_feed(path, text, InputError, ReadError)
        elif fmt == "html":
            yield article_from_html(path, text, InputError, published=published)
        else:
            yield read_text_file(path, text, published, InputError)
    except InputError as e:
        yield ReadError(path, str(e))


def iter_paths(paths: list[str]) -> Iterator[str]:
    """Files named directly, and the readable files under named folders (sorted, recursive)."""
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if os.path.splitext(f)[1].lower() in FORMATS or f.lower().endswith((".warc.gz", ".arc.gz")):
                        yield os.path.join(root, f)
        else:
            yield p


__all__ = ["Article", "ReadError", "InputError", "read", "iter_paths", "detect_format"]
