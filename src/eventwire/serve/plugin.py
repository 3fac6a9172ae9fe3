"""eventwire's Datasette plugin: the web app over an eventwire store.

Registered by entry point (``[project.entry-points.datasette] eventwire``), so
plain ``datasette events.db`` shows it; :func:`eventwire.serve.build_datasette`
registers it in-process when the package was not installed with its entry points.

- ``/-/eventwire/event/{event_id}``: every field, the merged counts (best, min,
  max, who said what) and each source's evidence sentence in its paragraph, with
  trigger, actors, place, date and numbers highlighted;
- ``/-/eventwire/timeline?by=day|week|month`` and the table's filters: events per
  period by type (inline SVG), links to the filtered table;
- ``/-/eventwire/map``: a clustered map coloured by event type over shipped
  Natural Earth country outlines (drawn under the tiles, so offline is no grey box);
  the events table page carries the same map below its rows;
- ``/-/eventwire/events.geojson``: the filters of ``eventwire events``, paged;
- metadata (facets, descriptions) for every served store, a month facet, a result
  cache for slow read queries (facets, counts), one-line logs for refused queries,
  405 for POSTs to pages.

Every page is rendered by Jinja with autoescape on and the map builds its popups
with DOM text nodes: text from articles is never trusted as HTML, and only
http(s) URLs become links.
"""
from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import sys
import traceback
import urllib.parse
from datetime import date, timedelta

import markupsafe
from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import path_with_added_args, path_with_removed_args
from datasette.utils.asgi import Base400, NotFound, Response

from . import highlight
from .cache import QueryCache
from .filters import FilterError, query_string, where_from_args

CONTEXT_CHARS = 600  # at most this much of an evidence sentence's paragraph on each side
MAX_BARS = 400  # timeline periods drawn at most
GEOJSON_SIZE, GEOJSON_MAX = 1000, 10000
TIMELINE_TIME_LIMIT_MS = 20000
PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TILE_URL = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
# ACLED's six event types, one colour each (map markers, clusters, timeline)
TYPE_COLORS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#1f77b4",
    "Strategic developments": "#7f7f7f",
}
OTHER_COLORS = ["#8c564b", "#e377c2", "#17becf", "#bcbd22"]


# ------------------------------------------------------------------ helpers


def _is_store_file(db) -> bool:
    if db.is_memory or not db.path:
        return False
    mode = "immutable=1" if not db.is_mutable else "mode=ro"
    try:
        conn = sqlite3.connect(f"file:{urllib.parse.quote(os.path.abspath(db.path))}?{mode}", uri=True)
        try:
            return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='events'").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def store_names(datasette) -> list[str]:
    """Names of the served databases that are eventwire stores (checked once per database)."""
    known = datasette.__dict__.setdefault("_eventwire_stores", {})
    out = []
    for name, db in list(datasette.databases.items()):
        if name == "_internal":
            continue
        if name not in known:
            known[name] = _is_store_file(db)
        if known[name]:
            out.append(name)
    return out


async def _store_db(datasette, request=None):
    """The database holding the events table (``?db=`` picks one when several are served)."""
    wanted = request.args.get("db") if request is not None else None
    for name in store_names(datasette):
        if not wanted or name == wanted:
            return datasette.databases[name]
    for name, db in datasette.databases.items():  # an in-memory store (tests)
        if name != "_internal" and (not wanted or name == wanted) and await db.table_exists("events"):
            return db
    raise NotFound("no eventwire store is served" + (f" under the name {wanted!r}" if wanted else ""))


def _table_url(datasette, db_name: str, pairs=(), **filters) -> str:
    items = list(pairs) + [(k, v) for k, v in filters.items() if v is not None]
    q = urllib.parse.urlencode(items)
    return datasette.urls.table(db_name, "events") + (f"?{q}" if q else "")


def event_url(datasette, event_id: str) -> str:
    return datasette.urls.path("/-/eventwire/event/" + urllib.parse.quote(str(event_id), safe=""))


def safe_url(url) -> str | None:
    """``url`` when it is an http(s) URL with a host, else None: nothing else may become a link."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    try:
        parts = urllib.parse.urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in u for c in "\x00\r\n\t"):
        return u
    return None


def type_colors(types) -> dict[str, str]:
    out, extra = {}, 0
    for t in types:
        if t in TYPE_COLORS:
            out[t] = TYPE_COLORS[t]
        else:
            out[t] = OTHER_COLORS[extra % len(OTHER_COLORS)]
            extra += 1
    return out


def tile_url() -> str:
    return os.environ.get("EVENTWIRE_TILE_URL", DEFAULT_TILE_URL)


def tile_attribution() -> str:
    if tile_url() == DEFAULT_TILE_URL:
        return TILE_ATTRIBUTION
    return os.environ.get("EVENTWIRE_TILE_ATTRIBUTION", "")


def _static(datasette, filename: str) -> str:
    """URL of one of eventwire's static files (Datasette names plugin folders after the plugin)."""
    name = datasette.__dict__.get("_eventwire_static_name")
    if name is None:
        from datasette.plugins import get_plugins

        static = os.path.join(PLUGIN_DIR, "static")
        name = next(
            (p["name"] for p in get_plugins() if p["static_path"] and os.path.abspath(p["static_path"]) == static),
            "eventwire",
        )
        datasette._eventwire_static_name = name
    return datasette.urls.static_plugins(name, filename)


async def _columns(db) -> list[str]:
    return await db.table_columns("events")


def _cut_left(text: str, a: int, limit: int) -> int:
    """Move ``a`` forward to just after a space (not past ``limit``) so an excerpt starts at a word."""
    if a <= 0:
        return 0
    sp = text.find(" ", a, limit)
    return sp + 1 if sp != -1 else a


