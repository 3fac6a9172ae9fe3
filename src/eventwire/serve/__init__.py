"""``eventwire serve``: Datasette over an eventwire store, with eventwire's plugin.

``build_datasette(db)`` returns a :class:`datasette.app.Datasette` over the store
(read-only; arbitrary SQL off unless ``sql=True``) with eventwire's plugin
(:mod:`eventwire.serve.plugin`: registered by entry point, or in-process when
the package was installed without one); ``serve(db, host, port)`` runs it with
uvicorn on 127.0.0.1 by default.  Datasette's JSON API is eventwire's HTTP API
(``/<db>/events.json?_shape=array``); the plugin adds the event page, the map,
the timeline and ``/-/eventwire/events.geojson`` (see its docstring).

Everything the pages load comes from the local server (Leaflet, the cluster code,
the Natural Earth basemap); only map tiles (images) come from a tile server,
``EVENTWIRE_TILE_URL`` (default: OpenStreetMap's; set it empty for none).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"

__all__ = ["build_datasette", "metadata", "serve", "db_name", "DEFAULT_TILE_URL"]

# The Datasette plugin is this package (entry point ``eventwire = "eventwire.serve"``): pluggy finds
# the hook implementations imported here, and Datasette finds templates/ and static/ beside this file.
from .plugin import (  # noqa: E402,F401
    DEFAULT_TILE_URL,
    asgi_wrapper,
    extra_body_script,
    extra_css_urls,
    extra_js_urls,
    get_metadata,
    handle_exception,
    menu_links,
    register_facet_classes,
    register_routes,
    render_cell,
    startup,
    table_actions,
)


def db_name(db: str | os.PathLike) -> str:
    """The name Datasette gives the file's database (its stem): the first part of every URL."""
    return Path(db).stem


def metadata(db: str | os.PathLike) -> dict:
    """The Datasette metadata eventwire's plugin gives a store served under this file's name."""
    from .plugin import INSTANCE_METADATA, store_metadata

    return dict(INSTANCE_METADATA, databases={db_name(db): store_metadata(db_name(db))})


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


def build_datasette(db: str | os.PathLike, *, settings: dict | None = None, sql: bool = False, immutable: bool = False):
    """A Datasette over the store, read-only.

    By default the file is opened ``mode=ro`` (Datasette's "mutable" file), so rows an ingest or
    ``watch`` commits meanwhile show up; ``immutable=True`` opens it ``immutable=1`` (a store no one
    writes: SQLite skips locking). Arbitrary SQL (``/db?sql=``) is refused unless ``sql=True``;
    the plugin's pages, facets and the JSON API of tables work either way.
    """
    from datasette.app import Datasette
    from datasette.plugins import pm

    import eventwire.serve as plugin

    db = str(db)
    _check_store(db)
    if not pm.is_registered(plugin) and pm.get_plugin("eventwire") is None:
        # installed without entry points (a plain checkout on PYTHONPATH): register in-process
        pm.register(plugin, name="eventwire")
    cfg = {
        "truncate_cells_html": 160,
        "facet_time_limit_ms": 1000,
        "sql_time_limit_ms": 5000,
        "suggest_facets": False,
        "default_page_size": 50,
        "default_allow_sql": bool(sql),
    }
    cfg.update(settings or {})
    # mode=ro needs to create the WAL index (-shm) beside the file, so a store in a folder we
    # cannot write is served immutable.
    writable = os.access(os.path.dirname(os.path.abspath(db)), os.W_OK)
    files = {"files": [db]} if writable and not immutable else {"immutables": [db]}
    return Datasette(**files, settings=cfg)


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


def serve(
    db: str | os.PathLike,
    host: str = "127.0.0.1",
    port: int = 8001,
    open_browser: bool = False,
    sql: bool = False,
    immutable: bool = False,
) -> None:
    """Run the web app until interrupted."""
    import uvicorn

    ds = build_datasette(db, sql=sql, immutable=immutable)
    _check_port(host, port)
    url = f"http://{host}:{port}/"
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
