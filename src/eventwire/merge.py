"""EventMention[] -> Event[]: one event per real-world happening.

Two levels, one set of rules:

* ``merge_mentions(mentions)``: the mentions of ONE article (in text order)
  become its events.  An article often reports one happening in several
  sentences; those become one event.
* ``merge_into(existing, new)`` / ``assign(...)``: the events of a new article
  join existing events (or start new ones).  ``merge_across(events)`` runs it
  over many articles in memory; the store runs the same ``assign`` over the
  candidates it finds by blocking on country and week (a dated report with no
  place meets the placed events of its weeks, and joins one only if it names
  that event's town).

Two reports are the same happening when their event types are compatible,
their date ranges overlap (within a little slack across outlets), their places
are within a distance that depends on precision (towns: 50 km; regions: same
admin1 or 150 km; country level: same country), their named actors do not
conflict, and - as a tie-breaker - their evidence sentences share words.  Across
outlets, a date also agrees when it fits another day the event's first report gives.

Event ids are deterministic and stable: an event keeps the id of its first
mention (sub-type + article id + span) when later sources join it.
"""
from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Iterable

from .records import DateRange, Event, EventMention, Place

PREC_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
PLACE_RANK = {"town": 0, "region": 1, "country": 2}

# Sub-types of different event types that one happening may be coded as.
_COMPATIBLE_TYPES = {
    frozenset({"Protests", "Riots"}),
}
# Types whose sub-types are different kinds of happening, not readings of one:
# a ceasefire, the recovery of remains and an evacuation on the same day are
# three events.
_DISTINCT_SUBTYPES = frozenset({"Strategic developments"})
# Opposite happenings: a town taken by the government and taken back by the group
# are two events, however close in time and place.
_OPPOSITE_SUBS = {frozenset({"Government regains territory", "Non-state actor overtakes territory"})}
# Sub-types of territory changing hands, whose two sides (the one leaving, the one taking) each do half.
_TRANSFER_SUBS = frozenset({"Non-violent transfer of territory", "Government regains territory",
                            "Non-state actor overtakes territory"})
_COMPATIBLE_SUBS = {
    # A bombing that kills civilians: explosion or attack on civilians.
    frozenset({"Violence against civilians/Attack", "Explosions/Remote violence/*"}),
    # Territory changing hands with or without a fight.
    frozenset({"Battles/Government regains territory", "Strategic developments/Non-violent transfer of territory"}),
    frozenset({"Battles/Non-state actor overtakes territory", "Strategic developments/Non-violent transfer of territory"}),
    # A shooting: outlets (and the classifier) read it as an attack or as an exchange of fire.
    frozenset({"Violence against civilians/Attack", "Battles/Armed clash"}),
    # Forces firing on a demonstration: told as the shooting of people or as force against protesters.
    frozenset({"Violence against civilians/Attack", "Protests/Excessive force against protesters"}),
    # Forces detaining people at a demonstration or riot: ACLED's Arrests are detentions outside one;
    # those made there are that event's intervention (a protest with intervention, a riot's policing).
    frozenset({"Strategic developments/Arrests", "Protests/*"}),
    frozenset({"Strategic developments/Arrests", "Riots/*"}),
}
# Compatible sub-types that stay apart unless day and town agree (an attack and a clash
# on different days or in neighbouring towns are two happenings).  Within an article too:
# people shot in the course of an exchange of fire are part of that battle (ACLED's coding).
_SAME_DAY_TOWN_SUBS = {frozenset({"Violence against civilians/Attack", "Battles/Armed clash"}),
                       frozenset({"Violence against civilians/Attack", "Protests/Excessive force against protesters"}),
                       # arrests elsewhere in the country, or the next day, are ACLED's Arrests of their own
                       frozenset({"Strategic developments/Arrests", "Protests/*"}),
                       frozenset({"Strategic developments/Arrests", "Riots/*"})}

# Cues that a sentence reports a further, distinct happening of the same kind: the cue
# qualifies a word for a happening ("a second blast", "another shooting", "in a separate
# incident"), not a person or thing ("another man was shot", "a second gunman", "a third
# shooting victim").
_HAPPENING_NOUN = (
    r"(?:attack|shooting|blast|explosion|bomb|bombing|strike|airstrike|air\s*strike|drone\s*strike|clash|"
    r"battle|fighting|firefight|gunfight|shootout|raid|ambush|incident|protest|demonstration|rally|march|riot|"
    r"killing|assault|shelling|offensive|operation|abduction|kidnapping|stabbing|robbery|arrest|detonation|"
    r"assassination|massacre|skirmish|exchange|round|wave)(?:s|es|ings?)?"
)
_NOVELTY = re.compile(
    r"\b(?:(?:a|the)\s+(?:second|third|fourth|separate|further|fresh|new|later|subsequent)|another)"
    r"(?:\s+[a-z-]+){0,2}?\s+" + _HAPPENING_NOUN
    + r"\b(?!\s+(?:victim|suspect|survivor|witness|gunman|gunmen)s?\b)|\bseparately\b",  # "a third shooting victim"
    re.I,
)

