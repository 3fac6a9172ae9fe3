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
# an article whose URL is not http(s): it must never become a link
JSONL_ARTICLE = {
    "id": "odd-url-1",
    "url": "javascript:alert(3)",
    "title": "Clashes near Kismayo",
    "published": "2020-03-10",
    "source": "example.test",
    "text": "Kismayo - Soldiers clashed with al Shabaab fighters near Kismayo on Monday, killing six fighters, officials said.\n",
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
    import json as _json

    (tmp / "odd.jsonl").write_text(_json.dumps(JSONL_ARTICLE) + "\n", encoding="utf-8")
    paths.append(str(tmp / "odd.jsonl"))
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
    marks = re.findall(r"<mark\b[^>]*>(.*?)</mark>", page, flags=re.S)
    marked = [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in marks]
    assert sentence in marked
    # inside the sentence: the trigger, the place and the counts are highlighted
    inner = marks[marked.index(sentence)]
    spans = {(k, html.unescape(t)) for k, t in re.findall(r'<span class="ew-hl ew-hl-(\w+)"[^>]*>(.*?)</span>', inner)}
    assert ("place", "Mogadishu") in spans
    assert ("number", "20") in spans and ("number", "40") in spans
    assert any(k == "trigger" for k, _ in spans)
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
    assert "event_date__gte=2019-12-01&amp;event_date__lt=2020-01-01" in r.text  # the month facet (index-friendly)
    assert "GeoNames" in r.text


def test_timeline_page(server):
    client, _db = server
    for by in ("month", "week"):
        r = client.get("/-/eventwire/timeline", params={"by": by})
        assert r.status_code == 200
        assert "<svg" in r.text
    assert "event_date__gte=2019-12-01&amp;event_date__lte=2019-12-31" in client.get("/-/eventwire/timeline").text
    week = client.get("/-/eventwire/timeline", params={"by": "week"}).text
    assert "event_date__gte=2019-12-23&amp;event_date__lte=2019-12-29" in week  # Saturday 2019-12-28: the week from Monday 23rd
    day = client.get("/-/eventwire/timeline", params={"by": "day"}).text
    assert "event_date__gte=2019-12-28&amp;event_date__lte=2019-12-28" in day
    # the timeline follows a filter, and its links carry it
    so = client.get("/-/eventwire/timeline", params={"country": "SO"}).text
    assert "country=SO" in so and "2017-08" not in so  # the Lebanese clash is left out


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


def test_only_http_urls_become_links(server):
    client, db = server
    rows = _store_rows(
        db,
        "SELECT DISTINCT l.event_id FROM event_mentions l JOIN mentions m ON m.id = l.mention_id WHERE m.article_id = "
        "(SELECT id FROM articles WHERE url = ?)",
        (JSONL_ARTICLE["url"],),
    )
    assert rows, "the Kismayo clash was not extracted"
    page = client.get(f"/-/eventwire/event/{rows[0][0]}").text
    assert 'href="javascript:' not in page.lower()
    assert "javascript:alert(3)" in page  # shown, as text
    from eventwire.serve.plugin import safe_url

    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.test/x", "http:/x", "vbscript:x", None):
        assert safe_url(bad) is None, bad


def _geo_ids(client, **params) -> list[str]:
    r = client.get("/-/eventwire/events.geojson", params=dict(params, _size=10000))
    assert r.status_code == 200, r.text
    gj = r.json()
    assert gj["type"] == "FeatureCollection"
    return [f["id"] for f in gj["features"]]


def test_geojson_endpoint_filters_like_events_command(server):
    from eventwire.store import Store

    client, db = server
    store = Store(db, readonly=True)
    cases = [
        {},
        {"country": "SO"},
        {"country": "Lebanon"},
        {"since": "2019-01-01"},
        {"until": "2018-12-31"},
        {"type": "Battles"},
        {"actor": "shabaab"},
        {"bbox": "40,-5,50,10"},
        {"min_sources": "1"},
        {"since": "2017-01-01", "country": "SO,LB"},
    ]
    for f in cases:
        want = sorted(r["event_id"] for r in store.events(**f))
        got = _geo_ids(client, **f)
        assert sorted(got) == want, f
        assert len(got) == len(set(got))
    gj = client.get("/-/eventwire/events.geojson", params={"country": "SO"}).json()
    located = [f for f in gj["features"] if f["geometry"]]
    assert located and all(f["properties"]["country"] == "SO" for f in gj["features"])
    assert all(f["properties"]["url"].startswith("/-/eventwire/event/") for f in gj["features"])
    lon, lat = located[0]["geometry"]["coordinates"]
    assert 40 < lon < 52 and -2 < lat < 12  # Somalia
    assert client.get("/-/eventwire/events.geojson", params={"since": "yesterday"}).status_code == 400
    assert client.get("/-/eventwire/events.geojson", params={"bbox": "1,2,3"}).status_code == 400


def test_geojson_pages_cover_every_event_once(server):
    client, db = server
    want = sorted(i for (i,) in _store_rows(db, "SELECT id FROM events"))
    seen, dates, url, pages = [], [], "/-/eventwire/events.geojson?_size=2", 0
    while url and pages < 100:
        gj = client.get(url).json()
        assert len(gj["features"]) <= 2
        seen += [f["id"] for f in gj["features"]]
        dates += [f["properties"]["event_date"] for f in gj["features"]]
        url, pages = gj["next"], pages + 1
    assert sorted(seen) == want and len(seen) == len(set(seen))
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[: len(dated)] == dated  # newest first, undated last


def test_post_to_a_page_is_405_not_500(server):
    client, _db = server
    for path in ("/store/events", "/store", "/store/events.json"):
        r = client.post(path, data={"x": "1"})
        assert r.status_code == 405, (path, r.status_code)


def test_arbitrary_sql_off_by_default(server):
    client, _db = server
    r = client.get("/store.json", params={"sql": "select count(*) from articles"})
    assert r.status_code == 403
    assert client.get("/store/events.json", params={"_shape": "array", "country": "SO"}).status_code == 200


def _asgi_get(ds, *paths):
    import asyncio

    async def run():
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(run())


def test_refused_query_logs_one_line(server, capfd):
    from eventwire.serve import build_datasette

    _client, db = server
    ds = build_datasette(db, sql=True)
    capfd.readouterr()
    (r,) = _asgi_get(ds, "/store.json?sql=select+*+from+no_such_table")
    assert r.status_code == 400
    err = [line for line in capfd.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and "no_such_table" in err[0], err


def test_timeline_answers_when_the_count_times_out(server, monkeypatch):
    from datasette.database import QueryInterrupted

    from eventwire.serve import build_datasette

    _client, db = server
    ds = build_datasette(db)
    store = ds.databases["store"]
    inner = store.execute

    async def slow(sql, *a, **k):
        if "GROUP BY day" in sql:
            raise QueryInterrupted(None, sql, None)
        return await inner(sql, *a, **k)

    monkeypatch.setattr(store, "execute", slow)
    (r,) = _asgi_get(ds, "/-/eventwire/timeline")
    assert r.status_code == 200
    assert "took too long" in r.text


def test_plain_datasette_loads_the_plugin_by_entry_point(server, tmp_path):
    """`datasette store.db` with eventwire installed (its entry point) serves eventwire's pages and facets."""
    import tomllib

    _client, db = server
    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    eps = pyproject["project"]["entry-points"]["datasette"]
    assert eps == {"eventwire": "eventwire.serve"}
    # a distribution with only that entry point, on the path: what `pip install eventwire` leaves
    dist = tmp_path / "site" / "eventwire_ep-0.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: eventwire-ep\nVersion: 0.0\n")
    (dist / "entry_points.txt").write_text("[datasette]\neventwire = eventwire.serve\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path / "site"), os.environ.get("PYTHONPATH", "")]))
    for path, expect in (("/-/eventwire/timeline", "Events per month"), ("/store/events", 'id="facet-event_type"')):
        r = subprocess.run(
            [sys.executable, "-m", "datasette", str(db), "--get", path],
            capture_output=True, text=True, timeout=120, env=env,
        )
        assert r.returncode == 0, r.stderr[-2000:]
        assert expect in r.stdout, path


def test_highlights_in_a_sentence():
    from eventwire.serve.highlight import find_spans, number_value

    text = "Intro line.\nRebels of the Northern Front shelled Kalama on Sunday, killing twenty-one people and wounding 9."
    st = text.index("Rebels")
    trig = text.index("shelled")
    mention = {
        "trigger_span": [trig, trig + len("shelled")], "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": {"name": "Northern Front"}, "location": {"name": "Kalama"},
        "counts": {"killed": 21, "wounded": 9}, "date": {"start": "2024-03-03"},
    }
    got = {(h["kind"], text[h["start"]:h["end"]]) for h in find_spans(text, st, len(text), mention)}
    assert got == {
        ("trigger", "shelled"), ("actor", "Northern Front"), ("place", "Kalama"), ("date", "on Sunday"),
        ("number", "twenty-one"), ("number", "9"),
    }
    assert number_value("1,200") == 1200 and number_value("a dozen") == 12 and number_value("many") is None
    # a number that is not one of the mention's counts is not marked
    assert not [h for h in find_spans("Police said 3 men were arrested.", 0, 32, {"counts": {"arrested": 4}}) if h["kind"] == "number"]


def test_basemap_decoding_and_shipped_file():
    import importlib.util
    import json as _json

    spec = importlib.util.spec_from_file_location("build_basemap", Path(__file__).parent.parent / "scripts" / "build_basemap.py")
    bb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bb)
    # two squares sharing an edge (arc 1), quantized and delta-encoded as TopoJSON writes them
    topo = {
        "type": "Topology",
        "transform": {"scale": [1.0, 1.0], "translate": [10.0, 20.0]},
        "arcs": [[[1, 0], [-1, 0], [0, 1], [1, 0]], [[1, 1], [0, -1]], [[1, 1], [1, 0], [0, -1], [-1, 0]]],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "id": "1", "properties": {"name": "West"}},
            {"type": "Polygon", "arcs": [[-2, 2]], "id": "2", "properties": {"name": "East"}},
        ]}},
    }
    gj = bb.to_geojson(topo)
    west, east = (f["geometry"]["coordinates"][0] for f in gj["features"])
    assert west == [[11.0, 20.0], [10.0, 20.0], [10.0, 21.0], [11.0, 21.0], [11.0, 20.0]]
    assert east == [[11.0, 20.0], [11.0, 21.0], [12.0, 21.0], [12.0, 20.0], [11.0, 20.0]]  # the shared edge reversed
    shipped = Path(__file__).parent.parent / "src" / "eventwire" / "serve" / "static" / "world-110m.geojson"
    assert shipped.stat().st_size < 1_000_000
    world = _json.loads(shipped.read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in world["features"]}
    assert len(names) > 150 and {"Somalia", "Lebanon", "Nigeria"} <= names
