"""The value types that flow through eventwire.

article -> annotated Doc -> EventMention -> Event: each stage only builds on the
types defined before it here.  ``Event.to_record()`` is the JSON shape fixed by
CONTRACT.md; change it only by adding fields.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date

PRECISIONS = ("day", "week", "month", "year", "unknown")
PLACE_PRECISIONS = ("town", "region", "country")
MODALITIES = ("asserted", "planned", "denied", "hypothetical")
ACTOR_KINDS = (
    "state forces",
    "rebel group",
    "political militia",
    "identity militia",
    "rioters",
    "protesters",
    "civilians",
    "external/other",
)


@dataclass(frozen=True)
class DateRange:
    """A resolved time: the first and last day it covers and how exact it is.

    ``start``/``end`` are None only with precision ``unknown``.
    """

    start: date | None
    end: date | None
    precision: str = "day"

    @classmethod
    def unknown(cls) -> "DateRange":
        return cls(None, None, "unknown")

    @property
    def known(self) -> bool:
        return self.start is not None

    def overlaps(self, other: "DateRange") -> bool:
        if not (self.known and other.known):
            return True
        return self.start <= other.end and other.start <= self.end

    def to_json(self) -> dict:
        return {
            "date": self.start.isoformat() if self.start else None,
            "date_precision": self.precision,
            "date_range": [self.start.isoformat(), self.end.isoformat()] if self.start else None,
        }


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in text, resolved against the publication date.

    ``kind``: date | duration | set.  ``background`` marks expressions that
    describe a habitual or ongoing state ("since 2013"), not an event's time.
    """

    text: str
    value: DateRange
    kind: str = "date"
    background: bool = False


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None
    precision: str = "town"  # town | region | country
    population: int = 0

    def to_json(self, short: bool = False) -> dict:
        if short:
            return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "precision": self.precision,
        }


@dataclass(frozen=True)
class Actor:
    name: str  # canonical name, e.g. "Military Forces of Lebanon"
    kind: str  # one of ACTOR_KINDS
    country: str | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "kind": self.kind, "country": self.country}


@dataclass(frozen=True)
class Quantity:
    """A number read from text and what it counts.

    ``counted`` is a normalized key (killed, wounded, abducted, arrested,
    evacuated, displaced, ...) or the noun counted (buses, militants).
    ``low``/``high`` keep vague amounts honest ("hundreds" -> 200..999).
    """

    value: int
    counted: str
    low: int | None = None
    high: int | None = None
    approximate: bool = False


