"""Article -> Event[]: the extraction path without storage."""
from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator

from .article import Article, max_chars, parse_published, truncate
from .language import is_english
from .merge import merge_mentions
from .records import Event
from .summary import summarize


def events_from_doc(doc) -> list[Event]:
    events = merge_mentions(list(doc._.mentions or []))
    for ev in events:
        ev.summary = summarize(ev)
    return events


def extract_articles(articles: Iterable[Article], model: str | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """(article, events) for each article; one not in English comes back with no events,
    its ``lang`` set and ``meta["not_extracted"]`` saying why (the pipeline reads English only)."""
    from .nlp.pipeline import load_pipeline  # spaCy loads here, not at import

    return extract_with(articles, load_pipeline(model))


def extract_with(articles: Iterable[Article], nlp, batch_size: int = 16) -> Iterator[tuple[Article, list[Event]]]:
    """``extract_articles`` with a pipeline already loaded (a Dask worker's)."""
    from .nlp.pipeline import annotate_many

    left_alone: list[Article] = []

    def english() -> Iterator[Article]:
        for a in articles:
            ok, lang = is_english(a.text)
            if ok:
                yield a
            else:
                a.lang = lang
                a.meta["not_extracted"] = f"written in {lang!r}; eventwire reads English"
                left_alone.append(a)

    # only the events are read: an article that cannot give one skips NER and the rest
    for article, doc in annotate_many(english(), nlp, batch_size=batch_size, events_only=True):
        while left_alone:
            yield left_alone.pop(0), []
        yield article, events_from_doc(doc)
    while left_alone:
        yield left_alone.pop(0), []


def extract(text: str, published: str | date | None = None, model: str | None = None) -> list[Event]:
    """Events of one article's text; ``published`` anchors relative dates (``YYYY-MM-DD`` or ``YYYY-MM``)."""
    from .readers.text import split_header

    header, body = split_header(text)
    if isinstance(published, date):
        pub, prec = published, "day"
    else:
        pub, prec = parse_published(published or header)
    body, dropped = truncate(body.rstrip())
    if dropped:
        import logging

        logging.getLogger("eventwire.extract").warning(
            "article truncated to %s characters (the cap per article, EVENTWIRE_MAX_CHARS=%s); %s more left out",
            f"{len(body):,}", f"{max_chars():,}", f"{dropped:,}")
    article = Article(text=body, published=pub, published_precision=prec)
    return next(extract_articles([article], model))[1]
