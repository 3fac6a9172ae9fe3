"""eventwire: news articles in, ACLED-style conflict event records out."""
import os as _os

# Before anything imports numpy: no OpenBLAS thread pool (spaCy's models multiply on blis, one
# thread). Once a process has ever had a second thread, glibc takes its multi-thread path in every
# malloc for good: spaCy's NER and parser cost ~20% more CPU. A user's own setting wins.
_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
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
