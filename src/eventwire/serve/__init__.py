"""``eventwire serve``: Datasette over an eventwire store, with eventwire's plugin.

``build_datasette(db)`` returns a configured :class:`datasette.app.Datasette`
(metadata, default facets, map tiles, the plugin in :mod:`eventwire.serve.plugin`
registered in-process: no separate install); ``serve(db, host, port)`` runs it
with uvicorn.  Datasette's JSON API is eventwire's HTTP API
(``/<db>/events.json?_shape=array``), and the plugin adds

- ``/-/eventwire/event/{event_id}``: one event with every source's evidence
  sentence highlighted in its article text;
- ``/-/eventwire/timeline``: events per week or month by type (inline SVG);
- links from the events table (``summary``/``record`` cells) to the event page;
- a ``month`` facet type (``{"month": "event_date"}``) filtering with
  ``event_date__startswith=YYYY-MM``.

Map tiles: datasette-cluster-map and datasette-leaflet serve Leaflet and the
cluster code from the local server; only the map tiles (images) come from a
tile server, ``EVENTWIRE_TILE_URL`` (default: OpenStreetMap's).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_TILE_URL = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'

__all__ = ["build_datasette", "metadata", "serve", "db_name", "DEFAULT_TILE_URL"]


def db_name(db: str | os.PathLike) -> str:
    """The name Datasette gives the file's database (its stem): the first part of every URL."""
    return Path(db).stem


def tile_url() -> str:
    return os.environ.get("EVENTWIRE_TILE_URL") or DEFAULT_TILE_URL


def metadata(db: str | os.PathLike) -> dict:
    """Datasette metadata for a store: title, credits, table descriptions, default facets, sort."""
    name = db_name(db)
    tiles = tile_url()
    attribution = TILE_ATTRIBUTION if tiles == DEFAULT_TILE_URL else os.environ.get("EVENTWIRE_TILE_ATTRIBUTION", "")
    return {
        "title": "eventwire: conflict events from news",
        "description_html": (
            'ACLED-style event records read from news articles by eventwire. '
            'See the <a href="/-/eventwire/timeline">timeline</a>; open an event from the '
            "<code>summary</code> column of the events table."
        ),
        "license": "Places: GeoNames, CC BY 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "source": "GeoNames gazetteer (geonames.org)",
        "source_url": "https://www.geonames.org/",
        "databases": {
            name: {
                "description": "An eventwire store: articles, the event mentions read from them, and the merged events.",
                "tables": {
                    "events": {
                        "description_html": (
                            "One row per real-world happening, merged across sentences and outlets. "
                            "<code>record</code> is the full event record (JSON, as in the contract); "
                            "click a summary for the event page with its sources' evidence. "
                            '<a href="/-/eventwire/timeline">Timeline</a>.'
                        ),
                        "facets": [
                            "event_type",
                            "sub_event_type",
                            "country",
                            "actor1",
                            {"month": "event_date"},
                        ],
                        "sort_desc": "event_date",
                        "label_column": "summary",
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
        },
        "plugins": {
            "datasette-cluster-map": {
                "tile_layer": tiles,
                "tile_layer_options": {"maxZoom": 19, "attribution": attribution},
            }
        },
    }


def _check_store(db: str) -> None:
    if not os.path.exists(db):
        raise FileNotFoundError(f"{db}: no such store")
    try:
        conn = sqlite3.connect("file:" + os.path.abspath(db) + "?mode=ro", uri=True)
        try:
            ok = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='events'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise ValueError(f"{db}: not an SQLite file ({e})") from None
    if not ok:
        raise ValueError(f"{db}: not an eventwire store (no events table); run `eventwire ingest` first")


def build_datasette(db: str | os.PathLike, *, settings: dict | None = None):
    """A Datasette over the store, read-only (``mode=ro``, so rows an ingest commits meanwhile show up)."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from . import plugin

    db = str(db)
    _check_store(db)
    if not pm.is_registered(plugin):
        pm.register(plugin, name="eventwire")
    cfg = {
        "truncate_cells_html": 160,
        "facet_time_limit_ms": 2000,
        "sql_time_limit_ms": 5000,
        "suggest_facets": False,
        "default_page_size": 50,
    }
    cfg.update(settings or {})
    # mode=ro (Datasette's "mutable" file) sees what an ingest commits meanwhile; it needs to create the
    # WAL index (-shm) beside the file, so a store in a folder we cannot write is served immutable.
    writable = os.access(os.path.dirname(os.path.abspath(db)), os.W_OK)
    files = {"files": [db]} if writable else {"immutables": [db]}
    return Datasette(**files, metadata=metadata(db), template_dir=str(TEMPLATES), settings=cfg)


def _check_port(host: str, port: int) -> None:
    """Fail with one clear line when the port is taken (uvicorn would log a traceback-ish message)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise ValueError(f"{host}: cannot bind ({e})") from None
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as e:
            raise ValueError(f"{host}:{port}: cannot listen ({e.strerror or e}); choose another --port") from None


def serve(db: str | os.PathLike, host: str = "127.0.0.1", port: int = 8001, open_browser: bool = False) -> None:
    """Run the web app until interrupted."""
    import uvicorn

    ds = build_datasette(db)
    _check_port(host, port)
    url = f"http://{host}:{port}/"
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
