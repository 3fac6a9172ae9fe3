"""eventwire: news articles in, ACLED-style conflict event records out."""
from .article import Article
from .api import open  # noqa: A004 - eventwire.open(db) -> Store
from .extract import extract
from .records import Actor, DateRange, Event, EventMention, Place, Quantity, Source, Timex

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Actor",
    "DateRange",
    "Event",
    "EventMention",
    "Place",
    "Quantity",
    "Source",
    "Timex",
    "extract",
]