@dataclass
class Source:
    article_id: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    sentence: str = ""
    span: tuple[int, int] = (0, 0)
    attributed_to: str | None = None

    def to_json(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


@dataclass
class EventMention:
    """One event read from one sentence (or clause) of one article."""

    event_type: str
    sub_event_type: str
    date: DateRange
    source: Source
    actor1: Actor | None = None
    actor2: Actor | None = None
    associated_actors: list[Actor] = field(default_factory=list)
    location: Place | None = None
    destination: Place | None = None
    fatalities: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    modality: str = "asserted"
    confidence: float = 1.0
    trigger: str = ""
    trigger_span: tuple[int, int] = (0, 0)
    rule: str = ""  # what found the trigger: a rule name from triggers.yaml, or "classifier"
    # Extra evidence sentences of the same article merged into this mention.
    extra_sources: list[Source] = field(default_factory=list)
    # Why this mention, which has no date of its own, refers back to a happening the article told
    # before ("definite: the offensive", "recap: follows", "quote"); "" when it does not.  Read by
    # the within-article merge, which folds it into that happening's mention.
    refers_back: str = ""
    # Where the date came from (temporal.dated_by): "own", "relative", "sentence" (the text gives it),
    # "statement" (the day its source spoke), "story" or "undated" (a default); "" when unknown.  The
    # merge trusts a told date.
    date_how: str = ""
    # The toll is the doer's own claim ("the group said it had killed 30 soldiers"): it yields to a
    # toll others give for the same happening.
    fatalities_claimed: bool = False
    # ACLED's doer where no report tells one, which the pipeline knows and the merge does not: an
    # arrest's is the police of the country where it happened.  The merge gives it to the event only
    # when no mention of the event names a doer (on a mention, a guess would keep it out of a riot).
    doer_by_convention: Actor | None = None

    def all_sources(self) -> list[Source]:
        return [self.source, *self.extra_sources]


def _best_count(values: list[int]) -> int:
    """The most reported value; ties go to the median of the distinct values."""
    freq: dict[int, int] = {}
    for v in values:
        freq[v] = freq.get(v, 0) + 1
    top = max(freq.values())
    modes = sorted(v for v, n in freq.items() if n == top)
    if len(modes) == 1:
        return modes[0]
    return modes[(len(modes) - 1) // 2]


def _best_reported(reports: list[tuple[int, str | None, str]]) -> int:
    """Best value of (value, published, article_id) reports across sources.

    The value most articles report; when no single value leads, the median of
    the most recent reports (the latest publication date).  With one article
    this is ``_best_count`` of its values.
    """
    per_article = sorted({(a, v, p or "") for v, p, a in reports})
    freq: dict[int, int] = {}
    for _a, v, _p in per_article:
        freq[v] = freq.get(v, 0) + 1
    top = max(freq.values())
    modes = [v for v, n in freq.items() if n == top]
    if len(modes) > 1:
        # Tie between outlets: the value more sentences repeat (an article's lead and its
        # recap against a one-off claim).
        said = {v: sum(1 for r in reports if r[0] == v) for v in modes}
        most = max(said.values())
        modes = [v for v in modes if said[v] == most]
    if len(modes) == 1:
        return modes[0]
    latest = max(p for _a, _v, p in per_article)
    recent = sorted({v for _a, v, p in per_article if p == latest and v in modes} or
                    {v for _a, v, p in per_article if p == latest})
    return recent[(len(recent) - 1) // 2]


def _one_outlet_total(given: list[EventMention]) -> int | None:
    """The toll of one article whose sentences tie between figures, none told by a second speaker: the
    one told first.  A news story leads with its total, and a later, other figure of the same outlet is a
    part of it ("four people are dead" ... "one man was found dead at the scene") or a number of another
    matter; ACLED takes the conservative figure only between sources that disagree (a doctor's count
    against the organisers'), which two speakers mark.  None where that does not apply (the general vote
    decides)."""
    if len({m.source.article_id for m in given}) != 1:
        return None
    freq: dict[int, int] = {}
    for m in given:
        freq[m.fatalities] = freq.get(m.fatalities, 0) + 1
    top = max(freq.values())
    modes = [v for v, n in freq.items() if n == top]
    if len(modes) < 2:
        return None
    speakers = {m.source.attributed_to.strip().lower() for m in given
                if m.fatalities in modes and m.source.attributed_to}
    if len(speakers) > 1:
        return None  # two sources' figures conflict: the conservative one
    return min((m for m in given if m.fatalities in modes), key=lambda m: m.source.span[0]).fatalities


@dataclass
class Event:
    """The merge of every mention that reports the same real-world happening."""

    mentions: list[EventMention]
    event_id: str = ""
    summary: str = ""

    # The merged fields are derived from the mentions; merge.py may override
    # the choice by setting the fields directly.
    event_type: str = ""
    sub_event_type: str = ""
    date: DateRange = field(default_factory=DateRange.unknown)
    actor1: Actor | None = None
    actor2: Actor | None = None
    associated_actors: list[Actor] = field(default_factory=list)
    location: Place | None = None
    destination: Place | None = None
    modality: str = "asserted"

    def __post_init__(self) -> None:
        if self.mentions and not self.event_type:
            first = self.mentions[0]
            self.event_type = first.event_type
            self.sub_event_type = first.sub_event_type
            self.date = first.date
            self.actor1 = first.actor1
            self.actor2 = first.actor2
            self.associated_actors = list(first.associated_actors)
            self.location = first.location
            self.destination = first.destination
            self.modality = first.modality
        if not self.event_id:
            self.event_id = self.stable_id()

    @property
    def sources(self) -> list[Source]:
        out: list[Source] = []
        seen = set()
        for m in self.mentions:
            for s in m.all_sources():
                key = (s.article_id, s.span)
                if key not in seen:
                    seen.add(key)
                    out.append(s)
        return out

    def _count_values(self) -> dict[str, list[int]]:
        vals: dict[str, list[int]] = {}
        for m in self.mentions:
            for k, v in m.counts.items():
                vals.setdefault(k, []).append(v)
        return vals

    def _count_reports(self) -> dict[str, list[tuple[int, str | None, str]]]:
        """Each count's reports (value, published, article id), an article's figures for a key reduced
        to its lead's where that article alone gives several, none told by a second speaker
        (``_one_outlet_total``'s reading, per article and key): a story leads with its total ("five men were wounded") and its later
        sentences tell parts of it ("two of them were hit in the legs"), which should not outvote it."""
        by_key: dict[str, dict[str, list[EventMention]]] = {}
        for m in self.mentions:
            for k in m.counts:
                by_key.setdefault(k, {}).setdefault(m.source.article_id, []).append(m)
        out: dict[str, list[tuple[int, str | None, str]]] = {}
        for k, arts in by_key.items():
            for aid, ms in arts.items():
                speakers = {m.source.attributed_to.strip().lower() for m in ms if m.source.attributed_to}
                if len({m.counts[k] for m in ms}) > 1 and len(speakers) <= 1:
                    ms = [min(ms, key=lambda m: m.source.span[0])]
                out.setdefault(k, []).extend((m.counts[k], m.source.published, aid) for m in ms)
        return out

    @property
    def counts(self) -> dict[str, int]:
        return {k: _best_reported(v) for k, v in sorted(self._count_reports().items())}

    @property
    def count_ranges(self) -> dict[str, list[int]]:
        return {k: [min(v), max(v)] for k, v in sorted(self._count_values().items())}

    @property
    def fatalities(self) -> int | None:
        given = [m for m in self.mentions if m.fatalities is not None]
        # a party's claim of its own kills only when nobody else gives a toll
        given = [m for m in given if not m.fatalities_claimed] or given
        vals = [(m.fatalities, m.source.published, m.source.article_id) for m in given]
        return (_one_outlet_total(given) or _best_reported(vals)) if vals else None

    @property
    def fatalities_range(self) -> list[int] | None:
        vals = [m.fatalities for m in self.mentions if m.fatalities is not None]
        return [min(vals), max(vals)] if vals else None

    def stable_id(self) -> str:
        """Same input, same id, and the id stays when more sources join the event:
        a hash of the first mention's sub-type and source (article and span)."""
        if self.mentions:
            m = self.mentions[0]
            key = f"{m.sub_event_type}|{m.source.article_id}:{m.source.span[0]}:{m.source.span[1]}"
            return "ew-" + hashlib.sha1(key.encode()).hexdigest()[:16]
        keys = sorted(f"{s.article_id}:{s.span[0]}:{s.span[1]}" for s in self.sources)
        h = hashlib.sha1("|".join([self.sub_event_type, *keys]).encode()).hexdigest()
        return "ew-" + h[:16]

    def to_record(self) -> dict:
        rec = {
            "event_id": self.event_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            **self.date.to_json(),
            "actor1": self.actor1.to_json() if self.actor1 else None,
            "actor2": self.actor2.to_json() if self.actor2 else None,
            "associated_actors": [a.to_json() for a in self.associated_actors],
            "location": self.location.to_json() if self.location else None,
            "destination": self.destination.to_json(short=True) if self.destination else None,
            "fatalities": self.fatalities,
            "counts": self.counts,
            "modality": self.modality,
            "summary": self.summary,
            "sources": [s.to_json() for s in self.sources],
        }
        if len({s.article_id for s in self.sources}) > 1 or len(self.mentions) > 1:
            rec["count_ranges"] = self.count_ranges
            rec["fatalities_range"] = self.fatalities_range
        return rec

    def to_json(self) -> str:
        return json.dumps(self.to_record(), ensure_ascii=False)
