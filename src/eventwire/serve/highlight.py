"""What to highlight inside an evidence sentence, from what the store keeps of its mention.

A stored mention (``mentions.data``) has the trigger's character span in the
article, the canonical names of its actors, its place, its date and its counts;
not the character spans of the actors, place, date or numbers.  Those are found
again in the sentence: the place name and actor names as written (letters
matched case-insensitively, spaces and hyphens interchangeable), numbers whose
value is one of the mention's counts (digits or number words), and the date
expressions of news prose (weekdays, months, ``yesterday``, ISO dates).  What
cannot be found is not marked: a canonical actor name such as "Military Forces
of Somalia" rarely appears as such.
"""
from __future__ import annotations

import re

KINDS = ("trigger", "number", "actor", "place", "date")  # priority when two overlap
LABELS = {"trigger": "event trigger", "number": "count", "actor": "actor", "place": "place", "date": "date"}

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_VALUE = {w: i for i, w in enumerate(_UNITS)} | _TENS | {"a dozen": 12, "dozen": 12, "hundred": 100, "a hundred": 100}
_NUMBER_RE = re.compile(
    r"\b(?:\d{1,3}(?:,\d{3})+|\d+)\b|\b(?:a\s+)?(?:" + "|".join(sorted(_WORD_VALUE, key=len, reverse=True))
    + r")(?:[\s-](?:" + "|".join(_UNITS[1:10]) + r"))?\b",
    re.I,
)
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_RE = re.compile(
    r"\b(?:(?:on\s+|last\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|(?:in\s+)?{_MONTHS}\s+\d{{4}}"
    r"|yesterday|today|tonight|overnight|last\s+(?:night|week|month|year)|earlier\s+this\s+(?:week|month)"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.I,
)


def number_value(token: str) -> int | None:
    t = re.sub(r"\s+", " ", token.lower().replace("-", " ")).strip()
    if t.replace(",", "").isdigit():
        return int(t.replace(",", ""))
    if t in _WORD_VALUE:
        return _WORD_VALUE[t]
    parts = t.split(" ")
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _WORD_VALUE:
        return _TENS[parts[0]] + _WORD_VALUE[parts[1]]
    return None


def _name_pattern(name: str) -> re.Pattern | None:
    name = re.sub(r"\s*\(.*?\)\s*", " ", name or "").strip()
    words = [re.escape(w) for w in re.split(r"[\s\-]+", name) if w]
    if not words or len("".join(words)) < 3:
        return None
    return re.compile(r"(?<!\w)" + r"[\s\-]*".join(words) + r"(?!\w)", re.I)


def find_spans(text: str, start: int, end: int, mention: dict) -> list[dict]:
    """Highlights within ``text[start:end]`` (absolute offsets): ``[{"start", "end", "kind", "label"}]``, no overlaps."""
    sent = text[start:end]
    found: list[tuple[int, int, str, str]] = []
    ts = mention.get("trigger_span")
    if ts and len(ts) == 2 and start <= ts[0] < ts[1] <= end:
        found.append((ts[0], ts[1], "trigger", f"trigger: {mention.get('sub_event_type') or mention.get('event_type') or ''}"))
    elif mention.get("trigger"):
        pat = _name_pattern(mention["trigger"])
        m = pat.search(sent) if pat else None
        if m:
            found.append((start + m.start(), start + m.end(), "trigger", "trigger"))
    values = {v for v in (mention.get("counts") or {}).values() if isinstance(v, int)}
    if isinstance(mention.get("fatalities"), int):
        values.add(mention["fatalities"])
    names = {v: k for k, v in (mention.get("counts") or {}).items() if isinstance(v, int)}
    for m in _NUMBER_RE.finditer(sent):
        v = number_value(m.group(0))
        if v is not None and v in values:
            found.append((start + m.start(), start + m.end(), "number", f"count: {names.get(v, 'killed')} = {v}"))
    roles = [("actor1", mention.get("actor1")), ("actor2", mention.get("actor2"))]
    roles += [("associated actor", a) for a in mention.get("associated_actors") or []]
    for role, actor in roles:
        name = actor.get("name") if isinstance(actor, dict) else actor
        pat = _name_pattern(name) if name else None
        for m in pat.finditer(sent) if pat else ():
            found.append((start + m.start(), start + m.end(), "actor", f"{role}: {name}"))
    for key, what in (("location", "place"), ("destination", "destination")):
        loc = mention.get(key) or {}
        for field in ("name", "admin1"):
            pat = _name_pattern(loc.get(field) or "")
            for m in pat.finditer(sent) if pat else ():
                found.append((start + m.start(), start + m.end(), "place", f"{what}: {loc.get('name')}"))
    d = mention.get("date") or {}
    when = d.get("start") if isinstance(d, dict) else d
    for m in _DATE_RE.finditer(sent):
        found.append((start + m.start(), start + m.end(), "date", f"date: {when or 'as written'}"))
    # keep the first of overlapping spans in priority order
    found.sort(key=lambda f: (KINDS.index(f[2]), f[0]))
    kept: list[tuple[int, int, str, str]] = []
    for f in found:
        if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
            kept.append(f)
    kept.sort()
    return [{"start": a, "end": b, "kind": k, "label": lab} for a, b, k, lab in kept]