def _cut_right(text: str, b: int, limit: int) -> int:
    if b >= len(text):
        return len(text)
    sp = text.rfind(" ", limit, b)
    return sp if sp != -1 else b


def _paragraph(text: str, st: int, en: int) -> tuple[int, int]:
    """The paragraph (line) holding ``text[st:en]``."""
    a = text.rfind("\n", 0, st) + 1
    b = text.find("\n", en)
    return a, len(text) if b == -1 else b


def excerpts(text: str, marks: list[dict], chars: int = CONTEXT_CHARS) -> list[dict]:
    """Each evidence span in its paragraph (at most ``chars`` on each side), overlapping windows merged.

    ``marks``: dicts with ``start``/``end`` (offsets into ``text``), ``title`` and optionally
    ``spans`` (highlights inside it: ``start``/``end``/``kind``/``label``, absolute offsets).
    Returns ``[{"pieces": [{"text", "mark", "title", "parts"}...], "cut_before", "cut_after"}]``;
    a marked piece's ``parts`` split it into plain text and highlights (``kind`` set).
    The template escapes every piece.
    """
    spans = sorted({(max(0, m["start"]), min(len(text), m["end"])): m for m in marks}.items())
    windows: list[list] = []  # [a, b, [(start, end, mark)]]
    for (st, en), m in spans:
        if en <= st:
            continue
        pa, pb = _paragraph(text, st, en)
        a = max(pa, _cut_left(text, st - chars, st)) if st - chars > pa else pa
        b = min(pb, _cut_right(text, en + chars, en)) if en + chars < pb else pb
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
            windows[-1][2].append((st, en, m))
        else:
            windows.append([a, b, [(st, en, m)]])
    out = []
    for a, b, ms in windows:
        pieces, pos = [], a
        for st, en, m in ms:
            st = max(st, pos)  # overlapping evidence: mark the rest only
            if en <= st:
                continue
            if st > pos:
                pieces.append({"text": text[pos:st], "mark": False, "title": "", "parts": []})
            pieces.append({"text": text[st:en], "mark": True, "title": m.get("title", ""),
                           "parts": _parts(text, st, en, m.get("spans") or [])})
            pos = en
        if b > pos:
            pieces.append({"text": text[pos:b], "mark": False, "title": "", "parts": []})
        out.append({"pieces": pieces, "cut_before": a > 0 and text[a - 1] != "\n", "cut_after": b < len(text) and text[b] != "\n"})
    return out


def _parts(text: str, st: int, en: int, spans: list[dict]) -> list[dict]:
    parts, pos = [], st
    for h in sorted(spans, key=lambda h: h["start"]):
        a, b = max(h["start"], pos), min(h["end"], en)
        if b <= a:
            continue
        if a > pos:
            parts.append({"text": text[pos:a], "kind": None, "label": ""})
        parts.append({"text": text[a:b], "kind": h["kind"], "label": h.get("label", "")})
        pos = b
    if pos < en:
        parts.append({"text": text[pos:en], "kind": None, "label": ""})
    return parts


def _fmt_range(best, rng) -> str:
    if best is None:
        return ""
    if rng and len(rng) == 2 and rng[0] != rng[1]:
        return f"{best} (reports: {rng[0]}–{rng[1]})"
    return str(best)


def _actor(a) -> str:
    if not a:
        return ""
    if isinstance(a, str):
        return a
    bits = [a.get("name") or ""]
    extra = ", ".join(x for x in (a.get("kind"), a.get("country")) if x)
    return f"{bits[0]} ({extra})" if extra else bits[0]


def _json_text(v) -> str:
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False, indent=1)
    return "" if v is None else str(v)


# ------------------------------------------------------------------ event page


