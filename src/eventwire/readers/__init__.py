"""Readers: every input format reduces to ``Article`` records.

``read(path)`` never raises: input that cannot be read becomes a ``ReadError``
naming the file (or ``FILE#LINE``, ``FILE#URL``) and the reason in one line, so
one bad file does not stop a run.  What was read with a repair (another text
encoding, an article cut to the cap) is logged as a warning on the
``eventwire.readers`` logger, one line naming the input; the CLI prints those.

The format comes from the content where the content is clear (a WARC header,
gzip holding a WARC, an XML feed, an HTML page, JSON objects), else from the
extension, so an HTML page saved as ``.txt`` or JSON Lines saved as ``.json``
are read for what they are.
"""
from __future__ import annotations

import gzip
import logging
import os
import zlib
from dataclasses import dataclass, replace
from datetime import date
from typing import Iterator

from ..article import Article, max_chars, truncate
from .encoding import DecodeError, declared_charset, decode
from .feed import read_feed
from .html import article_from_html
from .jsonl import read_json, read_jsonl
from .parquet import read_parquet
from .text import read_text_file
from .warc import read_warc

log = logging.getLogger("eventwire.readers")


@dataclass
class ReadError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class InputError(ValueError):
    """Raised inside a reader for input that cannot be read; ``read`` turns it into a ReadError."""


def warn(where: str, reason: str) -> None:
    """A one-line warning about an input that was read anyway."""
    log.warning("%s: %s", where, reason)


FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".arc": "warc",
    ".parquet": "parquet",
}

# Bytes read of one file, by format: text enough for the per-article cap in any UTF-8,
# HTML pages (markup is most of a page), feeds and JSON documents (many articles).
# JSON Lines and WARC files are streamed and have no limit.
def byte_limit(fmt: str) -> int:
    cap = max_chars()
    return {"text": 4 * cap + 4, "html": max(10_000_000, 40 * cap)}.get(fmt, max(200_000_000, 400 * cap))


_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"SQLite format 3\x00": "an SQLite database",
    b"PAR1": "a Parquet file",
    b"\x7fELF": "a program",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
}


def detect_format(path: str) -> str:
    """The format the file name suggests (``text`` when it suggests none)."""
    low = path.lower()
    if low.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    if low.endswith(".gz"):
        low = low[:-3]
    ext = os.path.splitext(low)[1]
    return FORMATS.get(ext, "text")


def _head(path: str, n: int = 65536) -> bytes:
    """The first ``n`` bytes (decompressed when the file is gzip)."""
    with open(path, "rb") as fh:
        data = fh.read(n)
    if data[:2] == b"\x1f\x8b":
        try:
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, n)
        except zlib.error as e:
            raise InputError(f"gzip data is corrupt ({e})") from None
        return b"\x1f\x8b" + data  # marked, so sniffing knows the content was compressed
    return data


def sniff(head: bytes) -> str | None:
    """The format the first bytes show, or None when they are plain text (or unclear)."""
    gz = head[:2] == b"\x1f\x8b"
    if gz:
        head = head[2:]
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return "binary:" + what
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n\f")
    low = body[:4096].lower()
    if low.startswith(b"<"):
        if b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
            return "feed"
        if any(t in low for t in (b"<!doctype html", b"<html", b"<head", b"<body", b"<div", b"<p>", b"<p ", b"<article", b"<meta", b"<title")):
            return "html"
        if low.startswith(b"<?xml"):
            return "xml"
        return None
    if low.startswith(b"{"):
        return "jsonl"
    if low.startswith(b"["):
        return "json"
    return None


def choose_format(path: str, head: bytes) -> str:
    """The content's format where it is clear, else the extension's."""
    by_name = detect_format(path)
    by_content = sniff(head)
    if by_content is None:
        if by_name == "html" and b"<" not in head:
            return "text"  # no markup at all: a text file named .html
        return by_name
    if by_content == "xml":
        return "feed"  # the feed reader says what XML it is when it holds no feed
    if by_content == "jsonl" and by_name == "json":
        return "json"  # one JSON object (pretty-printed) or JSON Lines: the JSON reader tries both
    return by_content


def read_bytes(path: str, fmt: str = "text") -> tuple[bytes, int | None]:
    """(bytes, total size when only the first part was read) or InputError with a one-line reason."""
    if not os.path.lexists(path):
        raise InputError("no such file")
    if os.path.isdir(path):
        raise InputError("is a directory")
    if not os.path.exists(path):
        raise InputError("broken symbolic link")
    limit = byte_limit(fmt)
    try:
        with open(path, "rb") as fh:
            magic = fh.read(2)
            fh.seek(0)
            if magic == b"\x1f\x8b":
                with gzip.GzipFile(fileobj=fh) as gz:
                    data = gz.read(limit + 1)
                size = None
            else:
                data = fh.read(limit + 1)
                size = os.fstat(fh.fileno()).st_size
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        raise InputError(f"gzip data is corrupt or truncated ({e})") from None
    if len(data) > limit:
        return data[:limit], size or -1
    return data, None