_STOP = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been being this that these those
    it its he she they them their his her we our you your i said says say told according also after before during
    while when where which who whom whose than then there here into over under about against between near not no
    has have had will would could should may might can did do does more most some any all other such only own same
    so very just one two three four five six seven eight nine ten people""".split()
)
_WORD = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOP}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


def _generic_actor(name: str | None) -> bool:
    if not name:
        return True
    n = name.lower()
    # and forces named by a common noun only ("coalition forces", "troops"): whose, the article's
    # other mentions say ("the Saudi-led coalition")
    return n.startswith(("unidentified", "civilians", "protesters", "rioters", "unknown")) or n in {
        "gunmen",
        "militants",
        "armed group",
        "coalition forces",
        "government forces",
        "security forces",
        "armed forces",
        "forces",
        "troops",
        "soldiers",
        "army",
        "military",
        "police",
    }


def mention_id(m: EventMention) -> str:
    """Deterministic id of one mention: sub-type, article and evidence span."""
    key = f"{m.sub_event_type}|{m.source.article_id}:{m.source.span[0]}:{m.source.span[1]}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def event_id_for(m: EventMention) -> str:
    """The id of an event whose first mention is ``m``; it does not change when sources join.

    Equal to ``Event.stable_id()`` of an event made of ``m`` alone (without extra sources).
    """
    key = "|".join([m.sub_event_type, f"{m.source.article_id}:{m.source.span[0]}:{m.source.span[1]}"])
    return "ew-" + hashlib.sha1(key.encode()).hexdigest()[:16]


# --------------------------------------------------------------------------- profiles


PROFILE_SOURCES = 8  # evidence sentences whose words represent an event in the comparison


@dataclass
class Profile:
    """What the merge compares: an event's merged fields in a compact, serializable form."""

    event_type: str
    sub_event_type: str
    start: date | None
    end: date | None
    precision: str
    country: str | None
    admin1: str | None
    place: str | None
    lat: float | None
    lon: float | None
    geo_precision: str | None
    actor1: str | None
    actors: frozenset[str]  # named (non-generic) actors in any role
    words: frozenset[str]
    articles: frozenset[str]
    event_id: str = ""
    published: str | None = None  # publication date of the first source
    # Other places the event's reports give, in the same country: (name, lat, lon, admin1, precision).
    alt_places: tuple = ()
    # Other days the event's first report gives (day-precise readings besides the merged date).
    alt_days: tuple = ()
    # The merged day is one the text gives ("on Monday"), not the publication day as a fallback.
    date_told: bool = False
    date_said: bool = False  # dated by the day its source spoke ("said on Wednesday it had detained")

    def place_list(self) -> list[tuple]:
        return [(self.place, self.lat, self.lon, self.admin1, self.geo_precision), *self.alt_places]

    @classmethod
    def of(cls, ev: Event) -> "Profile":
        loc = ev.location
        named = set()
        for m in ev.mentions:
            for a in (m.actor1, m.actor2, *m.associated_actors):
                if a is not None and not _generic_actor(a.name):
                    named.add(a.name)
        words: set[str] = set()
        for s in ev.sources[:PROFILE_SOURCES]:  # bounded: a widely reported event does not grow a vocabulary
            words |= tokens(s.sentence)
        alts: list[tuple] = []
        if loc is not None:
            main = (loc.name, loc.lat, loc.lon, loc.admin1, loc.precision)
            for m in ev.mentions:
                pl = m.location
                if pl is None or pl.country != loc.country:
                    continue
                t = (pl.name, pl.lat, pl.lon, pl.admin1, pl.precision)
                if t != main and t not in alts and len(alts) < 8:
                    alts.append(t)
        alt_days: list[date] = []
        if ev.date.known and ev.mentions:
            first = ev.mentions[0].source.article_id
            for m in ev.mentions:
                dm = m.date
                # Days of the first report only: reports joining later add none, so a chain of
                # reports a day apart each cannot carry the event across the week.
                if (
                    m.source.article_id == first
                    and dm.precision == "day"
                    and not ev.date.start <= dm.start <= ev.date.end
                    and dm.start not in alt_days
                    and len(alt_days) < 4
                ):
                    alt_days.append(dm.start)
        return cls(
            event_type=ev.event_type,
            sub_event_type=ev.sub_event_type,
            start=ev.date.start,
            end=ev.date.end,
            precision=ev.date.precision,
            country=loc.country if loc else None,
            admin1=loc.admin1 if loc else None,
            place=loc.name if loc else None,
            lat=loc.lat if loc else None,
            lon=loc.lon if loc else None,
            geo_precision=loc.precision if loc else None,
            actor1=ev.actor1.name if ev.actor1 and not _generic_actor(ev.actor1.name) else None,
            actors=frozenset(named),
            words=frozenset(words),
            articles=frozenset(s.article_id for s in ev.sources),
            event_id=ev.event_id,
            published=ev.mentions[0].source.published if ev.mentions else None,
            alt_places=tuple(alts),
            alt_days=tuple(alt_days),
            date_told=any(m.date_how in TOLD_DATES and m.date.start == ev.date.start for m in ev.mentions),
            date_said=any(m.date_how == "statement" and m.date.start == ev.date.start for m in ev.mentions),
        )

    def to_json(self) -> dict:
        return {
            "t": self.event_type,
            "s": self.sub_event_type,
            "d": [self.start.isoformat() if self.start else None, self.end.isoformat() if self.end else None, self.precision],
            "p": [self.country, self.admin1, self.place, self.lat, self.lon, self.geo_precision],
            "a1": self.actor1,
            "a": sorted(self.actors),
            "w": sorted(self.words),
            "ar": sorted(self.articles),
            "id": self.event_id,
            "pub": self.published,
            "alt": [list(x) for x in self.alt_places],
            "ad": [x.isoformat() for x in self.alt_days],
        }

    @classmethod
    def from_json(cls, d: dict) -> "Profile":
        s, e, prec = d["d"]
        c, a1, pl, lat, lon, gp = d["p"]
        return cls(
            event_type=d["t"],
            sub_event_type=d["s"],
            start=date.fromisoformat(s) if s else None,
            end=date.fromisoformat(e) if e else None,
            precision=prec,
            country=c,
            admin1=a1,
            place=pl,
            lat=lat,
            lon=lon,
            geo_precision=gp,
            actor1=d.get("a1"),
            actors=frozenset(d.get("a", [])),
            words=frozenset(d.get("w", [])),
            articles=frozenset(d.get("ar", [])),
            event_id=d.get("id", ""),
            published=d.get("pub"),
            alt_places=tuple(tuple(x) for x in d.get("alt", [])),
            alt_days=tuple(date.fromisoformat(x) for x in d.get("ad", [])),
        )


# --------------------------------------------------------------------------- compatibility


def types_compatible(a: Profile, b: Profile) -> int:
    """3 same sub-type, 2 same type, 1 compatible readings of one happening, 0 incompatible."""
    if a.sub_event_type == b.sub_event_type:
        return 3
    if frozenset({a.sub_event_type, b.sub_event_type}) in _OPPOSITE_SUBS:
        return 0
    if a.event_type == b.event_type and a.event_type not in _DISTINCT_SUBTYPES:
        return 2
    if frozenset({a.event_type, b.event_type}) in _COMPATIBLE_TYPES:
        return 1
    ka, kb = f"{a.event_type}/{a.sub_event_type}", f"{b.event_type}/{b.sub_event_type}"
    for pair in _COMPATIBLE_SUBS:
        pats = list(pair)
        for x, y in ((ka, kb), (kb, ka)):
            if _sub_match(pats[0], x) and _sub_match(pats[1], y):
                return 1
    return 0


def _sub_match(pattern: str, key: str) -> bool:
    if pattern.endswith("/*"):
        return key.startswith(pattern[:-1])
    return pattern == key


def _shift(d: date, days: int) -> date:
    """``d`` moved by ``days``, held inside the calendar (an event dated in year 1 or 9999)."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def date_score(a: Profile, b: Profile, slack_days: int) -> float | None:
    """None when the dates disagree; else how much they support one happening."""
    if a.start is None or b.start is None:
        return 0.0
    if not (_shift(a.start, -slack_days) <= b.end and _shift(b.start, -slack_days) <= a.end):
        return None
    if a.precision == "day" and b.precision == "day":
        return 2.0 if a.start == b.start else 1.0
    return 1.0 if max(PREC_RANK[a.precision], PREC_RANK[b.precision]) <= 1 else 0.5


def _one_place_score(pa: tuple, pb: tuple, town_km: float, lenient: bool = False) -> float | None:
    """Places as (name, lat, lon, admin1, precision) of one country."""
    na, lata, lona, a1a, preca = pa
    nb, latb, lonb, a1b, precb = pb
    preca, precb = preca or "country", precb or "country"
    coords = None not in (lata, lona, latb, lonb)
    dist = haversine_km(lata, lona, latb, lonb) if coords else None
    if preca == "town" and precb == "town":
        if na and na == nb:
            return 2.0
        if dist is None:
            return 0.0
        if dist <= 10:
            return 2.0
        if dist <= town_km:
            return 1.0
        return None
    if "country" in (preca, precb):
        return 0.0
    # A region and a town or region: the same admin1 (or the region is the town's admin1),
    # else not too far apart (regions are large; their centroids are rough).
    if na and na == nb:
        return 1.0
    if a1a and a1b:
        if a1a == a1b or na == a1b or nb == a1a:
            return 0.5
        return 0.0 if lenient and dist is not None and dist <= town_km else None
    if na in (a1b,) or nb in (a1a,):
        return 0.5
    if dist is not None and dist > REGION_KM:
        return None
    return 0.25


def place_score(a: Profile, b: Profile, town_km: float = 50.0, lenient: bool = False) -> float | None:
    """None when the places are too far apart for one happening (best over the places each event reports).

    ``lenient`` (same sub-type and day in one article): towns up to ``town_km`` apart and
    regions of different admin1 within it agree, and a country-level place (often the
    fallback for an unplaced sentence) does not rule out another country.
    """
    if a.country is None or b.country is None:
        if a.place is None or b.place is None:
            return -0.5
        return 1.0 if a.place == b.place else -0.5
    if a.country != b.country:
        if lenient and "country" in (a.geo_precision, b.geo_precision):
            return -0.5
        return None
    best = None
    for pa in a.place_list():
        for pb in b.place_list():
            sc = _one_place_score(pa, pb, town_km, lenient)
            if sc is not None and (best is None or sc > best):
                best = sc
    return best


def names_place(unplaced: Profile, placed: Profile) -> bool:
    """Whether ``unplaced``'s evidence words name one of the places ``placed`` reports (all of
    the name's words: "Cedar Rapids" needs both)."""
    for name, _lat, _lon, _a1, prec in placed.place_list():
        if prec not in ("town", "region"):
            continue  # a country's name says little about which happening
        toks = tokens(name or "")
        if toks and toks <= unplaced.words:
            return True
    return False