async def event_page(datasette, request):
    event_id = request.url_vars["event_id"]
    db = await _store_db(datasette, request)
    rows = (await db.execute("SELECT * FROM events WHERE id = ?", [event_id])).rows
    if not rows:
        raise NotFound(f"no event {event_id!r}")
    ev = dict(rows[0])
    try:
        rec = json.loads(ev.get("record") or "{}")
    except ValueError:
        rec = {}
    src_rows = (
        await db.execute(
            """
            SELECT l.pos, m.id AS mention_id, m.article_id, m.sentence, m.span_start, m.span_end,
                   m.attributed_to, m.sub_event_type AS mention_sub_event_type, m.modality, m.data,
                   a.title, a.url, a.outlet, a.published, a.path, a.text
            FROM event_mentions l
            JOIN mentions m ON m.id = l.mention_id
            JOIN articles a ON a.id = m.article_id
            WHERE l.event_id = ?
            ORDER BY l.pos
            """,
            [event_id],
        )
    ).rows
    by_article: dict[str, dict] = {}
    texts: dict[str, str] = {}
    said: dict[str, list[dict]] = {}  # count kind -> [{source, value, attributed_to}]
    for r in src_rows:
        r = dict(r)
        text = r.pop("text") or ""
        try:
            mdata = json.loads(r.pop("data") or "{}")
        except ValueError:
            mdata = {}
        src = by_article.get(r["article_id"])
        if src is None:
            src = by_article[r["article_id"]] = {
                k: r.get(k) for k in ("article_id", "title", "url", "outlet", "published", "path")
            }
            src["safe_url"] = safe_url(r.get("url"))
            src["label"] = r.get("outlet") or r.get("title") or r.get("path") or r["article_id"]
            src.update(marks=[], attributed_to=[], read_as=[], modalities=[], loose=[], n_mentions=0)
            src["article_url"] = datasette.urls.row(db.name, "articles", urllib.parse.quote(r["article_id"], safe=""))
            src["n"] = len(by_article)
            texts[r["article_id"]] = text
        src["n_mentions"] += 1
        for key, val in (("attributed_to", r.get("attributed_to")), ("read_as", r.get("mention_sub_event_type")), ("modalities", r.get("modality"))):
            if val and val not in src[key]:
                src[key].append(val)
        counts = dict(mdata.get("counts") or {})
        if isinstance(mdata.get("fatalities"), int):
            counts.setdefault("fatalities", mdata["fatalities"])
        for kind, value in counts.items():
            if isinstance(value, (int, float)):
                said.setdefault(kind, []).append(
                    {"source": src["label"], "n": src["n"], "value": value, "attributed_to": r.get("attributed_to")}
                )
        sentence = r.get("sentence") or ""
        st, en = r.get("span_start"), r.get("span_end")
        if st is None or en is None or (sentence and text[st:en] != sentence):
            # the offsets do not point at the sentence: find it, else show the sentence on its own
            i = text.find(sentence) if sentence else -1
            st, en = (i, i + len(sentence)) if i >= 0 else (None, None)
        title = "; ".join(x for x in (r.get("mention_sub_event_type"), r.get("attributed_to") and f"according to {r['attributed_to']}") if x)
        if st is None:
            if sentence:
                src["loose"].append(sentence)
        else:
            src["marks"].append({"start": st, "end": en, "title": title, "spans": highlight.find_spans(text, st, en, mdata)})
    sources = []
    for aid, src in by_article.items():
        src["excerpts"] = excerpts(texts[aid], src.pop("marks"))
        src["excerpts"] += [
            {"pieces": [{"text": t, "mark": True, "title": "", "parts": []}], "cut_before": False, "cut_after": False}
            for t in src.pop("loose")
        ]
        sources.append(src)
    loc = rec.get("location") or {}
    dest = rec.get("destination") or {}
    counts = dict(rec.get("counts") or {})
    ranges = dict(rec.get("count_ranges") or {})
    if rec.get("fatalities") is not None or "fatalities" in said:
        counts = {"fatalities": rec.get("fatalities", ev.get("fatalities")), **{k: v for k, v in counts.items() if k != "fatalities"}}
        if rec.get("fatalities_range"):
            ranges["fatalities"] = rec["fatalities_range"]
    count_rows = []
    for kind in list(counts) + [k for k in said if k not in counts]:
        vals = [s["value"] for s in said.get(kind, [])]
        rng = ranges.get(kind)
        lo = rng[0] if rng else (min(vals) if vals else counts.get(kind))
        hi = rng[1] if rng else (max(vals) if vals else counts.get(kind))
        by_source: dict[str, dict] = {}
        for s in said.get(kind, []):
            e = by_source.setdefault(s["source"] + f"#{s['n']}", {"source": s["source"], "n": s["n"], "values": [], "attributed_to": []})
            if s["value"] not in e["values"]:
                e["values"].append(s["value"])
            if s["attributed_to"] and s["attributed_to"] not in e["attributed_to"]:
                e["attributed_to"].append(s["attributed_to"])
        count_rows.append({"kind": kind, "best": counts.get(kind), "min": lo, "max": hi, "said": list(by_source.values())})
    fields = [
        ("Event type", ev.get("event_type"), _table_url(datasette, db.name, event_type=ev.get("event_type"))),
        ("Sub-event type", ev.get("sub_event_type"), _table_url(datasette, db.name, sub_event_type=ev.get("sub_event_type"))),
        ("Date", _date_text(ev), _table_url(datasette, db.name, event_date=ev.get("event_date")) if ev.get("event_date") else None),
        ("Actor 1", _actor(rec.get("actor1")) or ev.get("actor1"), _table_url(datasette, db.name, actor1=ev.get("actor1")) if ev.get("actor1") else None),
        ("Actor 2", _actor(rec.get("actor2")) or ev.get("actor2"), _table_url(datasette, db.name, actor2=ev.get("actor2")) if ev.get("actor2") else None),
        ("Associated actors", "; ".join(_actor(a) for a in rec.get("associated_actors") or []), None),
        ("Location", _place_text(loc, ev), _table_url(datasette, db.name, country=ev.get("country"), location=ev.get("location")) if ev.get("location") else None),
        ("Country", ev.get("country"), _table_url(datasette, db.name, country=ev.get("country")) if ev.get("country") else None),
        ("Coordinates", f"{ev['latitude']:.4f}, {ev['longitude']:.4f}" if ev.get("latitude") is not None and ev.get("longitude") is not None else "", None),
        ("Destination", _place_text(dest, {}) if dest else "", None),
        ("Fatalities", _fmt_range(rec.get("fatalities", ev.get("fatalities")), rec.get("fatalities_range")), None),
        ("Counts", "; ".join(f"{k}: {_fmt_range(v, ranges.get(k))}" for k, v in (rec.get("counts") or {}).items()), None),
        ("Modality", rec.get("modality"), None),
        ("Sources", f"{ev.get('n_sources')} article(s), {ev.get('n_mentions')} mention(s)", None),
    ]
    fields = [(k, v, link) for k, v, link in fields if v not in (None, "")]
    shown = {"record", "profile"}
    all_fields = [("events." + k, _json_text(v)) for k, v in ev.items() if k not in shown]
    all_fields += [("record." + k, _json_text(v)) for k, v in rec.items() if k != "sources"]
    near = None
    if ev.get("latitude") is not None and ev.get("longitude") is not None:
        la, lo_ = ev["latitude"], ev["longitude"]
        near = datasette.urls.path("/-/eventwire/map") + "?" + urllib.parse.urlencode(
            {"bbox": f"{lo_ - 1:.3f},{la - 1:.3f},{lo_ + 1:.3f},{la + 1:.3f}"}
        )
    return Response.html(
        await datasette.render_template(
            "eventwire_event.html",
            {
                "event": ev,
                "summary": ev.get("summary") or rec.get("summary"),
                "fields": fields,
                "all_fields": all_fields,
                "count_rows": count_rows,
                "sources": sources,
                "labels": highlight.LABELS,
                "row_url": datasette.urls.row(db.name, "events", urllib.parse.quote(event_id, safe="")),
                "json_url": datasette.urls.row(db.name, "events", urllib.parse.quote(event_id, safe="")) + ".json",
                "timeline_url": datasette.urls.path("/-/eventwire/timeline")
                + (("?" + urllib.parse.urlencode({"country": ev["country"]})) if ev.get("country") else ""),
                "map_url": datasette.urls.path("/-/eventwire/map"),
                "near_url": near,
                "events_url": _table_url(datasette, db.name),
            },
            request=request,
        )
    )


