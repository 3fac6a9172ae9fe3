"""``eventwire watch``: follow news feeds for months, store what they bring.

Each round asks every feed that is due (conditional requests), fetches the page
of each item not seen before (politely: ``fetch.Fetcher``), extracts and stores
it like ``ingest``.  What was fetched is recorded in the store itself
(``watch_items``, ``watch_feeds``), so a restart, even after kill -9, asks for
nothing again and counts nothing twice: an article is committed with its URL in
one transaction, and an item whose URL is among the stored articles is done.
A feed or page that fails is logged in one line and asked again later, after a
pause that doubles with each failure in a row.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Callable
from urllib.parse import urldefrag

from ..article import Article
from .fetch import Fetcher, FetchError

__all__ = ["Watcher", "RoundStats", "FeedListError", "read_feed_list", "parse_every", "Fetcher", "FetchError"]


class FeedListError(ValueError):
    pass


def read_feed_list(path: str) -> list[str]:
    """Feed URLs, one a line; blank lines and ``#`` comments are skipped."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise FeedListError(f"{path}: {getattr(e, 'strerror', None) or e}") from None
    feeds: list[str] = []
    for n, line in enumerate(lines, start=1):
        url = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not url:
            continue
        if not re.match(r"https?://[^\s/]+", url):
            raise FeedListError(f"{path}:{n}: not an http(s) feed URL: {url[:120]!r}")
        if url not in feeds:
            feeds.append(url)
    if not feeds:
        raise FeedListError(f"{path}: no feed URLs in the file")
    return feeds


