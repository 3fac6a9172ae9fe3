"""What the place tests read off extracted events (shared by the test_toponyms_* files)."""
from datetime import date

from eventwire.extract import extract


def places(text, published=date(2026, 5, 3)):
    """(name, country, precision) of each extracted event's place."""
    return [(e.location.name, e.location.country, e.location.precision)
            for e in extract(text, published=published) if e.location is not None]