def actors_conflict(a: Profile, b: Profile) -> bool:
    if a.actor1 and b.actor1 and a.actor1 != b.actor1:
        return a.actor1 not in b.actors and b.actor1 not in a.actors
    return False


@dataclass
class Rules:
    """Thresholds; ``WITHIN`` is for sentences of one article, ``ACROSS`` for different articles."""

    slack_days: int = 0
    min_score: float = 0.0
    unknown_date_min_sim: float = 0.0
    coarse_min_sim: float = 0.0
    town_km: float = 50.0
    # Within an article: a mention dated by the publication date (no date of its own, or a
    # headline) may be a day off the dated report of the same happening.
    pub_date_slack: bool = False
    # Within an article: same sub-type, same day, further apart than town_km (place linking
    # is noisy, and an article mostly reports one happening).
    same_day_town_km: float | None = None
    # Across outlets: conflicting named actors only lower the score when sub-type, day and
    # town all agree (outlets attribute differently; extraction swaps roles).
    soft_actor_conflict: bool = False
    # Across outlets: same sub-type in the same town (within 10 km), dates this many days
    # apart still agree (weakly) - one outlet dates "early Sunday", another the day the victim
    # died or the police spoke.  Not within an article: two days there are two events.
    same_town_slack_days: int | None = None
    near_day_min_sim: float = 0.0  # ... and the reports' words overlap at least this much
    # An undated report of the same sub-type in the same town (within 10 km): this much word overlap
    # (below ``unknown_date_min_sim``, which holds for the rest).
    unknown_date_town_min_sim: float = 0.0
    # Across outlets: a report with no place joins a placed event only when its evidence names
    # that event's place (a town's name in its words): without it, any same-day report of the
    # same kind anywhere would fit.
    unplaced_needs_name: bool = False
    # Across outlets: a date agrees when it agrees with another day the event's first report
    # gives, not only the merged one (the night's shooting and the toll dated by the morning).
    alt_days: bool = False


REGION_KM = 400.0
NEAR_DAY_MIN_SIM = 0.05
WITHIN = Rules(slack_days=0, min_score=1.0, coarse_min_sim=0.15, pub_date_slack=True, same_day_town_km=200.0)
ACROSS = Rules(slack_days=1, min_score=4.0, unknown_date_min_sim=0.25, coarse_min_sim=0.05, soft_actor_conflict=True,
                same_town_slack_days=2, near_day_min_sim=0.15, unplaced_needs_name=True, alt_days=True,
                unknown_date_town_min_sim=0.15)

# Different event types read as one happening only with a named actor in common.
_NEED_SHARED_ACTOR = {frozenset({"Battles", "Explosions/Remote violence"})}


# Dates the text gives (temporal.dated_by), as against the story's day or the publication day.
TOLD_DATES = frozenset({"own", "relative", "sentence"})


def _on_pub_date(p: Profile) -> bool:
    """Dated by the publication day as a fallback: it may be a day off the happening.  A day the
    text tells ("on Monday") that is the publication day is no fallback: a happening told on
    another day is another happening."""
    if p.date_told or p.precision != "day" or p.start is None:
        return False
    # the day a source spoke is as weak: the happening was then or a day before
    return p.date_said or (p.published is not None and p.start.isoformat() == p.published)


def _alt_day_score(a: Profile, b: Profile, slack_days: int) -> float | None:
    """1.0 when a day another report of ``a`` gives agrees with ``b``'s date (or the reverse)."""
    for x, y in ((a, b), (b, a)):
        for day in x.alt_days:
            if date_score(replace(x, start=day, end=day, precision="day"), y, slack_days) is not None:
                return 1.0
    return None


def _coarse_pair(a: Profile, b: Profile) -> bool:
    ra, rb = PREC_RANK.get(a.precision, 4), PREC_RANK.get(b.precision, 4)
    if ra == 4 or rb == 4:
        return ra != rb  # one dated, one not
    return abs(ra - rb) >= 2


def _same_day_town_pair(a: Profile, b: Profile) -> bool:
    ka, kb = f"{a.event_type}/{a.sub_event_type}", f"{b.event_type}/{b.sub_event_type}"
    for pair in _SAME_DAY_TOWN_SUBS:
        x, y = sorted(pair) if len(pair) == 2 else (next(iter(pair)),) * 2
        if (_sub_match(x, ka) and _sub_match(y, kb)) or (_sub_match(x, kb) and _sub_match(y, ka)):
            return True
    return False


_STATE_FORCES = re.compile(r"^(?:Military|Police) Forces of (.+?)(?: \(\d{4}-(?:\d{4})?\))?$")


def _one_country_forces(a: Profile, b: Profile) -> bool:
    """Both doers are one country's forces, one read as its army, the other as its police: "security
    forces", "gendarmes", "troops" name the same men to different readers."""
    ma, mb = _STATE_FORCES.match(a.actor1 or ""), _STATE_FORCES.match(b.actor1 or "")
    return bool(ma and mb and ma.group(1) == mb.group(1))


