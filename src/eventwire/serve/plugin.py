"""eventwire's Datasette plugin: event page, timeline, links from the events table, a month facet.

Registered in-process by :func:`eventwire.serve.build_datasette` (``pm.register``).
Every page is rendered by Jinja with autoescape on: text from articles is never
trusted as HTML.
"""
from __future__ import annotations

import json
import urllib.parse
from datetime import date, timedelta

import markupsafe
from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import path_with_added_args, path_with_removed_args
from datasette.utils.asgi import NotFound, Response

CONTEXT_CHARS = 240  # article text shown on each side of an evidence sentence
MAX_BARS = 400  # timeline periods drawn at most


# ------------------------------------------------------------------ helpers


async def _store_db(datasette, request=None):
    """The database holding the events table (``?db=`` picks one when several are served)."""
    wanted = request.args.get("db") if request is not None else None
    for name, db in datasette.databases.items():
        if name == "_internal" or (wanted and name != wanted):
            continue
        if await db.table_exists("events"):
            return db
    raise NotFound("no eventwire store is served" + (f" under the name {wanted!r}" if wanted else ""))


def _table_url(datasette, db_name: str, **filters) -> str:
    q = urllib.parse.urlencode({k: v for k, v in filters.items() if v is not None})
    return datasette.urls.table(db_name, "events") + (f"?{q}" if q else "")


def event_url(datasette, event_id: str) -> str:
    return datasette.urls.path("/-/eventwire/event/" + urllib.parse.quote(str(event_id), safe=""))


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


