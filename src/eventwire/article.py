"""The Article: what every reader produces and the pipeline consumes."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime

# The cap on characters per article.  spaCy refuses texts over 1,000,000 characters, and its
# parser and NER need about 1 GB per 100,000; eventwire's own steps grow faster than the
# text (a 100,000-character page of news takes about 30 s on one core).  A longer article
# is cut at a paragraph or sentence end before the cap, with a warning.
DEFAULT_MAX_CHARS = 100_000

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def max_chars() -> int:
    """The cap on characters per article: ``EVENTWIRE_MAX_CHARS`` or 100,000."""
    try:
        return max(1000, int(os.environ.get("EVENTWIRE_MAX_CHARS", DEFAULT_MAX_CHARS)))
    except ValueError:
        return DEFAULT_MAX_CHARS


def truncate(text: str, limit: int | None = None) -> tuple[str, int]:
    """(text cut to at most ``limit`` characters, characters left out).

    The cut falls at the last paragraph break, else sentence end, else space in the
    last tenth before the limit, so no sentence is split where that can be helped.
    """
    limit = limit or max_chars()
    if len(text) <= limit:
        return text, 0
    head = text[:limit]
    floor = int(limit * 0.9)
    for pat in (r"\n\s*\n", r"[.!?][\"')\u201d\u2019]?\s", r"\s"):
        ends = [m.end() for m in re.finditer(pat, head[floor:])]
        if ends:
            cut = floor + ends[-1]
            break
    else:
        cut = limit
    kept = head[:cut].rstrip()
    return kept, len(text) - len(kept)


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

    def __post_init__(self) -> None:
        # A lone surrogate (JSON's "\\ud800") is no character: it cannot be hashed, stored
        # or printed as UTF-8.  It becomes U+FFFD, one character for one, so offsets hold.
        for name in ("text", "title", "url", "outlet", "path", "external_id"):
            v = getattr(self, name)
            if isinstance(v, str) and _SURROGATE.search(v):
                setattr(self, name, _SURROGATE.sub("\ufffd", v))

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
            return f"{self.published.year:04d}-{self.published.month:02d}"
        if self.published_precision == "year":
            return f"{self.published.year:04d}"
        return self.published.isoformat()


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?=$|\D)")


def parse_published(value: str | None) -> tuple[date | None, str]:
    """``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` (or a longer ISO timestamp) -> (first day, precision).

    ValueError (a one-line reason) for a date that cannot be read or cannot exist.
    """
    if value is None:
        return None, "unknown"
    v = str(value).strip()
    if not v:
        return None, "unknown"
    m = _ISO_DATE.match(v)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
        try:
            return (date(y, mo, int(d)), "day") if d else (date(y, mo, 1), "month")
        except ValueError as e:
            raise ValueError(f"impossible publication date {v[:40]!r} ({e})") from None
    if len(v) == 4 and v.isdigit():
        if int(v) == 0:
            raise ValueError(f"impossible publication date {v!r} (year 0)")
        return date(int(v), 1, 1), "year"
    # Other forms ("Mon, 28 Aug 2017 10:00:00 GMT" in feeds): dateutil, twice with different
    # defaults, so a part the string lacks is not taken from today ("August 2017" is a month).
    from dateutil import parser as du

    try:
        a = du.parse(v, default=datetime(2000, 1, 1))
        b = du.parse(v, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        raise ValueError(f"unreadable publication date {v[:40]!r}") from None
    if a.year != b.year:
        raise ValueError(f"unreadable publication date {v[:40]!r} (no year)")
    if a.month != b.month:
        return date(a.year, 1, 1), "year"
    if a.day != b.day:
        return date(a.year, a.month, 1), "month"
    return a.date(), "day"