def _date_text(ev: dict) -> str:
    d, e, p = ev.get("event_date"), ev.get("date_end"), ev.get("date_precision") or "unknown"
    if not d:
        return f"unknown (precision: {p})"
    if e and e != d:
        return f"{d} – {e} (precision: {p})"
    return f"{d} (precision: {p})"


def _place_text(loc: dict, ev: dict) -> str:
    name = loc.get("name") or ev.get("location")
    if not name:
        return ""
    bits = [x for x in (loc.get("admin1") or ev.get("admin1"), loc.get("country") or ev.get("country")) if x]
    prec = loc.get("precision") or ev.get("geo_precision")
    out = name + (f", {', '.join(bits)}" if bits else "")
    if loc.get("geonameid"):
        out += f" (GeoNames {loc['geonameid']})"
    return out + (f" [precision: {prec}]" if prec else "")


# ------------------------------------------------------------------ timeline


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _period_of(day: str, by: str) -> str:
    if by == "month":
        return day[:7]
    if by == "week":
        return _monday(date.fromisoformat(day)).isoformat()
    return day


def _next_period(p: str, by: str) -> str:
    if by == "month":
        y, m = int(p[:4]), int(p[5:7])
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return f"{y:04d}-{m:02d}"
    return (date.fromisoformat(p) + timedelta(days=7 if by == "week" else 1)).isoformat()


def _prev_period(p: str, by: str) -> str:
    if by == "month":
        y, m = int(p[:4]), int(p[5:7])
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        return f"{y:04d}-{m:02d}"
    return (date.fromisoformat(p) - timedelta(days=7 if by == "week" else 1)).isoformat()


def _periods(first: str, last: str, by: str) -> list[str]:
    """Every period key from first to last (so empty periods show as gaps), the last MAX_BARS of them."""
    out, p = [], last
    while p >= first and len(out) < MAX_BARS:
        out.append(p)
        p = _prev_period(p, by)
    return out[::-1]


def _period_range(p: str, by: str) -> tuple[str, str]:
    """First and last day of a period."""
    if by == "month":
        nxt = _next_period(p, by)
        return f"{p}-01", (date.fromisoformat(f"{nxt}-01") - timedelta(days=1)).isoformat()
    if by == "week":
        return p, (date.fromisoformat(p) + timedelta(days=6)).isoformat()
    return p, p


def _day_filter(a: str, b: str) -> list[tuple[str, str]]:
    """Datasette filters selecting events dated from day a to day b (index-friendly, no LIKE)."""
    return [("event_date__gte", a), ("event_date__lte", b)]


_PAGE_CACHE_SIZE = 64


async def _cached_page(datasette, request, db, build):
    """A rendered page (timeline, GeoJSON) kept per URL while the store's files do not change."""
    from collections import OrderedDict

    from .cache import file_version

    cache = datasette.__dict__.setdefault("_eventwire_pages", OrderedDict())
    key = (db.name, file_version(None if db.is_memory else db.path), request.path, request.query_string)
    hit = cache.get(key)
    if hit is not None:
        cache.move_to_end(key)
        body, content_type = hit
        return Response(body, content_type=content_type)
    response = await build()
    if response.status == 200 and not response.headers.get("x-eventwire-partial"):
        cache[key] = (response.body, response.content_type)
        while len(cache) > _PAGE_CACHE_SIZE:
            cache.popitem(last=False)
    return response


async def timeline_page(datasette, request):
    db = await _store_db(datasette, request)
    return await _cached_page(datasette, request, db, lambda: _timeline_page(datasette, request, db))