def _os_reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file (removed while the run went on?)"
    if isinstance(e, PermissionError):
        return "cannot be read: permission denied"
    return f"cannot be read: {(e.strerror or str(e)).lower()}"


def to_text(path: str, data: bytes, partial: bool, html: bool = False) -> str:
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file, not text")
    try:
        text, note = decode(data, declared=declared_charset(data) if html else None, final=not partial)
    except DecodeError as e:
        raise InputError(str(e)) from None
    if note:
        warn(path, note)
    return text


def _capped(article: Article, file_size: int | None) -> Article:
    """The article with its text cut to the cap, and a warning line when it was cut."""
    text, dropped = truncate(article.text)
    if not dropped and file_size is None:
        return article
    rest = f"{dropped:,} more characters" if not file_size or file_size < 0 else f"the rest of its {file_size:,} bytes"
    warn(article.path or "article", f"truncated: the first {len(text):,} characters are read (the cap per article, "
         f"EVENTWIRE_MAX_CHARS={max_chars():,}); {rest} left out")
    return replace(article, text=text)


def _read(path: str, published: date | None, fmt: str | None) -> Iterator[Article | ReadError]:
    if not os.path.lexists(path):
        raise InputError("no such file")
    if os.path.isdir(path):
        try:
            os.listdir(path)
        except OSError as e:
            raise InputError(f"folder cannot be listed: {(e.strerror or str(e)).lower()}") from None
        raise InputError("is a directory")
    head = _head(path)
    if not head.strip():
        raise InputError("empty file")
    fmt = fmt or choose_format(path, head)
    if fmt == "binary:a Parquet file" or (fmt == "parquet" and head.startswith(b"PAR1")):
        for item in read_parquet(path, InputError, ReadError):
            yield _capped(item, None) if isinstance(item, Article) else item
        return
    if fmt.startswith("binary:"):
        raise InputError(f"binary file ({fmt[7:]}), not text")
    if fmt == "warc":
        for item in read_warc(path, InputError, ReadError):
            yield _capped(item, None) if isinstance(item, Article) else item
        return
    if fmt == "jsonl":
        for item in read_jsonl(path, InputError, ReadError, warn):
            yield _capped(item, None) if isinstance(item, Article) else item
        return
    data, size = read_bytes(path, fmt)
    partial = size is not None
    text = to_text(path, data, partial, html=fmt in ("html", "feed"))
    if fmt == "json":
        items = read_json(path, text, InputError, ReadError)
    elif fmt == "feed":
        items = read_feed(path, text, InputError, ReadError)
    elif fmt == "html":
        items = [article_from_html(path, text, InputError, published=published)]
    else:
        items = [read_text_file(path, text, published, InputError)]
    for item in items:
        if isinstance(item, Article):
            item = _capped(item, size if fmt == "text" else None)
            if item.published is None and fmt in ("text", "html"):
                warn(path, "no publication date (no ' date YYYY-MM-DD' header, no --published): "
                     "times such as 'on Monday' are left unresolved")
        yield item


def read(path: str, published: date | None = None, fmt: str | None = None) -> Iterator[Article | ReadError]:
    """Articles from one file; ``published`` is the fallback publication date.

    Never raises: what cannot be read, for any reason, is a ReadError for the file (or
    for the entry of it) and the articles read before it stand.
    """
    try:
        yield from _read(path, published, fmt)
    except InputError as e:
        yield ReadError(path, str(e))
    except OSError as e:
        yield ReadError(path, _os_reason(e))
    except Exception as e:  # noqa: BLE001 - a reader bug or a library's surprise: one line, the run goes on
        msg = (str(e).strip().splitlines() or [""])[0][:160]
        yield ReadError(path, f"could not be read ({type(e).__name__}{': ' + msg if msg else ''})")


def iter_paths(paths: list[str]) -> Iterator[str]:
    """Files named directly, and the readable files under named folders (sorted, recursive).

    A folder that cannot be listed is yielded itself, so ``read`` reports it.
    """
    for p in paths:
        if os.path.isdir(p):
            failed: list[str] = []
            for root, dirs, files in os.walk(p, onerror=lambda e: failed.append(e.filename)):
                while failed:
                    yield failed.pop(0)
                dirs.sort()
                for f in sorted(files):
                    low = f.lower()
                    if os.path.splitext(low)[1] in FORMATS or low.endswith((".warc.gz", ".arc.gz")):
                        yield os.path.join(root, f)
            yield from failed
        else:
            yield p


__all__ = ["Article", "ReadError", "InputError", "read", "iter_paths", "detect_format", "sniff", "warn"]
