"""Article -> Event[]: the extraction path without storage."""
from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator

from .article import Article, parse_published
from .merge import merge_mentions
from .records import Event
from .summary import summarize


def events_from_doc(doc) -> list[Event]:
    events = merge_mentions(list(doc._.mentions or []))
    for ev in events:
        ev.summary = summarize(ev)
    return events


def extract_articles(articles: Iterable[Article], model: str | None = None) -> Iterator[tuple[Article, list[Event]]]:
    from .nlp.pipeline import annotate_many, load_pipeline  # spaCy loads here, not at import

    nlp = load_pipeline(model)
    for article, doc in annotate_many(articles, nlp):
        yield article, events_from_doc(doc)


def extract(text: str, published: str | date | None = None, model: str | None = None) -> list[Event]:
    """Events of one article's text; ``published`` anchors relative dates (``YYYY-MM-DD`` or ``YYYY-MM``)."""
    from .readers.text import split_header

    header, body = split_header(text)
    if isinstance(published, date):
        pub, prec = published, "day"
    else:
        pub, prec = parse_published(published or header)
    article = Article(text=body.rstrip(), published=pub, published_precision=prec)
    return next(extract_articles([article], model))[1]
