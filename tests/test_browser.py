"""The web app in a real browser: headless Chromium (Debian's chromium + chromium-driver) driven by Selenium.

A store is ingested from the example article, the dev gold articles (their
published dates from articles.jsonl) and one hostile article; ``eventwire serve``
runs on 127.0.0.1 with a tile server that refuses connections (offline).
Screenshots go to the test's temporary folder (printed; set
EVENTWIRE_SCREENSHOTS=DIR to keep them somewhere else).  Install the browser
with ``scripts/install_browser.sh``.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    pytest.skip("no chromium/chromedriver: run scripts/install_browser.sh (apt-get install chromium chromium-driver)", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
pytest.importorskip("datasette")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
GOLD = SHARED / "gold" / "dev"
FLAG = "__ewxss"
PAYLOAD = (
    f"<script>window.{FLAG}=1;alert('script ran')</script>"
    f"<img src=x onerror=\"window.{FLAG}=2;alert('onerror ran')\">"
)
HOSTILE = {
    "id": "hostile-1",
    "url": f"javascript:window.{FLAG}=3",
    "title": f"Gunmen attack farmers {PAYLOAD}",
    "published": "2021-05-04",
    "source": "hostile.example",
    "text": (
        f"Gunmen attack farmers {PAYLOAD}\n\n"
        f"Gunmen killed four farmers near Baidoa on Monday, police said. {PAYLOAD} The attackers fled.\n"
    ),
}
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1280,900",
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _eventwire(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", *args]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not (GOLD / "articles.jsonl").exists():
        pytest.skip(f"no dev gold at {GOLD}")
    import httpx

    tmp = tmp_path_factory.mktemp("browser")
    shots = Path(os.environ.get("EVENTWIRE_SCREENSHOTS") or tmp / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    lines = []
    for line in (GOLD / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        meta["text"] = (GOLD / f"{meta['id']}.txt").read_text(encoding="utf-8")
        lines.append(json.dumps(meta))
    lines.append(json.dumps(HOSTILE))
    (tmp / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp / "web.db"
    r = subprocess.run(
        _eventwire("ingest", str(tmp / "articles.jsonl"), str(ROOT / "examples"), "--db", str(db), "--no-progress"),
        capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 0, r.stderr
    port = _free_port()
    # a tile server that refuses connections: the map must still show the shipped country outlines
    env = dict(os.environ, EVENTWIRE_TILE_URL=f"http://127.0.0.1:{_free_port()}/{{z}}/{{x}}/{{y}}.png")
    log = open(tmp / "serve.log", "w")
    proc = subprocess.Popen(_eventwire("serve", "--db", str(db), "--port", str(port)), env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for f in FLAGS:
        opts.add_argument(f)
    profile = tempfile.mkdtemp(prefix="ew-chromium-", dir=tmp)
    opts.add_argument(f"--user-data-dir={profile}")
    driver = None
    try:
        for _ in range(300):  # the server starts (at most ~60 s on a loaded machine)
            if proc.poll() is not None:
                pytest.fail(f"eventwire serve exited with {proc.returncode}: {(tmp / 'serve.log').read_text()}")
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        else:
            pytest.fail("eventwire serve did not answer")
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
        driver.set_page_load_timeout(30)
        print(f"\nscreenshots: {shots}")
        yield {"base": base, "db": db, "driver": driver, "shots": shots}
    finally:
        if driver is not None:
            driver.quit()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def _rows(db: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _no_alert(driver) -> None:
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return
    text = alert.text
    alert.dismiss()
    pytest.fail(f"an alert opened: {text!r}")


def _open(site, path: str, wait_map: bool = False):
    d = site["driver"]
    d.get(site["base"] + path)
    _no_alert(d)
    if wait_map:
        for _ in range(150):
            if d.execute_script("return !!(window.eventwireMap && window.eventwireMap.ready)"):
                break
            time.sleep(0.1)
        else:
            pytest.fail(f"{path}: the map did not finish loading")
        time.sleep(0.3)  # the cluster layer draws
    return d


def _located(db) -> int:
    return _rows(db, "SELECT count(*) FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL")[0][0]


def _drawn_markers(d) -> int:
    """Events on screen: singles plus the counts written in cluster icons."""
    return d.execute_script(
        "var n = document.querySelectorAll('#ew-map .ew-marker').length;"
        "document.querySelectorAll('#ew-map .ew-cluster').forEach(function (c) { n += +c.dataset.count; });"
        "return n;"
    )


def test_map_page_markers_and_offline_basemap(site):
    d = _open(site, "/-/eventwire/map", wait_map=True)
    state = d.execute_script("return window.eventwireMap")
    want = _located(site["db"])
    assert want > 10
    assert state["errors"] == [] and state["markers"] == want
    # While the cluster layer animates a zoom, old and new icons are both in the page: wait for it to settle.
    drawn = None
    for _ in range(100):
        drawn = _drawn_markers(d)
        if drawn == want:
            break
        time.sleep(0.1)
    assert drawn == want
    # the shipped country outlines are drawn (the tile server refuses connections)
    assert state["basemap"]
    outlines = d.execute_script("return document.querySelectorAll('.leaflet-ew-basemap-pane path').length")
    assert outlines > 100
    # markers are coloured by event type: more than one colour among the clusters' and markers' styles
    legend = d.find_element(By.ID, "ew-map-legend").text
    assert "Battles" in legend and "Explosions/Remote violence" in legend
    d.save_screenshot(str(site["shots"] / "map.png"))
    # a filter narrows the map to it
    d = _open(site, "/-/eventwire/map?country=SO", wait_map=True)
    so = _rows(site["db"], "SELECT count(*) FROM events WHERE country = 'SO' AND latitude IS NOT NULL")[0][0]
    assert 0 < so < want and d.execute_script("return window.eventwireMap.markers") == so


def test_events_table_shows_rows_first_and_the_map_below(site):
    d = _open(site, "/web/events", wait_map=True)
    top = d.execute_script("var r = document.querySelector('table.rows-and-columns tbody tr'); return r && r.getBoundingClientRect().top")
    assert top is not None and top < d.execute_script("return window.innerHeight"), "no row on the first screen"
    d.save_screenshot(str(site["shots"] / "events-table.png"))
    assert d.execute_script("return window.eventwireMap.markers") == _located(site["db"])
    d.execute_script("document.getElementById('ew-map').scrollIntoView()")
    time.sleep(0.2)
    d.save_screenshot(str(site["shots"] / "events-table-map.png"))
    # the summary cell links to the event page
    link = d.find_element(By.CSS_SELECTOR, "td.col-summary a")
    assert "/-/eventwire/event/" in link.get_attribute("href")


def test_event_page_highlights(site):
    db = site["db"]
    # the event with the most mentions whose trigger span the store keeps
    event_id = _rows(
        db,
        "SELECT l.event_id FROM event_mentions l JOIN mentions m ON m.id = l.mention_id "
        "WHERE json_extract(m.data, '$.trigger_span') IS NOT NULL GROUP BY l.event_id ORDER BY count(*) DESC LIMIT 1",
    )[0][0]
    triggers = set()
    for data, text in _rows(
        db,
        "SELECT m.data, a.text FROM event_mentions l JOIN mentions m ON m.id = l.mention_id "
        "JOIN articles a ON a.id = m.article_id WHERE l.event_id = ?",
        (event_id,),
    ):
        a, b = json.loads(data)["trigger_span"]
        triggers.add(text[a:b])
    d = _open(site, f"/-/eventwire/event/{event_id}")
    marks = d.find_elements(By.CSS_SELECTOR, "mark.ew-evidence")
    assert marks
    shown = {e.text for e in d.find_elements(By.CSS_SELECTOR, "mark.ew-evidence .ew-hl-trigger")}
    assert triggers <= shown, triggers - shown
    kinds = set(d.execute_script("return Array.from(document.querySelectorAll('mark .ew-hl')).map(e => e.dataset.kind)"))
    assert {"trigger", "place"} <= kinds
    # highlighted spans sit inside their evidence sentence, which sits inside its paragraph
    assert d.execute_script("return Array.from(document.querySelectorAll('.ew-hl')).every(e => e.closest('mark') || e.closest('.ew-keys'))")
    d.save_screenshot(str(site["shots"] / "event-top.png"))
    d.execute_script("document.querySelector('.ew-source').scrollIntoView()")
    time.sleep(0.2)
    d.save_screenshot(str(site["shots"] / "event-sources.png"))
    # links lead back to the table filtered by this event's type
    href = d.find_element(By.LINK_TEXT, "events").get_attribute("href")
    assert href.endswith("/web/events")


def test_timeline(site):
    db = site["db"]
    # at most 400 bars are drawn: weeks and days over a shorter span
    for by, since in (("month", None), ("week", "2017-01-01"), ("day", "2020-06-01")):
        dated = _rows(
            db, "SELECT count(*) FROM events WHERE length(event_date) >= 10 AND (? IS NULL OR event_date >= ? OR date_end >= ?)",
            (since, since, since),
        )[0][0]
        d = _open(site, f"/-/eventwire/timeline?by={by}" + (f"&since={since}" if since else ""))
        assert "Showing the last" not in d.page_source
        bars = d.execute_script("return Array.from(document.querySelectorAll('rect.ew-bar')).map(r => +r.dataset.n)")
        assert bars and sum(bars) == dated, by
        d.save_screenshot(str(site["shots"] / f"timeline-{by}.png"))
    d = _open(site, "/-/eventwire/timeline?by=month&country=NG")
    ng = _rows(db, "SELECT count(*) FROM events WHERE country = 'NG' AND length(event_date) >= 10")[0][0]
    assert sum(d.execute_script("return Array.from(document.querySelectorAll('rect.ew-bar')).map(r => +r.dataset.n)")) == ng
    # a bar opens the table filtered to its month (and the timeline's filter)
    href = d.execute_script("return document.querySelector('svg.ew-timeline a').getAttribute('href')")
    assert "country=NG" in href and "event_date__gte=" in href


def test_hostile_article_runs_nothing(site):
    db = site["db"]
    events = _rows(
        db,
        "SELECT DISTINCT l.event_id FROM event_mentions l JOIN mentions m ON m.id = l.mention_id "
        "JOIN articles a ON a.id = m.article_id WHERE a.url = ?",
        (HOSTILE["url"],),
    )
    assert events, "the hostile article gave no event"
    article_id = _rows(db, "SELECT id FROM articles WHERE url = ?", (HOSTILE["url"],))[0][0]
    pages = [
        f"/-/eventwire/event/{events[0][0]}",
        "/web/articles",
        f"/web/articles/{article_id}",
        "/web/mentions",
        "/web/event_sources",
        "/web/articles?_search=farmers",
    ]
    for path in pages:
        d = _open(site, path)
        time.sleep(0.3)  # an <img onerror> fires once the image fails
        _no_alert(d)
        assert d.execute_script(f"return typeof window.{FLAG}") == "undefined", path
    d = _open(site, f"/-/eventwire/event/{events[0][0]}")
    # the payload is shown as text, and the javascript: URL is no link
    assert "<script>" in d.find_element(By.CSS_SELECTOR, ".ew-title").text
    assert "<img src=x onerror=" in d.find_element(By.CSS_SELECTOR, "mark.ew-evidence").find_element(By.XPATH, "..").text
    assert not d.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    assert d.execute_script("return document.querySelectorAll('.ew-context script, .ew-context img, .ew-meta script, .ew-meta img').length") == 0
    d.save_screenshot(str(site["shots"] / "hostile-event.png"))
    # clicking the URL text does nothing either
    d.find_element(By.CSS_SELECTOR, ".ew-url-text").click()
    _no_alert(d)
    assert d.execute_script(f"return typeof window.{FLAG}") == "undefined"
    # the map's popups are built from text nodes: open every marker's popup
    d = _open(site, "/-/eventwire/map", wait_map=True)
    d.execute_script(
        "var m = document.querySelector('#ew-map .ew-marker'); if (m) { m.closest('.leaflet-marker-icon').click(); }"
    )
    time.sleep(0.3)
    _no_alert(d)
    assert d.execute_script(f"return typeof window.{FLAG}") == "undefined"