def pair_score(a: Profile, b: Profile, rules: Rules) -> float | None:
    """None when ``a`` and ``b`` cannot be one happening; else a score (higher: more alike)."""
    t = types_compatible(a, b)
    shared = len(a.actors & b.actors)
    if not t:
        if frozenset({a.event_type, b.event_type}) in _NEED_SHARED_ACTOR and shared:
            t = 1
        else:
            return None
    slack = rules.slack_days
    if rules.pub_date_slack and (_on_pub_date(a) or _on_pub_date(b)):
        slack = max(slack, 1)
    d = date_score(a, b, slack)
    if d is None and rules.alt_days:
        d = _alt_day_score(a, b, rules.slack_days)
    near_day = False
    if d is None and rules.same_town_slack_days and t == 3 and date_score(a, b, rules.same_town_slack_days) is not None:
        d, near_day = 0.5, True
    if d is None:
        return None
    town_km = rules.town_km
    lenient = bool(rules.same_day_town_km and t == 3 and d >= 2.0)
    if lenient:
        town_km = rules.same_day_town_km
    p = place_score(a, b, town_km, lenient)
    if rules.unplaced_needs_name and (a.country is None) != (b.country is None):
        placed, unplaced = (b, a) if a.country is None else (a, b)
        if not names_place(unplaced, placed):
            return None
        p = 1.0  # the report names the town: as good as a place of the same region
    if p is None or (near_day and p < 2.0):
        return None
    penalty = 0.0
    if actors_conflict(a, b):
        # Named actors disagree: a different happening, unless sub-type, day and town all
        # agree (actor roles are the noisiest field a reader gets wrong).  A town changing hands
        # has two sides by nature: the army withdrawing and the group entering that day are one
        # transfer, each side told as the doer of its own half.
        sides = t == 3 and a.sub_event_type in _TRANSFER_SUBS and d >= 2.0 and p >= 2.0
        # two readings of one shooting (same day, same town) whose doers are one country's army and
        # police: the "security forces" of both reports
        readings = t == 1 and _same_day_town_pair(a, b) and d >= 2.0 and p >= 2.0 and _one_country_forces(a, b)
        if not (rules.soft_actor_conflict and t == 3 and d >= 2.0 and p >= 2.0) and not sides and not readings:
            return None
        penalty = 2.0
    sim = jaccard(a.words, b.words)
    if near_day and sim < rules.near_day_min_sim:
        return None  # a day or two apart in one town: only when the reports tell the same story
    if (a.start is None or b.start is None) and rules.unknown_date_min_sim:
        # An undated report joins another article's event only on strong evidence; in the same town
        # with the same sub-type, the words need overlap only as much as reports a day or two apart
        # in one town do (the town and kind already say much; the words, that it is the same story).
        need = rules.unknown_date_min_sim
        if t == 3 and p >= 2.0 and rules.unknown_date_town_min_sim:
            need = min(need, rules.unknown_date_town_min_sim)
        if t < 3 or p < 1.0 or sim < need:
            return None
    if _coarse_pair(a, b):
        # One date far less precise than the other (or unknown): a background
        # reference to another happening as often as the same one.
        if t < 3:
            return None
        if rules.coarse_min_sim and not shared and sim < rules.coarse_min_sim:
            return None
    elif t == 1 and d < 1.0:
        return None  # different types read as one happening need precise, agreeing dates
    if t == 1 and _same_day_town_pair(a, b) and (d < 2.0 or p < 2.0):
        return None
    score = t + d + p + min(shared, 2) * 0.75 + 4.0 * sim - penalty
    if score < rules.min_score:
        return None
    return score


# --------------------------------------------------------------------------- merged fields


def _merged_date(mentions: list[EventMention]) -> DateRange:
    dated = [m for m in mentions if m.date.known]
    if not dated:
        return DateRange.unknown()
    known = [m.date for m in dated]

    def defaulted(m: EventMention) -> bool:
        # A day that is the publication day may be the fallback, not a date the text gave.
        return m.date_how == "statement" or (m.date.precision == "day" and m.source.published == m.date.start.isoformat())

    # Most precise first; among equally precise readings the one most reports agree on.
    votes = Counter((r.start, r.end) for r in known)
    order = sorted(
        range(len(known)),
        key=lambda i: (
            PREC_RANK.get(known[i].precision, 4),
            known[i].end - known[i].start,
            -votes[(known[i].start, known[i].end)],
            defaulted(dated[i]),
            # a headline seldom dates its happening itself: the body's reading first
            is_headline(dated[i]),
            i,
        ),
    )
    best = known[order[0]]
    start, end = best.start, best.end
    for i in order[1:]:
        r = known[i]
        if r.start <= end and start <= r.end:
            start, end = max(start, r.start), min(end, r.end)
    return DateRange(start, end, best.precision)


def _merged_place(mentions: list[EventMention]) -> Place | None:
    places = [m.location for m in mentions if m.location is not None]
    if not places:
        return None
    arts_by_country: dict[str | None, set[str]] = {}
    for m in mentions:
        if m.location is not None:
            arts_by_country.setdefault(m.location.country, set()).add(m.source.article_id)
    first_idx = {c: next(i for i, p in enumerate(places) if p.country == c) for c in arts_by_country}
    country = min(arts_by_country, key=lambda c: (c is None, -len(arts_by_country[c]), first_idx[c]))
    agreeing = [p for p in places if p.country == country]
    best_rank = min(PLACE_RANK.get(p.precision, 2) for p in agreeing)
    precise = [p for p in agreeing if PLACE_RANK.get(p.precision, 2) == best_rank]
    votes = Counter(p.name for p in precise)
    top = max(votes.values())
    return next(p for p in precise if votes[p.name] == top)


def _vote(values: list, key=lambda v: v):
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    c = Counter(key(v) for v in vals)
    top = max(c.values())
    return next(v for v in vals if c[key(v)] == top)


# ACLED codes a happening by its outcome before its method: a town taken in an attack is
# "overtakes territory" (or "regains") however it was taken, by a suicide car bomb, shelling
# or a clash (the codebook's territorial sub-types of Battles take precedence).
_TERRITORIAL_SUBS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _type_vote(mentions: list[EventMention]) -> tuple[str, str]:
    """The merged (type, sub-type): where a report asserts that territory changed hands, a
    territorial sub-type (the outcome); otherwise, or among those, the sub-type most mentions
    report (confidence-weighted), first on ties."""
    outcome = [m for m in mentions if m.event_type == "Battles" and m.sub_event_type in _TERRITORIAL_SUBS
               and m.modality == "asserted"]
    voters = outcome or mentions
    if any(m.event_type == "Riots" for m in voters):
        # force used on a crowd that rioted is no "excessive force against protesters" (ACLED keeps that
        # for peaceful demonstrators), and a crowd one report calls rioting is no peaceful protest
        # dispersed: the happening is the riot, the force its intervention
        voters = [m for m in voters if m.event_type != "Protests"]
    if any(m.event_type in ("Protests", "Riots") for m in voters):
        # arrests made at a demonstration are its intervention, not the happening (ACLED's Arrests are
        # detentions outside one): a peaceful protest where people were detained is one with intervention
        arrested = any(m.sub_event_type == "Arrests" for m in voters)
        voters = [m for m in voters if m.event_type in ("Protests", "Riots")]
        if arrested and all(m.sub_event_type == "Peaceful protest" for m in voters):
            return "Protests", "Protest with intervention"
    weight: dict[tuple[str, str], float] = {}
    for m in voters:
        k = (m.event_type, m.sub_event_type)
        weight[k] = weight.get(k, 0.0) + (m.confidence or 1.0)
    top = max(weight.values())
    return next((m.event_type, m.sub_event_type) for m in voters if weight[(m.event_type, m.sub_event_type)] == top)


def build_event(mentions: list[EventMention], event_id: str | None = None, summary: str = "") -> Event:
    """An Event of these mentions (first mention first) with merged fields."""
    first = mentions[0]
    ev = Event(mentions=list(mentions), event_id=event_id or event_id_for(first), summary=summary)
    ev.event_type, ev.sub_event_type = _type_vote(mentions)
    ev.date = _merged_date(mentions)
    ev.location = _merged_place(mentions)
    ev.actor1 = _vote([m.actor1 for m in mentions if m.actor1 is not None and not _generic_actor(m.actor1.name)]) or _vote(
        [m.actor1 for m in mentions], key=lambda a: a.name
    )
    ev.actor2 = _vote([m.actor2 for m in mentions if m.actor2 is not None and not _generic_actor(m.actor2.name)]) or _vote(
        [m.actor2 for m in mentions], key=lambda a: a.name
    )
    if ev.actor1 is None and ev.sub_event_type == "Arrests" and ev.location is not None and ev.location.country:
        # ACLED's convention: an arrest no report gives a doer is the police's of where it happened (set
        # on the event, not the mentions, so a guess never keeps a report of it out of the merge)
        ev.actor1 = next((m.doer_by_convention for m in mentions if m.doer_by_convention is not None
                          and m.doer_by_convention.country == ev.location.country), None)
    if ev.actor2 is not None and ev.actor1 is not None and ev.actor2.name == ev.actor1.name:
        ev.actor2 = None
    assoc: list = []
    roles = {a.name for a in (ev.actor1, ev.actor2) if a is not None}
    for m in mentions:
        for a in (*m.associated_actors, m.actor1, m.actor2):
            if a is not None and a.name not in roles and a.name not in {x.name for x in assoc}:
                if a in m.associated_actors or not _generic_actor(a.name):
                    assoc.append(a)
    ev.associated_actors = assoc
    # where they went, as precisely as any report says it ("a town in eastern Syria", then "Boukamal")
    dests = [m.destination for m in mentions if m.destination is not None]
    ev.destination = min(dests, key=lambda p: PLACE_RANK.get(p.precision, 2)) if dests else None
    modalities = [m.modality for m in mentions]
    ev.modality = "asserted" if "asserted" in modalities else _vote(modalities)
    return ev


