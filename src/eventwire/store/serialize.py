"""EventMention <-> JSON, lossless, for the ``mentions.data`` column."""
from __future__ import annotations

from datetime import date

from ..records import Actor, DateRange, EventMention, Place, Source


def _place_json(p: Place | None) -> dict | None:
    if p is None:
        return None
    return {
        "name": p.name,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "geonameid": p.geonameid,
        "admin1": p.admin1,
        "precision": p.precision,
        "population": p.population,
    }


def _place(d: dict | None) -> Place | None:
    return None if d is None else Place(**d)


def _actor(d: dict | None) -> Actor | None:
    return None if d is None else Actor(**d)


def _source(d: dict) -> Source:
    d = dict(d)
    d["span"] = tuple(d.get("span") or (0, 0))
    return Source(**d)


def mention_to_json(m: EventMention) -> dict:
    return {
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "date": {
            "start": m.date.start.isoformat() if m.date.start else None,
            "end": m.date.end.isoformat() if m.date.end else None,
            "precision": m.date.precision,
        },
        "source": m.source.to_json(),
        "actor1": m.actor1.to_json() if m.actor1 else None,
        "actor2": m.actor2.to_json() if m.actor2 else None,
        "associated_actors": [a.to_json() for a in m.associated_actors],
        "location": _place_json(m.location),
        "destination": _place_json(m.destination),
        "fatalities": m.fatalities,
        "fatalities_claimed": m.fatalities_claimed,
        "doer_by_convention": m.doer_by_convention.to_json() if m.doer_by_convention else None,
        "date_how": m.date_how,
        "counts": dict(m.counts),
        "modality": m.modality,
        "confidence": m.confidence,
        "trigger": m.trigger,
        "trigger_span": list(m.trigger_span),
        "extra_sources": [s.to_json() for s in m.extra_sources],
    }


def mention_from_json(d: dict) -> EventMention:
    dt = d["date"]
    return EventMention(
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        date=DateRange(
            date.fromisoformat(dt["start"]) if dt["start"] else None,
            date.fromisoformat(dt["end"]) if dt["end"] else None,
            dt["precision"],
        ),
        source=_source(d["source"]),
        actor1=_actor(d.get("actor1")),
        actor2=_actor(d.get("actor2")),
        associated_actors=[Actor(**a) for a in d.get("associated_actors", [])],
        location=_place(d.get("location")),
        destination=_place(d.get("destination")),
        fatalities=d.get("fatalities"),
        fatalities_claimed=bool(d.get("fatalities_claimed", False)),
        doer_by_convention=_actor(d.get("doer_by_convention")),
        date_how=d.get("date_how", ""),
        counts=dict(d.get("counts") or {}),
        modality=d.get("modality", "asserted"),
        confidence=d.get("confidence", 1.0),
        trigger=d.get("trigger", ""),
        trigger_span=tuple(d.get("trigger_span") or (0, 0)),
        extra_sources=[_source(s) for s in d.get("extra_sources", [])],
    )