async def _timeline_page(datasette, request, db):
    by = request.args.get("by") or "month"
    if by not in ("day", "week", "month"):
        by = "month"
    try:
        where, params, said = where_from_args(request.args, await _columns(db))
    except FilterError as e:
        raise _BadRequest(str(e))
    carry = query_string(request.args, drop=("by", "db"))
    timed_out = False
    rows = []
    try:
        # one row per day (or month) and type, from the covering indexes (events_date_type,
        # events_country_date_type); week totals are summed here
        key = (
            "CASE WHEN length(event_date) >= 10 THEN substr(event_date, 1, 7) END" if by == "month"
            else "substr(event_date, 1, 10)"
        )
        rows = (
            await db.execute(
                f"SELECT {key} AS day, event_type, count(*) AS n FROM events{where} GROUP BY day, event_type",
                params,
                custom_time_limit=TIMELINE_TIME_LIMIT_MS,
            )
        ).rows
    except QueryInterrupted:
        timed_out = True
    counts: dict[str, dict[str, int]] = {}
    types: dict[str, int] = {}
    undated = 0
    for r in rows:
        day = r["day"]
        if not day or len(day) < (7 if by == "month" else 10):
            undated += r["n"]
            continue
        try:
            p = day if by == "month" else _period_of(day, by)
        except ValueError:
            undated += r["n"]
            continue
        t = r["event_type"] or "?"
        counts.setdefault(p, {})
        counts[p][t] = counts[p].get(t, 0) + r["n"]
        types[t] = types.get(t, 0) + r["n"]
    type_list = sorted(types, key=lambda t: (-types[t], t))
    colors = type_colors(type_list)
    periods = _periods(min(counts), max(counts), by) if counts else []
    truncated = bool(counts) and periods[0] > min(counts)
    bars = []
    peak = max((sum(v.values()) for p, v in counts.items() if p >= (periods[0] if periods else "")), default=0)
    for p in periods:
        a, b = _period_range(p, by)
        segs = []
        for t in type_list:
            n = counts.get(p, {}).get(t, 0)
            if n:
                segs.append({"type": t, "n": n, "color": colors[t], "url": _table_url(datasette, db.name, carry + _day_filter(a, b) + [("event_type", t)])})
        bars.append({"period": p, "total": sum(s["n"] for s in segs), "segments": segs, "url": _table_url(datasette, db.name, carry + _day_filter(a, b))})
    svg = _svg(bars, peak, by)
    return Response(content_type="text/html; charset=utf-8", headers={"x-eventwire-partial": "1"} if timed_out else {}, body=(
        await datasette.render_template(
            "eventwire_timeline.html",
            {
                "by": by,
                "said": said,
                "country": request.args.get("country"),
                "bars": bars,
                "svg": svg,
                "legend": [{"type": t, "color": colors[t], "n": types[t], "url": _table_url(datasette, db.name, carry, event_type=t)} for t in type_list],
                "undated": undated,
                "truncated": truncated,
                "timed_out": timed_out,
                "max_bars": MAX_BARS,
                "total": sum(types.values()),
                "events_url": _table_url(datasette, db.name, carry),
                "map_url": datasette.urls.path("/-/eventwire/map") + (("?" + urllib.parse.urlencode(carry)) if carry else ""),
                "by_urls": [(k, path_with_added_args(request, {"by": k})) for k in ("day", "week", "month")],
                "all_url": datasette.urls.path("/-/eventwire/timeline") + f"?by={by}",
            },
            request=request,
        )
    ))