def combine(base: Event, new: Event) -> Event:
    """``base`` with the mentions of ``new`` added; keeps ``base``'s id."""
    return build_event([*base.mentions, *new.mentions], event_id=base.event_id, summary=base.summary)


def _summarize(ev: Event) -> Event:
    try:
        from .summary import summarize

        ev.summary = summarize(ev)
    except Exception:  # pragma: no cover - summary is cosmetic
        pass
    return ev


# --------------------------------------------------------------------------- within one article


# A headline sits in the first lines, is short and has no closing full stop.
HEADLINE_ZONE = 400
HEADLINE_MAX = 200


def is_headline(m: EventMention) -> bool:
    sent = (m.source.sentence or "").rstrip()
    return m.source.span[0] < HEADLINE_ZONE and 0 < len(sent) <= HEADLINE_MAX and not sent.endswith(
        (".", "!", "?", '"', "”", "'", "’")
    )


def _fold_headlines(clusters: list[list[EventMention]]) -> list[list[EventMention]]:
    """A headline names the story's main happening in few words, often without its day or
    town: it joins the body's event of the same type rather than standing as a second one."""
    out = [c for c in clusters]
    for ci, ms in enumerate(clusters):
        if not all(is_headline(m) for m in ms):
            continue
        prof = Profile.of(build_event(ms))
        best, best_key = None, None
        for cj, other in enumerate(out):
            if cj == ci or not other or all(is_headline(m) for m in other):
                continue
            op = Profile.of(build_event(other))
            t = types_compatible(prof, op)
            if t < 2 or actors_conflict(prof, op):
                continue
            key = (t, len(other), -cj)
            if best_key is None or key > best_key:
                best, best_key = cj, key
        if best is not None:
            out[best] = sorted(out[best] + ms, key=lambda m: m.source.span)
            out[ci] = []
    return [c for c in out if c]


def _join_clusters(clusters: list[list[EventMention]]) -> list[list[EventMention]]:
    """Second pass over clusters of different event types that are one happening once each is
    whole: "the attack happened early Sunday" opened a cluster of its own (an explosion) before
    the sentence naming its attackers ("al Shabaab used a suicide car bomb") tied it to the battle
    reported first."""
    clusters = [list(c) for c in clusters]
    profiles = [Profile.of(build_event(c)) for c in clusters]
    changed = True
    while changed and len(clusters) > 1:
        changed = False
        best = None
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                if profiles[i].event_type == profiles[j].event_type:
                    continue  # the first pass already weighed these against each other, mention by mention
                sc = pair_score(profiles[i], profiles[j], WITHIN)
                if sc is not None and (best is None or sc > best[0]):
                    best = (sc, i, j)
        if best is not None:
            _, i, j = best
            clusters[i] = sorted(clusters[i] + clusters[j], key=lambda x: x.source.span[0] if x.source.span else 0)
            profiles[i] = Profile.of(build_event(clusters[i]))
            del clusters[j], profiles[j]
            changed = True
    return clusters


# Event types of violence: a generic noun ("the attack", "the violence") or a verb of violence of given
# participants ("the man had been killed") may refer back to any of them, a mob's violence (Riots:
# ACLED's violent demonstrations and mob violence) included.
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


# A victim's death this many days after a violent happening told in the story is that happening's toll.
DEATH_AFTER_DAYS = 30


# Acts that ACLED codes as part of the attack they happen in, when its doers commit them (ACLED:
# looting or burning during an attack is that attack, not a "Strategic development" of its own).
# Abducting some of its victims is that attack too ("six children were abducted by the attackers").
_PART_OF_ATTACK_SUBS = frozenset({"Looting/property destruction", "Abduction/forced disappearance"})
# ... of an attack on civilians or a mob's violence; houses burnt after a battle are ACLED's own event.
_ATTACK_TYPES = frozenset({"Violence against civilians", "Riots"})


# Labels of crowds and of those they hurt: a looting by rioters is a riot's, no attack's.
_CROWDS = ("protesters", "rioters", "civilians")


