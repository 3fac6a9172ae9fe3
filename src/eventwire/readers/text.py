"""Plain text and the crawl-text format (`` date YYYY-MM-DD`` header on the first line)."""
from __future__ import annotations

import re
from datetime import date

from ..article import Article, parse_published

# " date 2017-08-28 Body..." or " date 2017-08 Body...": the header and the body
# share the first line in crawl dumps.
CRAWL_HEADER = re.compile(r"^\s?date\s+(\d{4}-\d{2}(?:-\d{2})?)(?:\s+|$)")


def split_header(text: str) -> tuple[str | None, str]:
    """(publication date string or None, body text)."""
    m = CRAWL_HEADER.match(text)
    if not m:
        return None, text
    return m.group(1), text[m.end():]


def read_text_file(path: str, text: str, published: date | None, error) -> Article:
    header_date, body = split_header(text)
    body = body.rstrip()
    if not body.strip():
        raise error("no article text after the header")
    if header_date:
        try:
            pub, precision = parse_published(header_date)
        except ValueError as e:
            raise error(str(e)) from None
    elif published is not None:
        pub, precision = published, "day"
    else:
        pub, precision = None, "unknown"
    return Article(text=body, published=pub, published_precision=precision, path=path)