def parse_every(value: str) -> float:
    """'15m', '90s', '2h', '1d' or plain seconds -> seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value or "")
    if not m:
        raise ValueError(f"not a duration: {value!r} (say 15m, 90s, 2h)")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


@dataclass
class RoundStats:
    feeds: int = 0
    feeds_unchanged: int = 0  # 304 Not Modified
    feeds_failed: int = 0
    feeds_waiting: int = 0  # in backoff after earlier failures
    items: int = 0  # entries the feeds listed
    new: int = 0  # entries fetched this round
    stored: int = 0
    not_extracted: int = 0  # stored, not English
    left: int = 0  # not stored for good: robots.txt, no article text, not a page
    failed: int = 0  # will be asked again later (or gave up)
    new_events: int = 0
    joined_events: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self, n: int) -> str:
        return (
            f"round {n}: {self.feeds} feeds ({self.feeds_unchanged} unchanged, {self.feeds_failed} failed, "
            f"{self.feeds_waiting} waiting to retry); {self.items} items, {self.new} new: {self.stored} stored"
            f"{f' ({self.not_extracted} not English)' if self.not_extracted else ''}, {self.left} left, "
            f"{self.failed} failed; {self.new_events} new events, {self.joined_events} joined; {self.seconds:.1f} s"
        )


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Watcher:
    """One store, one fetcher, one extractor; ``round(feeds)`` does one polling round."""

    def __init__(
        self,
        store,
        fetcher: Fetcher,
        extractor: Callable | None = None,
        log: Callable[[str], None] = print,
        backoff_base: float = 60.0,
        backoff_max: float = 6 * 3600.0,
        item_attempts: int = 5,
        max_items_per_feed: int = 500,
        clock: Callable[[], float] = time.time,
    ):
        if extractor is None:
            from ..store.ingest import load_extractor

            extractor = load_extractor()
        self.store = store
        self.fetcher = fetcher
        self.extractor = extractor
        self.log = log
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.item_attempts = item_attempts
        self.max_items_per_feed = max_items_per_feed
        self.clock = clock

    def _backoff(self, failures: int) -> float:
        return min(self.backoff_base * (2 ** max(failures - 1, 0)), self.backoff_max)

    # ------------------------------------------------------------------ feeds

    def round(self, feeds: list[str]) -> RoundStats:
        t0 = time.perf_counter()
        stats = RoundStats()
        for url in feeds:
            stats.feeds += 1
            try:
                self._poll_feed(url, stats)
            except Exception as e:  # noqa: BLE001 - one feed never ends the round
                self._error(stats, f"{url}: {type(e).__name__}: {e}")
        stats.seconds = time.perf_counter() - t0
        return stats

    def _error(self, stats: RoundStats, msg: str) -> None:
        stats.errors.append(msg)
        self.log(f"error: {msg}")

    def _feed_state(self, url: str):
        return self.store.conn.execute("SELECT * FROM watch_feeds WHERE url = ?", (url,)).fetchone()

    def _save_feed(self, url: str, **cols) -> None:
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        updates = ", ".join(f"{k} = excluded.{k}" for k in cols)
        self.store.conn.execute(
            f"INSERT INTO watch_feeds(url, {names}) VALUES (?, {marks}) ON CONFLICT(url) DO UPDATE SET {updates}",
            (url, *cols.values()),
        )

    def _poll_feed(self, url: str, stats: RoundStats) -> None:
        import feedparser

        state = self._feed_state(url)
        now = self.clock()
        if state is not None and state["next_try"] > now:
            stats.feeds_waiting += 1
            return
        try:
            r = self.fetcher.get(url, etag=state["etag"] if state else None,
                                 last_modified=state["last_modified"] if state else None)
            if r.not_modified:
                stats.feeds_unchanged += 1
                self._save_feed(url, polled_at=_now_iso(), last_status="not modified", failures=0, next_try=0)
                return
            parsed = feedparser.parse(r.body)
            if parsed.bozo and not parsed.entries:
                raise FetchError(f"not a readable RSS/Atom feed ({type(parsed.bozo_exception).__name__})")
        except FetchError as e:
            failures = (state["failures"] if state else 0) + 1
            wait = self._backoff(failures)
            stats.feeds_failed += 1
            self._save_feed(url, polled_at=_now_iso(), last_status=str(e), failures=failures, next_try=now + wait)
            self._error(stats, f"{url}: {e} (asked again in {wait:.0f} s)")
            return
        outlet = parsed.feed.get("title")
        entries = parsed.entries[: self.max_items_per_feed]
        stats.items += len(entries)
        for entry in entries:
            self._item(url, outlet, entry, stats)
        # The feed's validators are saved only once its items are done: a restart mid-feed asks the whole feed again.
        self._save_feed(url, etag=r.etag, last_modified=r.last_modified, polled_at=_now_iso(),
                        last_status="ok", failures=0, next_try=0)

    # ------------------------------------------------------------------ items

    def _record(self, url: str, feed: str, status: str, reason: str | None = None, article_id: str | None = None,
                final_url: str | None = None, attempts: int = 1, next_try: float = 0.0) -> None:
        self.store.conn.execute(
            "INSERT INTO watch_items(url, feed, status, article_id, final_url, attempts, next_try, reason, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(url) DO UPDATE SET status = excluded.status,"
            " article_id = excluded.article_id, final_url = excluded.final_url, attempts = excluded.attempts,"
            " next_try = excluded.next_try, reason = excluded.reason, updated_at = excluded.updated_at",
            (url, feed, status, article_id, final_url, attempts, next_try, reason, _now_iso()),
        )

    def _item(self, feed: str, outlet: str | None, entry, stats: RoundStats) -> None:
        link = (entry.get("link") or "").strip()
        if not link:
            return
        url = urldefrag(link)[0]
        row = self.store.conn.execute("SELECT status, attempts, next_try FROM watch_items WHERE url = ?", (url,)).fetchone()
        if row is not None and (row["status"] != "retry" or row["next_try"] > self.clock()):
            return
        stored = self.store.conn.execute("SELECT id FROM articles WHERE url = ? LIMIT 1", (url,)).fetchone()
        if stored is not None:  # stored by a run killed before it could record the item
            self._record(url, feed, "stored", article_id=stored["id"], final_url=url)
            return
        attempts = (row["attempts"] if row else 0) + 1
        stats.new += 1
        try:
            article = self._article(url, outlet, entry)
        except FetchError as e:
            if e.retry and attempts < self.item_attempts:
                wait = self._backoff(attempts)
                self._record(url, feed, "retry", str(e), attempts=attempts, next_try=self.clock() + wait)
                self._error(stats, f"{url}: {e} (asked again in {wait:.0f} s)")
            else:
                status = "left" if not e.retry else "failed"
                self._record(url, feed, status, str(e), attempts=attempts)
                if status == "left":  # the publisher's choice (robots.txt) or not an article: no error
                    self.log(f"left: {url}: {e}")
                else:
                    self._error(stats, f"{url}: {e} (gave up after {attempts} tries)")
            if e.retry:
                stats.failed += 1
            else:
                stats.left += 1
            return
        if article is None:
            stats.left += 1
            self._record(url, feed, "left", "no article text in the page or the feed entry", attempts=attempts)
            return
        (article, events), = list(self.extractor([article]))
        res = self.store.add_article(article, list(events))
        self._record(url, feed, "stored", article_id=res.article_id, final_url=article.meta.get("final_url"),
                     attempts=attempts)
        stats.stored += 1
        if article.meta.get("not_extracted"):
            stats.not_extracted += 1
        stats.new_events += res.new_events
        stats.joined_events += res.joined_events

    def _article(self, url: str, outlet: str | None, entry) -> Article | None:
        """The item's page as an Article; the feed's own text where the page cannot be had or read."""
        from ..readers import InputError
        from ..readers.html import article_from_html, html_to_text

        when = entry.get("published_parsed") or entry.get("updated_parsed")
        pub = date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
        feed_html = ""
        if entry.get("content"):
            feed_html = max((c.get("value", "") for c in entry.content), key=len)
        feed_html = feed_html or entry.get("summary", "")
        article = None
        try:
            r = self.fetcher.get(url)
            ctype = r.headers.get("content-type", "text/html").lower()
            if "html" not in ctype and "xml" not in ctype and not ctype.startswith("text/"):
                raise FetchError(f"not a web page ({ctype.split(';')[0]})", retry=False)
            try:
                article = article_from_html(url, r.text(), InputError, url=r.url, published=pub)
                article.meta["final_url"] = r.url
            except InputError:
                article = None
        except FetchError as e:
            if e.retry or not feed_html:
                raise
        if article is None:
            body = html_to_text(feed_html) if feed_html else ""
            if len(body.split()) < 5:
                return None
            article = Article(text=body, published=pub, published_precision="day" if pub else "unknown", url=url)
        article.path = None
        # The feed's link, not the page's final URL: what a restart looks up to know the item is done.
        article.url = url
        article.title = entry.get("title") or article.title
        article.outlet = outlet or article.outlet
        if pub is not None:
            article.published, article.published_precision = pub, "day"
        article.external_id = entry.get("id") or article.external_id
        return article