def _antecedent(clusters: list[list[EventMention]], profiles: list[Profile], m: EventMention, prof: Profile) -> int | None:
    """The cluster a mention that refers back (``m.refers_back``: "the offensive", a recap, a quote)
    refers to: the nearest earlier happening of a compatible type whose place and named actors agree.
    Dates are not compared: the reference has none of its own (the text dates it by the story)."""
    kind = m.refers_back.split(":", 1)[0]
    generic = "generic" in kind
    dated = "dated" in kind
    died = kind.startswith("died")
    best, best_key = None, None
    for i, cp in enumerate(profiles):
        last = max((x.source.span[0] for x in clusters[i] if x.source.span[0] <= m.source.span[0]), default=None)
        if last is None:
            continue
        t = types_compatible(cp, prof)
        if not t and generic and cp.event_type in _VIOLENT_TYPES and prof.event_type in _VIOLENT_TYPES:
            t = 1
        if not t and _told_doers_kind(m) and prof.sub_event_type in _PART_OF_ATTACK_SUBS \
                and cp.event_type in _ATTACK_TYPES:
            # "the attackers set fire to houses": burning or looting in the course of the attack is the
            # attack; a pronoun is not enough ("leaflets stating that they burned the bus in reprisal")
            t = 1
        if not t and generic and cp.sub_event_type == "Looting/property destruction" \
                and prof.event_type in _VIOLENT_TYPES and not any(
                    x.actor1 is not None and x.actor1.name.lower().startswith(_CROWDS) for x in clusters[i]):
            # "armed men set fire to trucks ... a pamphlet about the attack": the attack is the burning
            t = 1
        if not t and _told_doers_kind(m) and prof.sub_event_type == "Non-violent transfer of territory" \
                and cp.event_type == "Battles":
            # "before the attackers withdrew": the doers of a fight leaving it is its end, not a transfer
            # of territory, which ACLED's taxonomy defines as one without fighting
            t = 1
        if kind == "claimed" and cp.event_type in _VIOLENT_TYPES and (
                prof.event_type in _VIOLENT_TYPES or prof.sub_event_type in _PART_OF_ATTACK_SUBS):
            t = t or 1  # what a claimant says its fighters did in the attack it claims is that attack
        if died:
            # a victim dies of a violent happening on its day or in the weeks after, not before it
            if not _deadly(cp) or cp.start is None or prof.start is None \
                    or not 0 <= (prof.start - cp.start).days <= DEATH_AFTER_DAYS:
                continue
            t = t or 1
        if kind == "course" and cp.event_type in _VIOLENT_TYPES:
            t = t or 1  # forces sent to or arriving at a violent happening told just before: its course
        if kind == "taken in fight" and cp.event_type in _VIOLENT_TYPES:
            t = t or 1  # property the doers took in the clause of their violent act is part of it
        if kind == "seized" and (cp.sub_event_type == "Arrests" or cp.event_type in _VIOLENT_TYPES):
            t = t or 1  # weapons seized in the course of an arrest told before are part of it; so are those
            # taken after a fight (the taxonomy's Disrupted weapons use is weapons stopped before their use)
        if kind == "effect reported" and _deadly(cp):
            t = t or 1  # another party's count of the dead of the happening told at that place
        if kind.startswith("body"):
            # a body found is a victim's of a violent happening told, found on its day or in the weeks after
            if cp.event_type not in _VIOLENT_TYPES or (cp.start is not None and prof.start is not None and
                                                       not 0 <= (prof.start - cp.start).days <= DEATH_AFTER_DAYS):
                continue
            t = t or 1
        if dated and (cp.start is None or prof.start is None or date_score(cp, prof, 1) is None):
            continue  # a date of its own that is not the happening's: another happening of the same doers
        if not t or (kind == "quote" and t < 2):
            continue
        if frozenset({cp.sub_event_type, prof.sub_event_type}) in _OPPOSITE_SUBS:
            continue
        retold_unnamed = kind.startswith("retold") and (_generic_actor(cp.actor1) or _generic_actor(prof.actor1))
        if actors_conflict(cp, prof) and not _told_doers_kind(m) and not died and "anchor" not in kind \
                and "victims" not in kind and kind != "course" and not kind.startswith("effect") \
                and not retold_unnamed:
            continue  # (the told doers are the happening's own, whatever name their clause gives them:
            # "the attackers, from the ADF" after "rebels linked to the Islamic State group"; a later
            # death of a victim has no doer of its own: any it was given is a guess; a noun that only
            # dates another clause, "following the clash, police arrested ...", has none in its sentence:
            # the actors its mention got are that clause's; forces sent to a fight may be either side's;
            # a toll with no doer of its own, "two fighters were killed", got its actor by a guess; a retelling's
            # "armed men" are the told happening's doers, whom its first report may name)
        if _place_told(m) and not _victims_told(m) and \
                place_score(cp, prof, WITHIN.same_day_town_km or WITHIN.town_km, lenient=True) is None:
            continue
        # A reference with no date of its own is read in the story's time: a happening of that time
        # (not an older one recalled as background) first, then the nearest: it names the one last told.
        if cp.start is None or prof.start is None:
            in_time = cp.start is None and prof.start is None
        else:
            in_time = date_score(cp, prof, 1) is not None
        key = (in_time, last, t)
        if best_key is None or key > best_key:
            best, best_key = i, key
    if best is None and kind == "definite":
        best = _named_thing_antecedent(clusters, m)
    return best


def _named_thing_antecedent(clusters: list[list[EventMention]], m: EventMention) -> int | None:
    """A definite description of a thing, not a happening ("the base"), whose noun an earlier
    happening's sentence introduced ("stormed a military base"): the thing told there, so no new
    happening; the nearest such cluster whose date agrees."""
    noun = m.refers_back.split(":", 1)[1].split()[-1].lower() if ":" in m.refers_back else ""
    if not noun:
        return None
    forms = {noun, noun + "s", noun + "es"}
    best, best_at = None, -1
    for i, cl in enumerate(clusters):
        for x in cl:
            for src in x.all_sources():
                if src.span[0] >= m.source.span[0] or not (forms & tokens(src.sentence or "")):
                    continue
                if x.date.known and m.date.known and not x.date.overlaps(m.date):
                    continue
                if src.span[0] > best_at:
                    best, best_at = i, src.span[0]
    return best


def _deadly(p: Profile) -> bool:
    """A happening whose victims may die of it later: violence, or force on a demonstration."""
    return p.event_type in _VIOLENT_TYPES or p.sub_event_type == "Excessive force against protesters"


def _victims_told(m: EventMention) -> bool:
    """A later death of victims the article told, or defined by the happening ("soldiers wounded in the
    assault died at the hospital in X"), or the body of a told victim ("the body of one of the hostages
    was found near X"): the place its sentence names is where they died or lay, not where the happening
    was."""
    return m.refers_back.startswith(("died given", "definite: wounded in", "body given")) or (
        "victims" in m.refers_back.split(":", 1)[0])  # "X died in the ambush, while others are treated in Y"


def _place_told(m: EventMention) -> bool:
    """Whether the sentence of ``m`` names the place it was given (all the name's words).  A reference
    back whose sentence names no place got one by default (the dateline, the story's focus): like its
    date, that place is not its own and says nothing against the happening it refers to."""
    toks = tokens(m.location.name or "") if m.location is not None else set()
    return bool(toks) and toks <= tokens(m.source.sentence or "")


def _named_first(a, b):
    """``a``, unless it is an unnamed armed party ("Unidentified Armed Group") and ``b`` a named one
    (a crowd's label stays: the police in a reference to a protest are not its actor1)."""
    if a is None:
        return b
    if b is not None and a.name.lower().startswith(("unidentified", "unknown")) and not _generic_actor(b.name) \
            and b.kind in ("rebel group", "political militia", "identity militia", "state forces"):
        return b
    return a


def _told_doers_kind(m: EventMention) -> bool:
    """A reference by the doers of a happening told ("the attackers", "the abductors"), dated by its clause."""
    kind = m.refers_back.split(":", 1)[0]
    return "dated" in kind or "doer" in kind


def _fold_reference(cluster: list[EventMention], m: EventMention) -> list[EventMention]:
    """``m`` (a reference back) folded into the nearest earlier mention of ``cluster``: its sentence
    becomes an extra source; what that mention leaves untold (a toll, a count, an actor, a place) it gives."""
    idx = max((k for k, x in enumerate(cluster) if x.source.span[0] <= m.source.span[0]),
              key=lambda k: (not cluster[k].refers_back, cluster[k].source.span[0]))
    host = cluster[idx]
    counts = dict(host.counts)
    for k, v in m.counts.items():
        counts.setdefault(k, v)
    # the host's toll stands, unless it is only the doer's claim and the reference gives another
    toll = host if host.fatalities is not None and (
        not host.fatalities_claimed or m.fatalities is None or m.fatalities_claimed) else m
    fatalities = toll.fatalities
    if m.refers_back.startswith("body") and fatalities is None and m.counts.get("killed"):
        # the bodies found are the happening's dead ("the body of one of the hostages": an abduction
        # with one death), where it had no toll of its own
        fatalities = m.counts["killed"]
    if m.refers_back.startswith("died new") and host.fatalities is not None and not any(
            x.source.span == m.source.span for x in cluster):
        # another victim of the same happening died later: one more death on its toll (not the victim
        # its own sentence tells shot: "a woman who was shot on Thursday night died from the wound")
        fatalities = host.fatalities + (m.fatalities or 1)
        counts["killed"] = fatalities
    when = host.date
    if host.date_how in ("story", "undated") and m.date_how in ("own", "sentence") and m.date.precision == "day" \
            and host.date.start is not None and m.date.start is not None and m.date.start <= host.date.start:
        # a host the story dates has no day of its own; the reference's day, on or before the story's,
        # is the happening's ("... was kidnapped by the group. The kidnapping was carried out on 4 October")
        when = m.date
    folded = replace(
        host,
        date=when,
        extra_sources=[*host.extra_sources, *m.all_sources()],
        fatalities=fatalities,
        fatalities_claimed=toll.fatalities_claimed,
        counts=counts,
        # a reference that names the doer ("the Islamic State's affiliate claimed the bombing") tells
        # who the host's "Unidentified Armed Group" was
        # (not a clause of the told doers, "the attackers set fire ...": its actor is only a guess at
        # the anaphor's antecedent, the host's own doers)
        # (but a host with no doer at all takes theirs: "the attackers" are the happening's own)
        actor1=(host.actor1 or m.actor1) if _told_doers_kind(m) else _named_first(host.actor1, m.actor1),
        actor2=host.actor2 or m.actor2,
        location=_finer_told_place(host.location, m),
    )
    return [*cluster[:idx], folded, *cluster[idx + 1:]]