def excerpts(text: str, marks: list[dict], chars: int = CONTEXT_CHARS) -> list[dict]:
    """The article text around each evidence span, overlapping windows merged.

    ``marks``: dicts with ``start``/``end`` (offsets into ``text``) and ``title``.
    Returns ``[{"pieces": [{"text", "mark", "title"}...], "cut_before", "cut_after"}]``;
    the template escapes every piece.
    """
    spans = sorted({(max(0, m["start"]), min(len(text), m["end"])): m for m in marks}.items())
    windows: list[list] = []  # [a, b, [(start, end, mark)]]
    for (st, en), m in spans:
        if en <= st:
            continue
        a, b = _cut_left(text, st - chars, st), _cut_right(text, en + chars, en)
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
                pieces.append({"text": text[pos:st], "mark": False, "title": ""})
            pieces.append({"text": text[st:en], "mark": True, "title": m.get("title", "")})
            pos = en
        if b > pos:
            pieces.append({"text": text[pos:b], "mark": False, "title": ""})
        out.append({"pieces": pieces, "cut_before": a > 0, "cut_after": b < len(text)})
    return out


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
                   m.attributed_to, m.sub_event_type AS mention_sub_event_type, m.modality,
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
    for r in src_rows:
        r = dict(r)
        text = r.pop("text") or ""
        src = by_article.get(r["article_id"])
        if src is None:
            src = by_article[r["article_id"]] = {
                k: r.get(k) for k in ("article_id", "title", "url", "outlet", "published", "path")
            }
            src.update(marks=[], attributed_to=[], read_as=[], modalities=[], loose=[], n_mentions=0)
            src["article_url"] = datasette.urls.row(db.name, "articles", urllib.parse.quote(r["article_id"], safe=""))
            texts[r["article_id"]] = text
        src["n_mentions"] += 1
        for key, val in (("attributed_to", r.get("attributed_to")), ("read_as", r.get("mention_sub_event_type")), ("modalities", r.get("modality"))):
            if val and val not in src[key]:
                src[key].append(val)
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
            src["marks"].append({"start": st, "end": en, "title": title})
    sources = []
    for aid, src in by_article.items():
        src["excerpts"] = excerpts(texts[aid], src.pop("marks"))
        src["excerpts"] += [
            {"pieces": [{"text": t, "mark": True, "title": ""}], "cut_before": False, "cut_after": False}
            for t in src.pop("loose")
        ]
        sources.append(src)
    loc = rec.get("location") or {}
    dest = rec.get("destination") or {}
    counts = rec.get("counts") or {}
    ranges = rec.get("count_ranges") or {}
    fields = [
        ("Event type", ev.get("event_type"), _table_url(datasette, db.name, event_type=ev.get("event_type"))),
        ("Sub-event type", ev.get("sub_event_type"), _table_url(datasette, db.name, sub_event_type=ev.get("sub_event_type"))),
        ("Date", _date_text(ev), None),
        ("Actor 1", _actor(rec.get("actor1")) or ev.get("actor1"), _table_url(datasette, db.name, actor1=ev.get("actor1")) if ev.get("actor1") else None),
        ("Actor 2", _actor(rec.get("actor2")) or ev.get("actor2"), _table_url(datasette, db.name, actor2=ev.get("actor2")) if ev.get("actor2") else None),
        ("Associated actors", "; ".join(_actor(a) for a in rec.get("associated_actors") or []), None),
        ("Location", _place_text(loc, ev), _table_url(datasette, db.name, country=ev.get("country"), location=ev.get("location")) if ev.get("location") else None),
        ("Coordinates", f"{ev['latitude']:.4f}, {ev['longitude']:.4f}" if ev.get("latitude") is not None and ev.get("longitude") is not None else "", None),
        ("Destination", _place_text(dest, {}) if dest else "", None),
        ("Fatalities", _fmt_range(rec.get("fatalities", ev.get("fatalities")), rec.get("fatalities_range")), None),
        ("Counts", "; ".join(f"{k}: {_fmt_range(v, ranges.get(k))}" for k, v in counts.items()), None),
        ("Modality", rec.get("modality"), None),
        ("Sources", f"{ev.get('n_sources')} article(s), {ev.get('n_mentions')} mention(s)", None),
    ]
    fields = [(k, v, link) for k, v, link in fields if v not in (None, "")]
    return Response.html(
        await datasette.render_template(
            "eventwire_event.html",
            {
                "event": ev,
                "summary": ev.get("summary") or rec.get("summary"),
                "fields": fields,
                "sources": sources,
                "row_url": datasette.urls.row(db.name, "events", urllib.parse.quote(event_id, safe="")),
                "json_url": datasette.urls.row(db.name, "events", urllib.parse.quote(event_id, safe="")) + ".json",
                "timeline_url": datasette.urls.path("/-/eventwire/timeline"),
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


def _periods(first: str, last: str, by: str) -> list[str]:
    """Every period key from first to last (so empty weeks/months show as gaps)."""
    out = []
    if by == "month":
        y, m = int(first[:4]), int(first[5:7])
        ly, lm = int(last[:4]), int(last[5:7])
        while (y, m) <= (ly, lm) and len(out) < MAX_BARS:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        d, end = date.fromisoformat(first), date.fromisoformat(last)
        while d <= end and len(out) < MAX_BARS:
            out.append(d.isoformat())
            d += timedelta(days=7)
    return out


PALETTE = ["#1f77b4", "#d62728", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]


async def timeline_page(datasette, request):
    db = await _store_db(datasette, request)
    by = request.args.get("by") or "month"
    if by not in ("week", "month"):
        by = "month"
    country = request.args.get("country") or None
    where, params = ["event_date IS NOT NULL", "length(event_date) >= 10"], []
    if country:
        where.append("country = ?")
        params.append(country)
    key = "substr(event_date, 1, 7)" if by == "month" else "date(event_date, '-6 days', 'weekday 1')"
    rows = (
        await db.execute(
            f"SELECT {key} AS period, event_type, count(*) AS n FROM events WHERE {' AND '.join(where)} "
            f"GROUP BY period, event_type ORDER BY period",
            params,
        )
    ).rows
    undated = (
        await db.execute(
            "SELECT count(*) FROM events WHERE (event_date IS NULL OR length(event_date) < 10)"
            + (" AND country = ?" if country else ""),
            params,
        )
    ).first()[0]
    counts: dict[str, dict[str, int]] = {}
    types: dict[str, int] = {}
    for r in rows:
        if not r["period"]:
            continue
        counts.setdefault(r["period"], {})[r["event_type"] or "?"] = r["n"]
        types[r["event_type"] or "?"] = types.get(r["event_type"] or "?", 0) + r["n"]
    type_list = sorted(types, key=lambda t: (-types[t], t))
    colors = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(type_list)}
    periods = _periods(min(counts), max(counts), by) if counts else []
    # keep the last MAX_BARS periods when the range is longer
    truncated = bool(counts) and len(periods) == MAX_BARS and periods[-1] < max(counts)
    if truncated:
        periods = _periods_tail(max(counts), by)
    bars = []
    peak = max((sum(v.values()) for v in counts.values()), default=0)
    for p in periods:
        segs = []
        for t in type_list:
            n = counts.get(p, {}).get(t, 0)
            if not n:
                continue
            if by == "month":
                url = _table_url(datasette, db.name, event_date__startswith=p, event_type=t, country=country)
            else:
                end = (date.fromisoformat(p) + timedelta(days=6)).isoformat()
                url = _table_url(datasette, db.name, event_date__gte=p, event_date__lte=end, event_type=t, country=country)
            segs.append({"type": t, "n": n, "color": colors[t], "url": url})
        if by == "month":
            all_url = _table_url(datasette, db.name, event_date__startswith=p, country=country)
        else:
            end = (date.fromisoformat(p) + timedelta(days=6)).isoformat()
            all_url = _table_url(datasette, db.name, event_date__gte=p, event_date__lte=end, country=country)
        bars.append({"period": p, "total": sum(s["n"] for s in segs), "segments": segs, "url": all_url})
    svg = _svg(bars, peak, by)
    return Response.html(
        await datasette.render_template(
            "eventwire_timeline.html",
            {
                "by": by,
                "country": country,
                "bars": bars,
                "svg": svg,
                "legend": [{"type": t, "color": colors[t], "n": types[t], "url": _table_url(datasette, db.name, event_type=t, country=country)} for t in type_list],
                "undated": undated,
                "truncated": truncated,
                "max_bars": MAX_BARS,
                "total": sum(types.values()),
                "events_url": _table_url(datasette, db.name, country=country),
                "week_url": path_with_added_args(request, {"by": "week"}),
                "month_url": path_with_added_args(request, {"by": "month"}),
                "all_countries_url": path_with_removed_args(request, {"country"}),
            },
            request=request,
        )
    )


def _periods_tail(last: str, by: str) -> list[str]:
    if by == "month":
        y, m = int(last[:4]), int(last[5:7])
        out = []
        for _ in range(MAX_BARS):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        return out[::-1]
    d = date.fromisoformat(last)
    return [(d - timedelta(days=7 * i)).isoformat() for i in range(MAX_BARS)][::-1]


def _svg(bars: list[dict], peak: int, by: str) -> markupsafe.Markup:
    """A stacked bar chart as inline SVG: every segment links to the filtered events table."""
    if not bars or not peak:
        return markupsafe.Markup("")
    esc = markupsafe.escape
    height, top, bottom, left = 220, 10, 60, 40
    bw = max(4, min(40, 900 // max(1, len(bars))))
    gap = 2 if bw > 6 else 1
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
    label_every = max(1, len(bars) // 24)
    for i, b in enumerate(bars):
        x = left + i * bw
        y = base
        for s in b["segments"]:
            h = s["n"] * scale
            y -= h
            out.append(
                f'<a href="{esc(s["url"])}"><rect x="{x + gap / 2:.1f}" y="{y:.1f}" width="{bw - gap}" height="{h:.1f}" '
                f'fill="{esc(s["color"])}"><title>{esc(b["period"])}: {s["n"]} × {esc(s["type"])}</title></rect></a>'
            )
        if i % label_every == 0:
            out.append(
                f'<text x="{x + bw / 2:.1f}" y="{base + 6}" font-size="9" text-anchor="end" '
                f'transform="rotate(-60 {x + bw / 2:.1f} {base + 6})">{esc(b["period"])}</text>'
            )
    out.append("</svg>")
    return markupsafe.Markup("".join(out))


# ------------------------------------------------------------------ hooks


@hookimpl
def register_routes():
    return [
        (r"^/-/eventwire/event/(?P<event_id>[^/]+)$", event_page),
        (r"^/-/eventwire/timeline$", timeline_page),
    ]


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
    return None


@hookimpl
def menu_links(datasette):
    return [{"href": datasette.urls.path("/-/eventwire/timeline"), "label": "eventwire timeline"}]


@hookimpl
def table_actions(datasette, database, table):
    if table == "events":
        return [{"href": datasette.urls.path("/-/eventwire/timeline"), "label": "Timeline of events"}]
    return None


@hookimpl
def register_facet_classes():
    return [MonthFacet]


class MonthFacet(Facet):
    """``{"month": "event_date"}``: counts per YYYY-MM, newest first; selecting one filters ``__startswith``."""

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
                f"WHERE {col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' GROUP BY value ORDER BY value DESC LIMIT {size + 1}"
            )
            try:
                rows = await self.ds.execute(
                    self.database, sql, self.params, truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            key = f"{column}__startswith"
            values = []
            for r in rows.rows[:size]:
                selected = args.get(key) == r["value"]
                path = (
                    path_with_removed_args(self.request, {key: r["value"]})
                    if selected
                    else path_with_added_args(self.request, {key: r["value"]})
                )
                values.append({
                    "value": r["value"], "label": r["value"], "count": r["count"],
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
