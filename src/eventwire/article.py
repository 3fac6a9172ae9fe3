"""The Article: what every reader produces and the pipeline consumes."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Article:
    text: str  # body text; every span in eventwire is a character offset into it
    published: date | None = None
    published_precision: str = "unknown"  # day | month | year | unknown
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    lang: str = "en"
    path: str | None = None  # as given on the command line; FILE#LINE for JSON Lines
    external_id: str | None = None  # an id the input gave (JSON Lines ``id``)
    meta: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Content hash: the same article read twice gets the same id."""
        pub = self.published_iso or ""
        return hashlib.sha1(f"{pub}\n{self.text}".encode("utf-8")).hexdigest()[:16]

    @property
    def published_iso(self) -> str | None:
        """The publication date as precise as it is known: YYYY-MM-DD, YYYY-MM or YYYY."""
        if self.published is None:
            return None
        if self.published_precision == "month":
            return self.published.strftime("%Y-%m")
        if self.published_precision == "year":
            return str(self.published.year)
        return self.published.isoformat()


def parse_published(value: str | None) -> tuple[date | None, str]:
    """``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` (or a longer ISO timestamp) -> (first day, precision)."""
    if value is None:
        return None, "unknown"
    v = str(value).strip()
    if not v:
        return None, "unknown"
    try:
        if len(v) >= 10 and v[4] == "-" and v[7] == "-":
            return date.fromisoformat(v[:10]), "day"
        if len(v) == 7 and v[4] == "-":
            return date(int(v[:4]), int(v[5:7]), 1), "month"
        if len(v) == 4 and v.isdigit():
            return date(int(v), 1, 1), "year"
    except ValueError:
        pass
    # Other forms ("Mon, 28 Aug 2017 10:00:00 GMT" in feeds): let dateutil try.
    from dateutil import parser as du

    try:
        return du.parse(v).date(), "day"
    except (ValueError, OverflowError):
        raise ValueError(f"unreadable publication date {v!r}") from None