def _finer_told_place(place: Place | None, m: EventMention) -> Place | None:
    """The host's place, or the town a reference names inside it ("a roadside bomb in Narathiwat province
    ... the bomb, hidden beside a road in Rueso district"): the same happening told more precisely.  Not a
    victim's later whereabouts, nor a town of another region, nor a town in a country-wide host."""
    told = m.location
    if place is None:
        return told
    if told is None or not _place_told(m) or _victims_told(m) or told.country != place.country:
        return place
    # only a region's town: a country-wide host may be told anywhere in it, and a reference's town may be
    # where the wounded or the dead were taken ("a hospital in X received 30 bodies from the attack")
    if place.precision != "region" or told.precision != "town" or told.admin1 is None \
            or told.admin1 not in (place.admin1, place.name):
        return place
    return told


DATELINE_PLACE_NOTE = " [place: dateline]"  # (nlp.mentions sets it; the merge does not import the pipeline)


# A mention with no place of its own joins only on the day the happening's reports give: the
# publication day's slack (a day off either way) is for mentions placed and dated by their text.
_TOLD_DAY = replace(WITHIN, pub_date_slack=False)


def _told_in_region(clusters: list[list[EventMention]], profiles: list[Profile], m: EventMention,
                    prof: Profile) -> int | None:
    """The happening told before in a region whose retelling ``m`` is, in a town of that region: the
    lead gives the province and the toll ("three gang members were killed in a shootout with soldiers in
    Olancho"), a later sentence the village and one side's account ("a patrol came under fire in Catacamas
    and responded, killing two"), read as another sub-type.  Same day, a compatible violent type, no
    conflicting named actors, and a toll within the told one (more dead would be another happening)."""
    loc = m.location
    if loc is None or loc.precision != "town" or not loc.admin1 or m.date.precision != "day" \
            or m.fatalities is None or not _place_told(m):
        return None
    best = None
    for i, cp in enumerate(profiles):
        if cp.geo_precision != "region" or cp.country != loc.country or loc.admin1 not in (cp.admin1, cp.place):
            continue
        if cp.event_type not in _VIOLENT_TYPES or prof.event_type not in _VIOLENT_TYPES:
            continue
        if not types_compatible(cp, prof) or date_score(cp, prof, 0) != 2.0 or actors_conflict(cp, prof):
            continue
        told = build_event(clusters[i]).fatalities
        if told is None or m.fatalities > told:
            continue
        best = i  # the latest such happening told
    return best


def _destruction_in_riot(clusters: list[list[EventMention]], profiles: list[Profile], m: EventMention,
                         prof: Profile) -> int | None:
    """The riot that a burning or looting told in its own sentence is part of: "youths gathered outside the
    station, hurling stones at officers and setting fire to two vehicles".  ACLED codes property destroyed
    by rioters as the riot (Looting/property destruction is destruction that is part of no larger event);
    only a doer who is no crowd (soldiers burning huts) or another day or place keeps it apart."""
    if m.sub_event_type != "Looting/property destruction":
        return None
    if m.actor1 is not None and m.actor1.kind not in ("rioters", "protesters"):
        return None
    for i, cl in enumerate(clusters):
        if profiles[i].event_type != "Riots" or not any(x.source.span == m.source.span for x in cl):
            continue
        if date_score(profiles[i], prof, 0) is None or place_score(profiles[i], prof) is None:
            continue
        return i
    return None


def _dateline_placed(m: EventMention) -> bool:
    """The mention's place is only the dateline's: its sentence names none (see nlp.mentions)."""
    return DATELINE_PLACE_NOTE in (m.rule or "")


def _unplaced(p: Profile) -> Profile:
    return replace(p, country=None, admin1=None, place=None, lat=None, lon=None, geo_precision=None, alt_places=())


def _best_pair(profiles: list[Profile], prof: Profile, novel: bool, rules: Rules | None = None) -> tuple[int | None, float | None]:
    """The cluster a mention joins as a report of its own (the best pair score), or (None, None)."""
    best, best_score = None, None
    for i, cp in enumerate(profiles):
        if novel and cp.sub_event_type == prof.sub_event_type:
            continue  # "a second blast": not the blast already reported
        s = pair_score(cp, prof, rules or WITHIN)
        if s is not None and (best_score is None or s > best_score):
            best, best_score = i, s
    return best, best_score


def merge_mentions(mentions: list[EventMention]) -> list[Event]:
    """The events of one article's mentions (pure; deterministic; text order kept).

    A mention that refers back to a happening told earlier ("the offensive", "the deal follows a
    campaign ...", a quote) and has no date of its own is that happening: it joins the nearest earlier
    mention of a compatible type as an extra source sentence, and takes its date.  A mention with an
    older date of its own (background: "in 2014") stays apart, as the dates decide below."""
    clusters: list[list[EventMention]] = []
    profiles: list[Profile] = []
    for m in mentions:
        single = build_event([m])
        prof = Profile.of(single)
        novel = bool(_NOVELTY.search(m.source.sentence or ""))
        kind = m.refers_back.split(":", 1)[0]
        if (_told_doers_kind(m) or kind.startswith("effect")) and _best_pair(profiles, prof, novel)[0] is not None:
            kind = ""  # a clause of the told doers that is a report of the happening in its own right
            # (its day, its place): it joins as one, its place and type counting in the vote; so does
            # a toll the typing tied to it ("two people were killed") where it fits as a report
        if m.refers_back and kind and not novel:
            ante = _antecedent(clusters, profiles, m, prof)
            if ante is not None and "anchor" in m.refers_back.split(":", 1)[0] and any(
                    o is not m and not o.refers_back and o.source.span == m.source.span for o in mentions):
                continue  # "a firefight broke out after the blast": the sentence tells the firefight;
                # the blast it recalls only places it in time
            if ante is not None:
                clusters[ante] = _fold_reference(clusters[ante], m)
                profiles[ante] = Profile.of(build_event(clusters[ante]))
                continue
        best, best_score = _best_pair(profiles, prof, novel)
        if best is None and not novel:
            told = _told_in_region(clusters, profiles, m, prof)
            if told is None:
                told = _destruction_in_riot(clusters, profiles, m, prof)
            if told is not None:
                clusters[told] = _fold_reference(clusters[told], m)
                profiles[told] = Profile.of(build_event(clusters[told]))
                continue
        if best is None and _dateline_placed(m):
            # a mention placed only by the dateline has no place of its own to weigh: it is a retelling
            # of the happening its type, day and actors fit, folded in as a reference is: the
            # happening's reports give its place, day and toll (a retelling's day may be the statement's)
            ante, _ = _best_pair(profiles, _unplaced(prof), novel, rules=_TOLD_DAY)
            if ante is not None:
                clusters[ante] = _fold_reference(clusters[ante], replace(m, location=None, date=DateRange.unknown()))
                profiles[ante] = Profile.of(build_event(clusters[ante]))
                continue
        if best is None:
            clusters.append([m])
            profiles.append(prof)
        else:
            clusters[best].append(m)
            profiles[best] = Profile.of(build_event(clusters[best]))
    clusters = _join_clusters(clusters)
    clusters = _fold_headlines(clusters)
    events: list[Event] = []
    used: set[str] = set()
    for ms in clusters:
        eid = event_id_for(ms[0])
        n = 1
        while eid in used:  # two distinct events read from the same span
            n += 1
            eid = f"{event_id_for(ms[0])}-{n}"
        used.add(eid)
        events.append(build_event(ms, event_id=eid))
    return events


