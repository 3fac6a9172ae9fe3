"""Event records -> JSON Lines, ACLED-style CSV, GeoJSON, Arrow/Parquet.

Every function takes event records as the store returns them (the contract's
record, optionally with ``n_sources`` and ``event_id_cnty``).
"""
from __future__ import annotations

import csv
import io
import json
from typing import IO, Iterable

from .store import _iso3  # one ISO3 mapping for ids and CSV

# ACLED's column names and order, so analysts' existing scripts load the CSV;
# eventwire's own columns follow them.
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
]
EXTRA_COLUMNS = ["event_id", "date_precision", "date_end", "iso2", "n_sources", "modality", "urls"]

# ACLED inter codes by actor kind.
INTER = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other": 8,
}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
GEO_PRECISION = {"town": 1, "region": 2, "country": 3}


def _country_name(cc: str | None) -> str:
    if not cc:
        return ""
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=cc.upper())
        if c:
            return getattr(c, "common_name", None) or c.name
    except Exception:  # pragma: no cover
        pass
    return cc


def acled_row(rec: dict, n: int | None = None) -> dict:
    """One record as an ACLED-style row (plus eventwire's extra columns)."""
    a1, a2 = rec.get("actor1") or {}, rec.get("actor2") or {}
    loc = rec.get("location") or {}
    assoc = [a["name"] for a in rec.get("associated_actors") or []]
    i1, i2 = INTER.get(a1.get("kind"), 0) if a1 else 0, INTER.get(a2.get("kind"), 0) if a2 else 0
    inter = sorted(x for x in (i1, i2) if x)
    interaction = (inter[0] * 10 + inter[1]) if len(inter) == 2 else (inter[0] * 10 if inter else "")
    sources = rec.get("sources") or []
    outlets = []
    for s in sources:
        name = s.get("outlet") or s.get("url") or s.get("path")
        if name and name not in outlets:
            outlets.append(name)
    urls = []
    for s in sources:
        if s.get("url") and s["url"] not in urls:
            urls.append(s["url"])
    date = rec.get("date")
    eid_cnty = rec.get("event_id_cnty") or f"{_iso3(loc.get('country'))}{n if n is not None else rec.get('event_id', '')}"
    row = {
        "event_id_cnty": eid_cnty,
        "event_date": date or "",
        "year": date[:4] if date else "",
        "time_precision": TIME_PRECISION.get(rec.get("date_precision") or "unknown", 3),
        "event_type": rec.get("event_type", ""),
        "sub_event_type": rec.get("sub_event_type", ""),
        "actor1": a1.get("name", ""),
        "assoc_actor_1": "; ".join(assoc),
        "inter1": i1 or "",
        "actor2": a2.get("name", ""),
        "assoc_actor_2": "",
        "inter2": i2 or "",
        "interaction": interaction,
        "country": _country_name(loc.get("country")),
        "admin1": loc.get("admin1") or "",
        "location": loc.get("name") or "",
        "latitude": "" if loc.get("lat") is None else round(loc["lat"], 4),
        "longitude": "" if loc.get("lon") is None else round(loc["lon"], 4),
        "geo_precision": GEO_PRECISION.get(loc.get("precision"), "") if loc else "",
        "source": "; ".join(outlets),
        "notes": rec.get("summary") or "",
        "fatalities": rec.get("fatalities") if rec.get("fatalities") is not None else 0,
        "event_id": rec.get("event_id", ""),
        "date_precision": rec.get("date_precision", ""),
        "date_end": (rec.get("date_range") or [None, None])[1] or "",
        "iso2": loc.get("country") or "",
        "n_sources": rec.get("n_sources") or len({s.get("article_id") for s in sources}),
        "modality": rec.get("modality", ""),
        "urls": " ".join(urls),
    }
    return row


def write_csv(records: Iterable[dict], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for i, rec in enumerate(records, start=1):
        w.writerow(acled_row(rec, i))
        n += 1
    return n


def to_csv(records: Iterable[dict]) -> str:
    buf = io.StringIO()
    write_csv(records, buf)
    return buf.getvalue()


def write_jsonl(records: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def to_geojson(records: Iterable[dict]) -> dict:
    """A FeatureCollection: one Point per event (geometry null where the place has no coordinates)."""
    feats = []
    for i, rec in enumerate(records, start=1):
        loc = rec.get("location") or {}
        geom = None
        if loc.get("lat") is not None and loc.get("lon") is not None:
            geom = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
        props = acled_row(rec, i)
        props["record"] = rec
        feats.append({"type": "Feature", "id": rec.get("event_id"), "geometry": geom, "properties": props})
    return {"type": "FeatureCollection", "features": feats}


def write_geojson(records: Iterable[dict], out: IO[str]) -> int:
    gj = to_geojson(records)
    json.dump(gj, out, ensure_ascii=False)
    out.write("\n")
    return len(gj["features"])


def to_arrow(records: Iterable[dict]):
    """A pyarrow Table: the ACLED-style columns (typed) plus ``record`` (the whole record as JSON)."""
    import pyarrow as pa

    rows = [(acled_row(r, i), r) for i, r in enumerate(records, start=1)]

    def col(name, typ, conv=lambda v: v):
        vals = []
        for row, _ in rows:
            v = row[name]
            vals.append(None if v == "" or v is None else conv(v))
        return pa.array(vals, type=typ)

    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities", "n_sources"}
    floats = {"latitude", "longitude"}
    arrays, names = [], []
    for name in ACLED_COLUMNS + EXTRA_COLUMNS:
        if name in ints:
            arrays.append(col(name, pa.int64(), int))
        elif name in floats:
            arrays.append(col(name, pa.float64(), float))
        elif name in ("event_date", "date_end"):
            import datetime as _dt

            arrays.append(col(name, pa.date32(), _dt.date.fromisoformat))
        else:
            arrays.append(col(name, pa.string(), str))
        names.append(name)
    arrays.append(pa.array([json.dumps(r, ensure_ascii=False) for _, r in rows], type=pa.string()))
    names.append("record")
    return pa.Table.from_arrays(arrays, names=names)


def write_parquet(records: Iterable[dict], path: str) -> int:
    import pyarrow.parquet as pq

    table = to_arrow(records)
    pq.write_table(table, path)
    return table.num_rows