def _svg(bars: list[dict], peak: int, by: str) -> markupsafe.Markup:
    """A stacked bar chart as inline SVG: every segment links to the filtered events table."""
    if not bars or not peak:
        return markupsafe.Markup("")
    esc = markupsafe.escape
    height, top, bottom, left = 240, 10, 70, 44
    bw = max(2, min(40, 1000 // max(1, len(bars))))
    gap = 2 if bw > 6 else (1 if bw > 2 else 0)
    width = left + len(bars) * bw + 10
    scale = (height - top - bottom) / peak
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ew-timeline" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="events per {by}">'
    ]
    base = height - bottom
    out.append(f'<line x1="{left}" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#999"/>')
    out.append(f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" font-size="10">{peak}</text>')
    out.append(f'<text x="{left - 4}" y="{base}" text-anchor="end" font-size="10">0</text>')
    label_every = max(1, len(bars) // 30)
    for i, b in enumerate(bars):
        x = left + i * bw
        y = base
        for s in b["segments"]:
            h = s["n"] * scale
            y -= h
            out.append(
                f'<a href="{esc(s["url"])}"><rect class="ew-bar" data-type="{esc(s["type"])}" data-n="{s["n"]}" '
                f'x="{x + gap / 2:.1f}" y="{y:.1f}" width="{bw - gap}" height="{h:.1f}" '
                f'fill="{esc(s["color"])}"><title>{esc(b["period"])}: {s["n"]} × {esc(s["type"])}</title></rect></a>'
            )
        if i % label_every == 0:
            out.append(
                f'<text x="{x + bw / 2:.1f}" y="{base + 6}" font-size="9" text-anchor="end" '
                f'transform="rotate(-60 {x + bw / 2:.1f} {base + 6})">{esc(b["period"])}</text>'
            )
    out.append("</svg>")
    return markupsafe.Markup("".join(out))


class _BadRequest(Base400):
    status = 400


# ------------------------------------------------------------------ GeoJSON and map

GEO_PROPS = (
    "id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "location",
    "fatalities", "n_sources", "summary",
)
GEO_COLUMNS = ("rowid", "latitude", "longitude") + GEO_PROPS


def _int_arg(request, names, default, hi):
    for n in names:
        v = request.args.get(n)
        if v:
            try:
                return max(1, min(hi, int(v)))
            except ValueError:
                raise _BadRequest(f"{n} must be a whole number, got {v!r}") from None
    return default


async def geojson_endpoint(datasette, request):
    db = await _store_db(datasette, request)
    return await _cached_page(datasette, request, db, lambda: _geojson(datasette, request, db))


async def _geojson(datasette, request, db):
    """``/-/eventwire/events.geojson``: events as GeoJSON Features, newest first, paged by ``next``.

    Filters: those of ``eventwire events`` (since, until, country, type, actor, bbox, min_sources)
    and Datasette's column filters; ``_size`` (or ``limit``; default 1000, at most 10000);
    ``_located=1`` leaves out events without coordinates; ``_record=1`` adds the full record.
    """
    try:
        where, params, said = where_from_args(request.args, await _columns(db))
    except FilterError as e:
        return Response.json({"ok": False, "error": str(e)}, status=400)
    size = _int_arg(request, ("_size", "limit"), GEOJSON_SIZE, GEOJSON_MAX)
    with_record = request.args.get("_record") in ("1", "on", "true")
    cols = ", ".join(GEO_COLUMNS) + (", record" if with_record else "")
    clauses = [where[len(" WHERE "):]] if where else []
    if request.args.get("_located") in ("1", "on", "true"):
        clauses.append("latitude IS NOT NULL AND longitude IS NOT NULL")
    cursor = request.args.get("_next") or ""
    # keyset paging on (event_date DESC, rowid DESC), undated events last
    dated_part = True
    if cursor.startswith("d:"):
        try:
            _, day, rid = cursor.split(":", 2)
            rid = int(rid)
        except ValueError:
            return Response.json({"ok": False, "error": f"_next: not a cursor of this endpoint: {cursor!r}"}, status=400)
        params = dict(params, ew_d=day, ew_r=rid)
        extra = ["event_date <= :ew_d AND NOT (event_date = :ew_d AND rowid >= :ew_r)"]
    elif cursor.startswith("u:"):
        try:
            rid = int(cursor[2:])
        except ValueError:
            return Response.json({"ok": False, "error": f"_next: not a cursor of this endpoint: {cursor!r}"}, status=400)
        params = dict(params, ew_r=rid)
        dated_part = False
        extra = ["event_date IS NULL AND rowid < :ew_r"]
    elif cursor:
        return Response.json({"ok": False, "error": f"_next: not a cursor of this endpoint: {cursor!r}"}, status=400)
    else:
        extra = []
    rows = []
    try:
        if dated_part:
            w = " AND ".join(f"({c})" for c in clauses + extra + ["event_date IS NOT NULL"])
            rows = list((await db.execute(
                f"SELECT {cols} FROM events WHERE {w} ORDER BY event_date DESC, rowid DESC LIMIT {size + 1}", params
            )).rows)
        if len(rows) <= size:
            w = " AND ".join(f"({c})" for c in clauses + (extra if not dated_part else []) + ["event_date IS NULL"])
            need = size + 1 - len(rows)
            rows += list((await db.execute(
                f"SELECT {cols} FROM events WHERE {w} ORDER BY rowid DESC LIMIT {need}", params
            )).rows)
    except QueryInterrupted:
        return Response.json({"ok": False, "error": "the query took too long: narrow the filter (country, since/until, bbox)"}, status=400)
    more = len(rows) > size
    rows = rows[:size]
    feats = []
    prefix = datasette.urls.path("/-/eventwire/event/")
    quote = urllib.parse.quote
    last = None
    for r in rows:
        rowid, lat, lon = r[0], r[1], r[2]
        props = dict(zip(GEO_PROPS, tuple(r)[3 : 3 + len(GEO_PROPS)]))
        props["url"] = prefix + quote(props["id"], safe="")
        if with_record:
            try:
                props["record"] = json.loads(r["record"] or "null")
            except ValueError:
                props["record"] = None
        geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feats.append({"type": "Feature", "id": props["id"], "geometry": geom, "properties": props})
        last = (props["event_date"], rowid)
    nxt = None
    if more and last:
        day, rid = last
        token = f"d:{day}:{rid}" if day is not None else f"u:{rid}"
        nxt = datasette.absolute_url(request, datasette.urls.path("/-/eventwire/events.geojson")) + "?" + urllib.parse.urlencode(
            [(k, v) for k in request.args.keys() if k != "_next" for v in request.args.getlist(k)] + [("_next", token)]
        )
    body = {"type": "FeatureCollection", "numberReturned": len(feats), "filters": said, "next": nxt, "features": feats}
    return Response(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        content_type="application/geo+json; charset=utf-8",
        headers={"Access-Control-Allow-Origin": "*"} if datasette.cors else {},
    )


def map_config(datasette, db_name: str, request=None) -> dict:
    return {
        "geojson": datasette.urls.path("/-/eventwire/events.geojson"),
        "basemap": _static(datasette, "world-110m.geojson"),
        "tiles": tile_url(),
        "attribution": tile_attribution(),
        "colors": TYPE_COLORS,
        "other_colors": OTHER_COLORS,
        "page_size": 5000,
        "max_markers": 50000,
        "timeline": datasette.urls.path("/-/eventwire/timeline"),
        "map": datasette.urls.path("/-/eventwire/map"),
        "table": datasette.urls.table(db_name, "events"),
        "db": db_name,
    }


def _asset_urls(datasette):
    s = datasette.urls.static_plugins
    return {
        "css": [s("datasette-leaflet", "leaflet-v1.7.1.css"), s("datasette-cluster-map", "leaflet.markercluster.css"), _static(datasette, "eventwire.css")],
        "js": [s("datasette-leaflet", "leaflet-v1.7.1.js"), s("datasette-cluster-map", "leaflet.markercluster.js"), _static(datasette, "eventwire-map.js")],
    }


async def map_page(datasette, request):
    db = await _store_db(datasette, request)
    try:
        _, _, said = where_from_args(request.args, await _columns(db))
    except FilterError as e:
        raise _BadRequest(str(e))
    carry = query_string(request.args, drop=("db",))
    q = ("?" + urllib.parse.urlencode(carry)) if carry else ""
    cfg = map_config(datasette, db.name, request)
    return Response.html(
        await datasette.render_template(
            "eventwire_map.html",
            {
                "said": said,
                "assets": _asset_urls(datasette),
                "config_json": markupsafe.Markup(_script_json(cfg)),
                "args": {k: request.args.get(k) or "" for k in ("since", "until", "country", "type", "actor", "bbox", "min_sources")},
                "events_url": _table_url(datasette, db.name, carry),
                "timeline_url": datasette.urls.path("/-/eventwire/timeline") + q,
                "geojson_url": datasette.urls.path("/-/eventwire/events.geojson") + q,
            },
            request=request,
        )
    )


def _script_json(obj) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(obj).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# ------------------------------------------------------------------ metadata


def store_metadata(name: str) -> dict:
    """Datasette metadata for one store: descriptions, default facets, sort; the cluster-map plugin off (ours draws)."""
    return {
        "description": "An eventwire store: articles, the event mentions read from them, and the merged events.",
        "tables": {
            "events": {
                "description_html": (
                    "One row per real-world happening, merged across sentences and outlets; "
                    "click a summary for its sources' evidence."
                ),
                "facets": ["event_type", "sub_event_type", "country", "actor1", {"month": "event_date"}],
                "facet_size": 5,
                "size": 20,  # rows per page: the page renders in a fraction of the time of 100
                "sort_desc": "event_date",
                "label_column": "summary",
                "plugins": {
                    # our own map (the GeoJSON endpoint, coloured by type, with a basemap) replaces it
                    "datasette-cluster-map": {"latitude_column": "_no_such_column", "longitude_column": "_no_such_column"}
                },
            },
            "articles": {
                "description": "The stored articles (full text, searchable); id is a content hash.",
                "facets": ["outlet"],
                "sort_desc": "published",
            },
            "mentions": {
                "description": "One event read from one sentence of one article, before merging; "
                "span_start/span_end are character offsets of the evidence sentence in articles.text.",
                "facets": ["event_type", "modality"],
            },
            "event_mentions": {"description": "Which mention belongs to which event (pos: its order in the event)."},
            "event_sources": {"description": "Each event's evidence sentences with their article."},
            "event_blocks": {"description": "Merge blocking keys (country, week): internal.", "hidden": True},
            "schema_version": {"description": "Applied schema migrations.", "hidden": True},
        },
    }


INSTANCE_METADATA = {
    "title": "eventwire: conflict events from news",
    "description_html": (
        "ACLED-style event records read from news articles by eventwire: "
        '<a href="/-/eventwire/map">map</a>, <a href="/-/eventwire/timeline">timeline</a>; '
        "open an event from the <code>summary</code> column of the events table."
    ),
    "license": "Places: GeoNames, CC BY 4.0",
    "license_url": "https://creativecommons.org/licenses/by/4.0/",
    "source": "GeoNames gazetteer (geonames.org); basemap: Natural Earth",
    "source_url": "https://www.geonames.org/",
}


@hookimpl
def get_metadata(datasette, key, database, table):
    names = store_names(datasette)
    if not names:
        return {}
    return dict(INSTANCE_METADATA, databases={n: store_metadata(n) for n in names})


# ------------------------------------------------------------------ hooks


@hookimpl
def register_routes():
    return [
        (r"^/-/eventwire/event/(?P<event_id>[^/]+)$", event_page),
        (r"^/-/eventwire/timeline$", timeline_page),
        (r"^/-/eventwire/map$", map_page),
        (r"^/-/eventwire/events\.geojson$", geojson_endpoint),
        (r"^/-/eventwire/cache\.json$", cache_stats),
    ]


async def cache_stats(datasette):
    """The query cache's counters (entries, hits, misses, background queries pending)."""
    cache = datasette.__dict__.get("_eventwire_cache")
    return Response.json(cache.stats() if cache else {})


@hookimpl
def startup(datasette):
    async def inner():
        from datasette.plugins import pm

        # Datasette's default exception hook prints a rich traceback with locals (~100 lines) for
        # every refused query, even when another hook answers: ours answers the same page, one line
        default = pm.get_plugin("datasette.handle_exception")
        if default is not None:
            pm.unregister(default)
        cache = datasette.__dict__.setdefault("_eventwire_cache", QueryCache())
        names = store_names(datasette)
        for n in names:
            cache.wrap(datasette.databases[n])
        if names and os.environ.get("EVENTWIRE_SERVE_WARM", "1") != "0":
            asyncio.get_running_loop().create_task(_warm(datasette, names))

    return inner


async def _warm(datasette, names):
    """Fill the query cache with what the first visitor asks (the table page's facets, the timeline)."""
    for n in names:
        for path in (datasette.urls.table(n, "events") + "?_size=1", "/-/eventwire/timeline?db=" + urllib.parse.quote(n)):
            try:
                await datasette.client.get(path)
            except Exception as e:  # pragma: no cover - warming is best effort
                print(f"eventwire serve: warming {path}: {e}", file=sys.stderr)


@hookimpl
def asgi_wrapper(datasette):
    """Pages are read-only: a POST (or PUT, DELETE...) outside ``/-/`` is answered 405, not 500."""

    def wrap(app):
        async def inner(scope, receive, send):
            if scope.get("type") == "http" and scope.get("method", "GET") not in ("GET", "HEAD", "OPTIONS") and not scope.get("path", "").startswith("/-/"):
                await send({"type": "http.response.start", "status": 405,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", b"GET, HEAD")]})
                await send({"type": "http.response.body", "body": b"405: this server is read-only; use GET\n"})
                return
            await app(scope, receive, send)

        return inner

    return wrap


@hookimpl
def handle_exception(datasette, request, exception):
    """One line on stderr per refused or failed request (Datasette's default prints a long traceback with locals)."""
    from datasette.views.base import DatasetteError

    async def inner():
        if getattr(datasette, "pdb", False):  # pragma: no cover - datasette --pdb
            import pdb

            pdb.post_mortem(exception.__traceback__)
        title = None
        if isinstance(exception, Base400):
            status, info, message = exception.status, {}, exception.args[0] if exception.args else str(exception)
        elif isinstance(exception, DatasetteError):
            status, info, message = exception.status, dict(exception.error_dict or {}), exception.message
            if exception.message_is_html:
                message = markupsafe.Markup(message)
            title = exception.title
        elif isinstance(exception, QueryInterrupted):
            status, info, message = 400, {}, "SQL query took too long: narrow the filter"
        else:
            status, info, message = 500, {}, str(exception)
        line = " ".join(str(message).split())[:300]
        print(f"eventwire serve: {status} {request.method} {request.path}: {type(exception).__name__}: {line}", file=sys.stderr, flush=True)
        if status == 500 and os.environ.get("EVENTWIRE_SERVE_TRACEBACK"):
            traceback.print_exception(exception)
        info.update({"ok": False, "error": message, "status": status, "title": title})
        if request.path.split("?")[0].endswith((".json", ".geojson")):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        return Response.html(
            await template.render_async(
                dict(info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(), menu_links=lambda: [])
            ),
            status=status,
        )

    return inner


@hookimpl
def extra_css_urls(view_name, table, database, datasette):
    if view_name == "table" and table == "events" and database in store_names(datasette):
        return _asset_urls(datasette)["css"]
    return []


@hookimpl
def extra_js_urls(view_name, table, database, datasette):
    if view_name == "table" and table == "events" and database in store_names(datasette):
        # datasette-leaflet's Leaflet is an ES module (it sets window.L); module scripts run in order
        return [{"url": u, "module": True} for u in _asset_urls(datasette)["js"]]
    return []


@hookimpl
def extra_body_script(view_name, table, database, datasette, request):
    if view_name == "table" and table == "events" and database in store_names(datasette):
        cfg = map_config(datasette, database, request)
        cfg["table_page"] = True
        return "window.EVENTWIRE_MAP = " + _script_json(cfg) + ";"
    return ""


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Events table: the summary and record cells link to the event page; event ids elsewhere too."""
    if value is None:
        return None
    if table == "events" and column == "summary":
        return markupsafe.Markup(
            '<a href="{}" title="event page: sources and evidence">{}</a>'.format(
                markupsafe.escape(event_url(datasette, row["id"])), markupsafe.escape(value)
            )
        )
    if table == "events" and column == "record":
        return markupsafe.Markup(
            '<a href="{}" title="the full record: this row as JSON">event page ›</a>'.format(
                markupsafe.escape(event_url(datasette, row["id"]))
            )
        )
    if table == "events" and column == "profile":  # merge internals: keep the table readable (JSON has it all)
        return markupsafe.Markup('<span style="color:#888">{}…</span>').format(str(value)[:40])
    if table == "events" and column == "id":  # the row page (the table view shows id as the row link)
        return markupsafe.Markup(
            '{} (<a href="{}">event page</a>)'.format(markupsafe.escape(value), markupsafe.escape(event_url(datasette, value)))
        )
    if table in ("event_sources", "event_mentions") and column == "event_id" and isinstance(value, str):
        return markupsafe.Markup(
            '<a href="{}">{}</a>'.format(markupsafe.escape(event_url(datasette, value)), markupsafe.escape(value))
        )
    if column == "url" and isinstance(value, str) and not safe_url(value):
        return markupsafe.escape(value)  # shown as text, never a link
    return None


@hookimpl
def menu_links(datasette):
    return [
        {"href": datasette.urls.path("/-/eventwire/map"), "label": "eventwire map"},
        {"href": datasette.urls.path("/-/eventwire/timeline"), "label": "eventwire timeline"},
    ]


@hookimpl
def table_actions(datasette, database, table, request):
    if table == "events":
        carry = query_string(request.args) if request is not None else []
        q = ("?" + urllib.parse.urlencode(carry)) if carry else ""
        return [
            {"href": datasette.urls.path("/-/eventwire/map") + q, "label": "Map of these events"},
            {"href": datasette.urls.path("/-/eventwire/timeline") + q, "label": "Timeline of these events"},
            {"href": datasette.urls.path("/-/eventwire/events.geojson") + q, "label": "These events as GeoJSON"},
        ]
    return None


@hookimpl
def register_facet_classes():
    return [MonthFacet]


class MonthFacet(Facet):
    """``{"month": "event_date"}``: counts per YYYY-MM, newest first; selecting one filters ``__gte``/``__lt``
    (index-friendly: Datasette's ``__startswith`` is a LIKE, which scans the table)."""

    type = "month"

    async def suggest(self):
        return []

    async def facet_results(self):
        results, timed_out = [], []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for sc in self.get_configs():
            config, source = sc["config"], sc["source"]
            column = config.get("column") or config["simple"]
            col = '"' + column.replace('"', '""') + '"'
            sql = (
                f"SELECT substr({col}, 1, 7) AS value, count(*) AS count FROM ({self.sql}) "
                f"WHERE {col} >= '0000' GROUP BY value ORDER BY value DESC LIMIT {size + 1}"
            )
            try:
                rows = await self.ds.execute(
                    self.database, sql, self.params, truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            gte, lt = f"{column}__gte", f"{column}__lt"
            values = []
            for r in rows.rows[:size]:
                v = r["value"]
                if not v or len(v) != 7 or not v[:4].isdigit():
                    continue
                lo, hi = f"{v}-01", f"{_next_period(v, 'month')}-01"
                selected = args.get(gte) == lo and args.get(lt) == hi
                if selected:
                    path = path_with_removed_args(self.request, {gte: lo, lt: hi})
                else:
                    path = path_with_added_args(self.request, {gte: lo, lt: hi})
                values.append({
                    "value": v, "label": v, "count": r["count"],
                    "toggle_url": self.ds.absolute_url(self.request, path), "selected": selected,
                })
            results.append({
                "name": column,  # Datasette shows "event_date (month)"
                "type": self.type,
                "results": values,
                "hideable": source != "metadata",
                "toggle_url": path_with_removed_args(self.request, {"_facet_month": column}),
                "truncated": len(rows.rows) > size,
            })
        return results, timed_out