# --------------------------------------------------------------------------- across articles


def assign(candidates: list[Profile], new: list[Profile], rules: Rules | None = None) -> list[int | None]:
    """For each new event (all from one article), the index of the candidate it joins, or None.

    Greedy by score: the best pair first; a candidate takes at most one new
    event of the article (the article's own merge said they differ), and never
    joins an event that already has a source from the same article.
    """
    rules = rules or ACROSS
    pairs = []
    for j, n in enumerate(new):
        for i, c in enumerate(candidates):
            if c.articles & n.articles:
                continue
            s = pair_score(c, n, rules)
            if s is not None:
                pairs.append((-s, j, i))
    pairs.sort()
    out: list[int | None] = [None] * len(new)
    taken: set[int] = set()
    for _s, j, i in pairs:
        if out[j] is None and i not in taken:
            out[j] = i
            taken.add(i)
    return out


def week_of(d: date) -> int:
    """Weeks since 1970-01-05 (a Monday): the blocking key."""
    return (d - date(1970, 1, 5)).days // 7


def block_keys(p: Profile, slack_days: int = 1) -> list[tuple[str | None, int | None]]:
    """The (country, week) blocks an event lives in; week None for undated events."""
    if p.start is None:
        return [(p.country, None)]
    w0 = week_of(_shift(p.start, -slack_days))
    w1 = week_of(_shift(p.end, slack_days))
    weeks = list(range(w0, w1 + 1))
    for day in p.alt_days:  # and the weeks of the other days its reports give
        for w in range(week_of(_shift(day, -slack_days)), week_of(_shift(day, slack_days)) + 1):
            if w not in weeks:
                weeks.append(w)
    return [(p.country, w) for w in weeks]


PLACE_CANDIDATES = 50  # undated events: how many of the latest events (same place / same country) are compared
# Dated events with no country and placed events meet in the weeks they share (bounded: the
# latest few of the week); ``pair_score`` then asks the unplaced one to name the place.
UNPLACED_CANDIDATES = 200


class MemoryIndex:
    """In-memory equivalent of the store's blocking: events by (country, week)."""

    def __init__(self) -> None:
        self.events: dict[str, Event] = {}
        self.profiles: dict[str, Profile] = {}
        self.blocks: dict[tuple[str | None, int | None], list[str]] = {}
        self.order: list[str] = []
        self.pos: dict[str, int] = {}
        self.by_place: dict[tuple[str | None, str], list[str]] = {}
        self.placed_by_week: dict[int, list[str]] = {}  # events with a country, by week

    def candidates(self, p: Profile) -> list[str]:
        keys = block_keys(p)
        seen: dict[str, None] = {}
        for k in keys:
            lst = self.blocks.get(k, [])
            if k[1] is None:
                lst = lst[-PLACE_CANDIDATES:]  # undated: the latest few only
            for eid in lst:
                seen.setdefault(eid)
        if p.start is not None:
            # Dated: an event without a country meets the placed events of its weeks, and a
            # placed one the events without a country (the latest few of each week).
            for _c, w in keys:
                lst = self.placed_by_week.get(w, []) if p.country is None else self.blocks.get((None, w), [])
                for eid in lst[-UNPLACED_CANDIDATES:]:
                    seen.setdefault(eid)
        # Undated events meet dated ones only at the same named place (bounded: the latest few).
        if p.place:
            at = self.by_place.get((p.country, p.place), [])
            if p.start is not None:
                at = [eid for eid in at if self.profiles[eid].start is None]
            for eid in at[-PLACE_CANDIDATES:]:
                seen.setdefault(eid)
        return list(seen)

    def _insert(self, lst: list[str], eid: str) -> None:
        """Insert keeping creation order (like the store's ORDER BY seq)."""
        if not lst or self.pos[lst[-1]] < self.pos[eid]:
            lst.append(eid)
        else:
            keys = [self.pos[e] for e in lst]
            lst.insert(bisect.bisect(keys, self.pos[eid]), eid)

    def put(self, ev: Event) -> None:
        eid = ev.event_id
        old = self.profiles.get(eid)
        if old is None:
            self.pos[eid] = len(self.order)
            self.order.append(eid)
        p = Profile.of(ev)
        self.events[eid] = ev
        self.profiles[eid] = p
        old_keys = set(block_keys(old)) if old is not None else set()
        new_keys = block_keys(p)
        for k in old_keys - set(new_keys):
            self.blocks[k].remove(eid)
            if k[0] is not None and k[1] is not None:
                self.placed_by_week[k[1]].remove(eid)
        for k in new_keys:
            if k not in old_keys:
                self._insert(self.blocks.setdefault(k, []), eid)
                if k[0] is not None and k[1] is not None:
                    self._insert(self.placed_by_week.setdefault(k[1], []), eid)
        old_place = (old.country, old.place) if old is not None and old.place else None
        new_place = (p.country, p.place) if p.place else None
        if old_place != new_place:
            if old_place:
                self.by_place[old_place].remove(eid)
            if new_place:
                self._insert(self.by_place.setdefault(new_place, []), eid)

    def add_article(self, new_events: list[Event]) -> list[Event]:
        """Merge one article's events in; returns the events created or changed."""
        new_profiles = [Profile.of(e) for e in new_events]
        cand_ids: dict[str, None] = {}
        for p in new_profiles:
            for eid in self.candidates(p):
                cand_ids.setdefault(eid)
        ids = sorted(cand_ids, key=self.pos.__getitem__)
        choice = assign([self.profiles[i] for i in ids], new_profiles)
        changed = []
        for ev, c in zip(new_events, choice):
            out = ev if c is None else combine(self.events[ids[c]], ev)
            _summarize(out)
            self.put(out)
            changed.append(out)
        return changed

    def all(self) -> list[Event]:
        return [self.events[i] for i in self.order]


def merge_into(existing_events: list[Event], new_events: list[Event]) -> list[Event]:
    """``existing_events`` with one article's ``new_events`` merged in (a new list; inputs unchanged).

    Each new event joins the best matching existing event (which keeps its id
    and position) or is appended.
    """
    idx = MemoryIndex()
    for ev in existing_events:
        idx.put(ev)
    idx.add_article(new_events)
    return idx.all()


def _article_of(ev: Event) -> str:
    return ev.mentions[0].source.article_id if ev.mentions else ""


def merge_across(events: Iterable[Event]) -> list[Event]:
    """Events of many articles (each article's events from ``merge_mentions``) -> merged events.

    Articles are taken in the order their events first appear.
    """
    by_article: dict[str, list[Event]] = {}
    for ev in events:
        by_article.setdefault(_article_of(ev), []).append(ev)
    idx = MemoryIndex()
    for evs in by_article.values():
        idx.add_article(evs)
    return idx.all()
