"""WARC (and ARC) files, as news crawls come: one article per HTML response record.

A record that is cut short (a truncated download) or whose gzip member is
corrupt is an error for that record; the records before it stand.  warcio
cannot find the next record after corrupt bytes, so the rest of the file is
reported as skipped.
"""
from __future__ import annotations

import re
from typing import Iterator

from .html import article_from_html

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def read_warc(path: str, error, read_error) -> Iterator:
    from warcio.archiveiterator import ArchiveIterator

    from . import byte_limit, warn
    from .encoding import DecodeError, declared_charset, decode

    limit = byte_limit("html")
    found = 0
    records = 0
    last = "the first record"
    with open(path, "rb") as fh:
        it = iter(ArchiveIterator(fh, arc2warc=True))
        while True:
            try:
                record = next(it)
            except StopIteration:
                break
            except Exception as e:  # noqa: BLE001 - warcio raises many kinds on damaged input
                what = (str(e).splitlines() or [type(e).__name__])[0][:80]
                if records == 0:
                    raise error(f"not a readable WARC file ({type(e).__name__}: {what})") from None
                yield read_error(path, f"corrupt or truncated WARC record after {last} ({type(e).__name__}); "
                                       "the rest of the file is skipped")
                return
            records += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            last = url or f"record {records}"
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            found += 1
            where = f"{path}#{url or record.rec_headers.get_header('WARC-Record-ID') or records}"
            try:
                raw = record.content_stream().read(limit + 1)
            except Exception as e:  # noqa: BLE001 - a corrupt gzip member or chunked body
                yield read_error(where, f"corrupt WARC record ({type(e).__name__}: {str(e)[:80]})")
                continue
            left = getattr(record.raw_stream, "limit", 0) or 0
            if len(raw) > limit:
                raw = raw[:limit]
                warn(where, f"HTML page over {limit:,} bytes: only the first {limit:,} are read")
            elif left > 0:
                yield read_error(where, f"truncated WARC record ({left:,} bytes of its {record.length:,} missing)")
                continue
            if not raw.strip():
                yield read_error(where, "empty response record")
                continue
            m = _CHARSET.search(ctype)
            try:
                html, note = decode(raw, declared=(m.group(1) if m else None) or declared_charset(raw))
            except DecodeError as e:
                yield read_error(where, str(e))
                continue
            if note:
                warn(where, note)
            try:
                yield article_from_html(where, html, error, url=url)
            except error as e:
                yield read_error(where, str(e))
    if records == 0:
        raise error("not a readable WARC file (no records)")
    if found == 0:
        raise error("no HTML response records in the WARC file")
