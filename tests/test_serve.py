"""`eventwire serve`: the real server (a subprocess on 127.0.0.1) over a small store built here."""
from __future__ import annotations

import html
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest

pytest.importorskip("datasette")

ARTICLES = {
    "mogadishu.txt": (
        " date 2019-12-28 Mogadishu - A car bomb exploded at a busy checkpoint in Mogadishu on Saturday, "
        "killing 20 people and wounding 40 others, police said. Editor's note: <i>figures</i> may rise & change.\n"
    ),
    "baalbek.txt": (
        " date 2017-08-28 Ras Baalbek - Hezbollah fighters clashed with Islamic State militants near Ras Baalbek "
        "on Sunday, the army said. Three fighters were killed in the fighting.\n"
    ),
}
TILE_URL = "https://tiles.example.test/{z}/{x}/{y}.png"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _eventwire(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", *args]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    paths = []
    for name, text in ARTICLES.items():
        (tmp / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp / name))
    db = tmp / "store.db"
    r = subprocess.run(_eventwire("ingest", *paths, "--db", str(db), "--no-progress"), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    port = _free_port()
    env = dict(os.environ, EVENTWIRE_TILE_URL=TILE_URL)
    proc = subprocess.Popen(
        _eventwire("serve", "--db", str(db), "--port", str(port)),
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    client = httpx.Client(base_url=base, timeout=10)
    try:
        for _ in range(150):  # at most ~30 s
            if proc.poll() is not None:
                pytest.fail(f"eventwire serve exited with {proc.returncode}: {proc.stdout.read()}")
            try:
                if client.get("/").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        else:
            pytest.fail("eventwire serve did not answer within 30 s")
        yield client, db
    finally:
        client.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _store_rows(db: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _external_asset_urls(page: str, host: str = "127.0.0.1") -> list[str]:
    """script src / link href / img src URLs that point at another host (a CDN)."""
    out = []
    for tag in re.findall(r"<(?:script|link|img)\b[^>]*>", page, flags=re.I):
        for url in re.findall(r"""\b(?:src|href)\s*=\s*["']([^"']+)["']""", tag, flags=re.I):
            u = urlparse(html.unescape(url))
            if u.scheme in ("http", "https") and u.hostname not in (host, "localhost") or url.startswith("//"):
                out.append(url)
    return out


def test_events_json_matches_store(server):
    client, db = server
    r = client.get("/store/events.json", params={"_shape": "array", "_size": "max"})
    assert r.status_code == 200
    ids = sorted(row["id"] for row in r.json())
    stored = sorted(i for (i,) in _store_rows(db, "SELECT id FROM events"))
    assert stored and ids == stored
    assert all("latitude" in row and "longitude" in row for row in r.json())


def test_event_page_marks_evidence(server):
    client, db = server
    rows = _store_rows(
        db,
        "SELECT l.event_id, m.sentence FROM event_mentions l JOIN mentions m ON m.id = l.mention_id "
        "JOIN events e ON e.id = l.event_id WHERE m.sentence LIKE '%car bomb%'",
    )
    assert rows, "the bombing was not extracted"
    event_id, sentence = rows[0]
    r = client.get(f"/-/eventwire/event/{event_id}")
    assert r.status_code == 200
    page = r.text
    marked = [html.unescape(m) for m in re.findall(r"<mark\b[^>]*>(.*?)</mark>", page, flags=re.S)]
    assert sentence in marked
    # the article text around the evidence is shown, HTML-escaped
    assert "&lt;i&gt;figures&lt;/i&gt;" in page and "<i>figures</i>" not in page
    assert "mogadishu.txt" in page
    assert client.get("/-/eventwire/event/no-such-event").status_code == 404


def test_events_table_links_to_event_page_and_has_facets(server):
    client, db = server
    r = client.get("/store/events")
    assert r.status_code == 200
    for (event_id,) in _store_rows(db, "SELECT id FROM events"):
        assert f'href="/-/eventwire/event/{event_id}"' in r.text
    for facet in ("event_type", "sub_event_type", "country", "actor1", "event_date"):
        assert f'id="facet-{facet}' in r.text, facet
    assert "event_date__startswith=2019-12" in r.text  # the month facet
    assert "GeoNames" in r.text


def test_timeline_page(server):
    client, _db = server
    for by in ("month", "week"):
        r = client.get("/-/eventwire/timeline", params={"by": by})
        assert r.status_code == 200
        assert "<svg" in r.text
    assert "event_date__startswith=2019-12" in client.get("/-/eventwire/timeline").text
    week = client.get("/-/eventwire/timeline", params={"by": "week"}).text
    assert "event_date__gte=2019-12-23" in week  # Saturday 2019-12-28 is in the week from Monday 23rd


def test_no_external_scripts_and_tile_url_setting(server):
    client, db = server
    event_id = _store_rows(db, "SELECT id FROM events LIMIT 1")[0][0]
    pages = ["/", "/store", "/store/events", "/store/articles", "/-/eventwire/timeline", f"/-/eventwire/event/{event_id}"]
    for path in pages:
        r = client.get(path)
        assert r.status_code == 200, path
        assert _external_asset_urls(r.text) == [], path
    table = client.get("/store/events").text
    assert "datasette-cluster-map" in table and TILE_URL in table  # the map is drawn, with the configured tiles
    assert "openstreetmap" not in table.lower()


def test_excerpts_merge_overlapping_windows():
    from eventwire.serve.plugin import excerpts

    text = "aaa bbb. " * 200
    first, second, far = (9, 17), (27, 35), (1500, 1508)
    out = excerpts(text, [{"start": s, "end": e, "title": ""} for s, e in (second, first, far, first)], chars=40)
    assert len(out) == 2  # first and second share a window; far has its own
    marks = [[p["text"] for p in ex["pieces"] if p["mark"]] for ex in out]
    assert marks == [[text[9:17], text[27:35]], [text[1500:1508]]]
    assert out[0]["cut_after"] and out[1]["cut_before"]
    assert "".join(p["text"] for p in out[0]["pieces"]).startswith(text[:9])


def test_external_asset_detector():
    assert _external_asset_urls('<script src="https://cdn.example.com/x.js"></script>') == ["https://cdn.example.com/x.js"]
    assert _external_asset_urls('<link rel="stylesheet" href="//cdn.example.com/x.css">') == ["//cdn.example.com/x.css"]
    assert _external_asset_urls('<script src="/-/static/x.js"></script><a href="https://geonames.org/">') == []


def test_serve_missing_store_exits_2(tmp_path):
    r = subprocess.run(_eventwire("serve", "--db", str(tmp_path / "nope.db"), "--port", "1"), capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "no such store" in r.stderr


def test_serves_events_ingested_while_running(server, tmp_path):
    """The store is opened read-only but not immutable: an ingest running beside the server (WAL) shows up."""
    client, db = server
    before = {row["id"] for row in client.get("/store/events.json", params={"_shape": "array", "_size": "max"}).json()}
    art = tmp_path / "mandera.txt"
    art.write_text(" date 2020-01-13 Nairobi - Gunmen abducted five villagers near Mandera on Monday, local officials said.\n")
    r = subprocess.run(_eventwire("ingest", str(art), "--db", str(db), "--no-progress"), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    stored = {i for (i,) in _store_rows(db, "SELECT id FROM events")}
    assert stored - before, "the new article gave no new event"
    after = {row["id"] for row in client.get("/store/events.json", params={"_shape": "array", "_size": "max"}).json()}
    assert after == stored


def test_serve_port_in_use_exits_2(server):
    client, db = server
    port = urlparse(str(client.base_url)).port  # the running server holds it
    r = subprocess.run(_eventwire("serve", "--db", str(db), "--port", str(port)), capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "cannot listen" in r.stderr
