"""WARC (and ARC) files, as news crawls come: one article per HTML response record."""
from __future__ import annotations

from typing import Iterator

from .html import article_from_html


def read_warc(path: str, error, read_error) -> Iterator:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                offset = record.rec_headers.get_header("WARC-Record-ID") or str(found)
                raw = record.content_stream().read()
                found += 1
                where = f"{path}#{url or offset}"
                try:
                    html = raw.decode("utf-8")
                except UnicodeDecodeError:
                    html = raw.decode("latin-1")
                try:
                    yield article_from_html(where, html, error, url=url)
                except error as e:
                    yield read_error(where, str(e))
    except ArchiveLoadFailed as e:
        raise error(f"not a readable WARC file ({str(e).splitlines()[0][:80]})") from None
    if found == 0:
        raise error("no HTML response records in the WARC file")
