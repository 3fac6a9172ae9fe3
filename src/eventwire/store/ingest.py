"""Read, extract, merge, store: the loop behind ``eventwire ingest``.

The extractor is ``eventwire.extract.extract_articles`` unless the environment
variable ``EVENTWIRE_EXTRACTOR`` names another one as ``module:function`` (same
signature: an iterable of Articles in, ``(article, events)`` pairs out).  The
tests use that hook to run the real store and merge with a fast fake extractor.
"""
from __future__ import annotations

import importlib
import os
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator

from ..article import Article
from . import AddResult, Store

CHUNK = 16  # articles handed to the extractor at a time (spaCy batches within it)


@dataclass
class IngestStats:
    files: int = 0
    articles: int = 0  # read
    skipped: int = 0  # already in the store (or twice in the input)
    stored: int = 0
    not_extracted: int = 0  # stored, but not in a language the pipeline reads
    mentions: int = 0
    new_events: int = 0
    joined_events: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    merge_seconds: float = 0.0  # time in Store.add_article (merge + write)

    @property
    def events_found(self) -> int:
        return self.new_events + self.joined_events

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def load_extractor(model: str | None = None) -> Callable[[Iterable[Article]], Iterator]:
    spec = os.environ.get("EVENTWIRE_EXTRACTOR")
    if spec:
        mod, _, fn = spec.partition(":")
        func = getattr(importlib.import_module(mod), fn or "extract_articles")
        return func
    from ..extract import extract_articles

    return lambda arts: extract_articles(arts, model)


def count_inputs(paths: list[str]) -> int:
    """How many articles the inputs hold, roughly (lines of JSON Lines files, one per other file)."""
    from ..readers import detect_format

    n = 0
    for p in paths:
        if detect_format(p) == "parquet":
            from ..readers.parquet import parquet_rows

            n += parquet_rows(p) or 1
        elif detect_format(p) == "jsonl":
            try:
                with open(p, "rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n


def ingest(
    paths: list[str],
    store: Store,
    model: str | None = None,
    published: date | None = None,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[IngestStats], None] | None = None,
) -> IngestStats:
    """Ingest files (and folders, recursively) into ``store``; errors are reported, never raised."""
    from ..readers import ReadError, iter_paths, read

    stats = IngestStats()
    t0 = time.perf_counter()
    extractor = load_extractor(model)

    def error(msg: str) -> None:
        stats.errors.append(msg)
        if on_error:
            on_error(msg)

    def pending() -> Iterator[Article]:
        for path in iter_paths(paths):
            stats.files += 1
            for item in read(path, published=published):
                if isinstance(item, ReadError):
                    error(str(item))
                    continue
                stats.articles += 1
                if store.has_article(item.id):
                    stats.skipped += 1
                    if on_progress:
                        on_progress(stats)
                    continue
                yield item

    def store_one(article: Article, events) -> None:
        t = time.perf_counter()
        res: AddResult = store.add_article(article, list(events))
        stats.merge_seconds += time.perf_counter() - t
        if res.skipped:
            stats.skipped += 1
        else:
            stats.stored += 1
            if article.meta.get("not_extracted"):
                stats.not_extracted += 1
            stats.mentions += res.mentions
            stats.new_events += res.new_events
            stats.joined_events += res.joined_events

    chunk: list[Article] = []

    def flush() -> None:
        if not chunk:
            return
        try:
            results = list(extractor(list(chunk)))
        except Exception:
            # Find the article that breaks extraction; the others still go in.
            results = []
            for a in chunk:
                try:
                    results += list(extractor([a]))
                except Exception as e:  # noqa: BLE001 - reported, the run goes on
                    error(f"{a.path or a.id}: extraction failed ({type(e).__name__}: {e})")
        for article, events in results:
            store_one(article, events)
            if on_progress:
                on_progress(stats)
        chunk.clear()

    for article in pending():
        chunk.append(article)
        if len(chunk) >= CHUNK:
            flush()
    flush()
    stats.seconds = time.perf_counter() - t0
    return stats
