"""RSS and Atom feeds: one article per entry (feedparser)."""
from __future__ import annotations

from datetime import date
from typing import Iterator

from ..article import Article
from .html import html_to_text


def looks_like_feed(text: str) -> bool:
    head = text[:2000].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def read_feed(path: str, text: str, error, read_error) -> Iterator:
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        exc = parsed.get("bozo_exception") if parsed.bozo else None
        if exc is not None and not parsed.get("version"):
            what = (str(exc).splitlines() or [""])[0][:80]
            raise error(f"not an RSS/Atom feed: not well-formed XML ({what or type(exc).__name__})")
        if not parsed.get("version"):
            raise error("XML, but not an RSS/Atom feed")
        raise error("feed has no entries")
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{path}#{n}"
        html = ""
        if entry.get("content"):
            html = max((c.get("value", "") for c in entry.content), key=len)
        html = html or entry.get("summary", "")
        body = html_to_text(html) if html else ""
        if not body.strip():
            yield read_error(where, "feed entry has no text")
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        pub = date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
        yield Article(
            text=body,
            published=pub,
            published_precision="day" if pub else "unknown",
            title=entry.get("title"),
            url=entry.get("link"),
            outlet=outlet,
            path=where,
            external_id=entry.get("id"),
        )
