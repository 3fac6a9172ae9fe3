"""The filters of ``eventwire events`` (and Datasette's column filters) as one SQL WHERE clause.

Shared by the GeoJSON endpoint, the map and the timeline, so the map and the
timeline of a table page show the rows that page filters.

- eventwire's names: ``since``, ``until`` (YYYY-MM-DD; the event's date range
  must touch the period), ``country`` (ISO codes or names, comma-separated),
  ``type`` (event type or sub-type, comma-separated), ``actor`` (part of an
  actor's name), ``bbox`` (min_lon,min_lat,max_lon,max_lat), ``min_sources``;
- any other ``column``/``column__op`` argument naming a column of ``events``
  is read as Datasette reads it (``event_date__gte=2020-01-01``,
  ``event_type=Riots``); arguments starting with ``_`` are left alone.

The clauses are written so that SQLite can use the store's indexes (``country IN``
rather than ``UPPER(country) IN``: countries are stored as upper-case ISO codes).
"""
from __future__ import annotations

from datetime import date

from datasette.filters import Filters

EVENTWIRE_KEYS = ("since", "until", "country", "type", "actor", "bbox", "min_sources", "min-sources")


class FilterError(ValueError):
    """A filter value that cannot be read (answered with HTTP 400)."""


def _country_codes(value: str) -> list[str]:
    from ..store import _country_codes as codes

    return codes(value)


def _iso_day(name: str, value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise FilterError(f"{name} must be YYYY-MM-DD, got {value!r}") from None


def where_from_args(args, columns: list[str]) -> tuple[str, dict, list[str]]:
    """``(" WHERE ...", params, descriptions)`` for a request's query arguments (a MultiParams or dict)."""
    get = args.get
    clauses: list[str] = []
    params: dict = {}
    said: list[str] = []

    def p(value) -> str:
        k = f"ew{len(params)}"
        params[k] = value
        return ":" + k

    since, until = get("since"), get("until")
    if since:
        s = _iso_day("since", since)
        # COALESCE(date_end, event_date) >= since, written so the date index serves it
        clauses.append(f"(event_date >= {p(s)} OR date_end >= {p(s)})")
        said.append(f"since {s}")
    if until:
        u = _iso_day("until", until)
        clauses.append(f"event_date <= {p(u + '~')}")  # '~' sorts after any time part of the day
        said.append(f"until {u}")
    country = get("country")
    if country:
        codes = _country_codes(country)
        if codes:
            clauses.append(f"country IN ({', '.join(p(c) for c in codes)})")
            said.append("country " + ", ".join(codes))
    typ = get("type")
    if typ:
        types = [t.strip() for t in typ.split(",") if t.strip()]
        ors = []
        for t in types:
            ors.append(f"event_type = {p(t)} COLLATE NOCASE OR sub_event_type = {p(t)} COLLATE NOCASE")
        if ors:
            clauses.append("(" + " OR ".join(ors) + ")")
            said.append("type " + ", ".join(types))
    actor = get("actor")
    if actor:
        like = p(f"%{actor}%")
        clauses.append(
            f"(actor1 LIKE {like} OR actor2 LIKE {like} OR EXISTS (SELECT 1 FROM json_each(record, '$.associated_actors') aa"
            f" WHERE json_extract(aa.value, '$.name') LIKE {like}))"
        )
        said.append(f"actor like {actor!r}")
    bbox = get("bbox")
    if bbox:
        try:
            x0, y0, x1, y1 = (float(x) for x in bbox.split(","))
        except ValueError:
            raise FilterError(f"bbox must be min_lon,min_lat,max_lon,max_lat, got {bbox!r}") from None
        clauses.append(
            f"longitude BETWEEN {p(min(x0, x1))} AND {p(max(x0, x1))} AND latitude BETWEEN {p(min(y0, y1))} AND {p(max(y0, y1))}"
        )
        said.append(f"in {bbox}")
    ms = get("min_sources") or get("min-sources")
    if ms:
        try:
            n = int(ms)
        except ValueError:
            raise FilterError(f"min_sources must be a whole number, got {ms!r}") from None
        clauses.append(f"n_sources >= {p(n)}")
        said.append(f"at least {n} source(s)")

    # Datasette's column filters (what the table page's links carry)
    cols = set(columns)
    pairs = []
    keys = args.keys() if hasattr(args, "keys") else []
    for key in keys:
        if key.startswith("_") or key in EVENTWIRE_KEYS:
            continue
        column = key.rsplit("__", 1)[0] if "__" in key else key
        if column not in cols:
            continue
        values = args.getlist(key) if hasattr(args, "getlist") else [args[key]]
        for v in values:
            if v != "":
                pairs.append((key, v))
    if pairs:
        bits, dparams = Filters(sorted(pairs)).build_where_clauses("events")
        # Datasette names its parameters p0, p1...; ours are ew0...: no clash
        clauses.extend(bits)
        params.update(dparams)
        said.append(Filters(sorted(pairs)).human_description_en()[len("where "):])
    where = (" WHERE " + " AND ".join(f"({c})" for c in clauses)) if clauses else ""
    return where, params, said


def query_string(args, drop: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The filter arguments of a request (no ``_`` arguments) as pairs, to carry into another page's links."""
    out = []
    for key in args.keys():
        if key.startswith("_") or key in drop:
            continue
        for v in args.getlist(key):
            if v != "":
                out.append((key, v))
    return out
