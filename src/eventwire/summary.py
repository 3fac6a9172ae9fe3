"""One sentence per event in the style of a human coder's notes, built from its fields."""
from __future__ import annotations

from .records import Event


def summarize(event: Event) -> str:
    parts = []
    when = event.date.start.isoformat() if event.date.known else "On an unknown date"
    if event.date.known and event.date.precision != "day":
        when = {"week": "In the week of ", "month": "In ", "year": "In "}[event.date.precision] + (
            event.date.start.strftime("%B %Y") if event.date.precision == "month"
            else str(event.date.start.year) if event.date.precision == "year"
            else event.date.start.isoformat()
        )
    elif event.date.known:
        when = "On " + when
    parts.append(when + ",")
    a1 = event.actor1.name if event.actor1 else "unidentified actors"
    parts.append(f"{a1}:")
    parts.append(event.sub_event_type.lower())
    if event.actor2:
        parts.append(f"involving {event.actor2.name}")
    if event.location:
        parts.append(f"in {event.location.name}" + (f" ({event.location.country})" if event.location.country else ""))
    if event.destination:
        parts.append(f"toward {event.destination.name}")
    text = " ".join(parts)
    extras = []
    if event.fatalities is not None:
        extras.append(f"{event.fatalities} killed")
    for k, v in event.counts.items():
        if k != "killed":
            extras.append(f"{v} {k}")
    if extras:
        text += "; " + ", ".join(extras)
    if event.modality != "asserted":
        text += f" ({event.modality})"
    return text + "."
