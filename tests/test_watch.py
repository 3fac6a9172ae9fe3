"""``eventwire watch`` against a real HTTP server the test starts on 127.0.0.1.

The server logs every request, so the tests check what was (not) asked again:
conditional feed requests, no page fetched twice, backoff after failures,
robots.txt, loopback refused by default, a kill -9 mid-round.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.store import Store
from eventwire.watch import (
    FeedListError,
    Fetcher,
    FetchError,
    Watcher,
    parse_every,
    read_feed_list,
)

HERE = Path(__file__).resolve().parent

PAGE = """<html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>Residents said the fighting continued into the evening, and several families left their homes for the
nearby town. Officials said an investigation had been opened.</p>
</article><footer>Copyright the Test Gazette</footer></body></html>"""

ARTICLES = {
    "/news/1.html": ("Clashes in the north", "Soldiers and rebels clashed near the town of Kidal on Monday, "
                     "leaving four fighters dead, a military spokesman said."),
    "/news/2.html": ("Protest in the capital", "Hundreds of teachers marched through Bamako on Tuesday to demand "
                     "unpaid wages, organisers said."),
    "/news/fr.html": ("Attaque dans le nord", "Des hommes armés ont attaqué un poste de gendarmerie lundi soir "
                      "dans le nord du pays, faisant trois morts parmi les gendarmes, selon une source sécuritaire. "
                      "Les assaillants se sont enfuis à moto vers la frontière après avoir incendié deux véhicules."),
}


def rss(items: list[tuple[str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><link>{{base}}{p}</link><guid>{p}</guid>"
        f"<pubDate>Tue, 03 Mar 2020 08:00:00 GMT</pubDate></item>"
        for p, t in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Gazette</title>{body}</channel></rss>'.encode()


class Server:
    """A small news site: a feed, article pages, robots.txt and pages that misbehave."""

    def __init__(self):
        self.log: list[tuple[str, dict]] = []
        self.page_delay = 0.0
        self.feed_items = [("/news/1.html", "Clashes in the north"), ("/news/2.html", "Protest in the capital"),
                           ("/private/3.html", "Members only")]
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):  # keep test output quiet
                pass

            def send(self, code: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers):
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k.replace("_", "-"), v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802 - http.server's name
                path = self.path
                outer.log.append((path, dict(self.headers)))
                base = f"http://127.0.0.1:{outer.port}"
                if path == "/robots.txt":
                    return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                if path == "/feed.xml":
                    if self.headers.get("If-None-Match") == '"v1"':
                        return self.send(304)
                    body = rss(outer.feed_items).replace(b"{base}", base.encode())
                    return self.send(200, body, "application/rss+xml", ETag='"v1"')
                if path == "/fr.xml":
                    body = rss([("/news/fr.html", "Attaque")]).replace(b"{base}", base.encode())
                    return self.send(200, body, "application/rss+xml")
                if path in ARTICLES:
                    time.sleep(outer.page_delay)
                    title, text = ARTICLES[path]
                    return self.send(200, PAGE.format(title=title, body=text).encode())
                if path == "/error.xml":
                    return self.send(500, b"oops")
                if path == "/loop-a":
                    return self.send(302, Location="/loop-b")
                if path == "/loop-b":
                    return self.send(302, Location="/loop-a")
                if path == "/slow.xml":
                    time.sleep(3)
                    return self.send(200, b"<rss/>")
                if path == "/huge.xml":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.end_headers()
                    try:
                        for _ in range(10_000):  # 640 MB if nobody hung up; the client stops at its cap
                            self.wfile.write(b"<rss>" + b" " * 65_531)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return None
                if path == "/notxml.xml":
                    return self.send(200, b"this is plainly not a feed", "text/plain")
                return self.send(404, b"no such page")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


def no_events(articles):
    """A fast stand-in for extraction: the store, the fetcher and the watcher are real."""
    for a in articles:
        yield a, []


def make_watcher(store, log, **kw):
    fetcher = Fetcher(delay=0.0, timeout=1.0, total_timeout=5.0, max_bytes=200_000, allow_private=True)
    return Watcher(store, fetcher, extractor=kw.pop("extractor", no_events), log=log.append, backoff_base=60, **kw)


# --------------------------------------------------------------------------- rounds


def test_new_items_are_stored_once_and_an_unchanged_feed_costs_a_304(server, tmp_path):
    store, log = Store(tmp_path / "w.db"), []
    w = make_watcher(store, log)
    s1 = w.round([server.url("/feed.xml")])
    assert (s1.items, s1.new, s1.stored, s1.left) == (3, 3, 2, 1)
    urls = {r[0] for r in store.conn.execute("SELECT url FROM articles")}
    assert urls == {server.url("/news/1.html"), server.url("/news/2.html")}
    # robots.txt disallows /private/: the page is never asked for, and the item is left for good.
    assert server.hits("/private/3.html") == 0
    row = store.conn.execute("SELECT status, reason FROM watch_items WHERE url LIKE '%private%'").fetchone()
    assert row["status"] == "left" and "robots.txt" in row["reason"]
    title = store.conn.execute("SELECT title, outlet, published FROM articles WHERE url LIKE '%1.html'").fetchone()
    assert tuple(title) == ("Clashes in the north", "Test Gazette", "2020-03-03")

    s2 = w.round([server.url("/feed.xml")])
    assert (s2.feeds_unchanged, s2.new, s2.stored) == (1, 0, 0)
    feed_requests = [h for p, h in server.log if p == "/feed.xml"]
    assert feed_requests[-1].get("If-None-Match") == '"v1"'
    assert server.hits("/news/1.html") == 1 and server.hits("/news/2.html") == 1
    assert store.counts()["articles"] == 2
    # the User-Agent says who is asking
    assert all("eventwire/" in h.get("User-Agent", "") for _, h in server.log)


def test_an_item_in_two_feeds_or_rounds_is_fetched_once(server, tmp_path):
    store, log = Store(tmp_path / "w.db"), []
    w = make_watcher(store, log)
    w.round([server.url("/feed.xml")])
    server.feed_items.append(("/news/1.html#comments", "Clashes in the north (comments)"))
    s = w.round([server.url("/feed.xml") + "?v=2"])  # another URL: no validators, the whole feed again
    assert s.new == 0 and server.hits("/news/1.html") == 1
    assert store.counts()["articles"] == 2


def test_loopback_is_refused_unless_allowed(server):
    f = Fetcher(delay=0.0, timeout=1.0)
    with pytest.raises(FetchError, match="private or loopback"):
        f.get(server.url("/feed.xml"))
    assert server.hits("/feed.xml") == 0 and server.hits("/robots.txt") == 0
    with pytest.raises(FetchError, match="not an http"):
        f.get("file:///etc/passwd")


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/error.xml", "HTTP 500"),
        ("/loop-a", "redirect loop"),
        ("/slow.xml", "timed out"),
        ("/huge.xml", "cap"),
        ("/notxml.xml", "not a readable RSS/Atom feed"),
    ],
)
def test_a_bad_feed_is_one_line_and_asked_again_only_after_a_pause(server, tmp_path, path, reason):
    store, log = Store(tmp_path / "w.db"), []
    w = make_watcher(store, log)
    good = server.url("/feed.xml")
    s1 = w.round([server.url(path), good])
    assert s1.feeds_failed == 1 and s1.stored == 2  # the good feed in the same round is done
    errors = [line for line in log if line.startswith("error")]
    assert len(errors) == 1 and "\n" not in errors[0] and reason in errors[0] and path in errors[0]
    hits = server.hits(path)
    s2 = w.round([server.url(path), good])
    assert s2.feeds_waiting == 1 and server.hits(path) == hits  # backoff: not asked in the next round
    state = store.conn.execute("SELECT failures, next_try FROM watch_feeds WHERE url = ?", (server.url(path),)).fetchone()
    assert state["failures"] == 1 and state["next_try"] > time.time() + 30


def test_backoff_doubles_and_a_recovered_feed_is_reset(server, tmp_path):
    store, log = Store(tmp_path / "w.db"), []
    now = [1_000_000.0]
    w = make_watcher(store, log, clock=lambda: now[0])
    url = server.url("/error.xml")
    waits = []
    for _ in range(3):
        w.round([url])
        nt = store.conn.execute("SELECT next_try FROM watch_feeds WHERE url = ?", (url,)).fetchone()[0]
        waits.append(nt - now[0])
        now[0] = nt + 1
    assert waits == [60, 120, 240]


def test_a_page_that_fails_is_retried_later_then_given_up(server, tmp_path):
    store, log = Store(tmp_path / "w.db"), []
    server.feed_items = [("/news/missing.html", "Gone")]
    w = make_watcher(store, log)
    w.round([server.url("/feed.xml")])
    row = store.conn.execute("SELECT status, attempts FROM watch_items").fetchone()
    assert tuple(row) == ("left", 1)  # a 404 is final: asking again will not help
    assert server.hits("/news/missing.html") == 1


def test_a_non_english_article_is_stored_and_counted_not_extracted(server, tmp_path):
    from eventwire.extract import extract_articles

    store, log = Store(tmp_path / "w.db"), []
    w = make_watcher(store, log, extractor=extract_articles)
    s = w.round([server.url("/fr.xml")])
    assert (s.stored, s.not_extracted) == (1, 1)
    row = store.conn.execute("SELECT lang, n_mentions FROM articles").fetchone()
    assert tuple(row) == ("fr", 0)
    assert "not English" in s.summary(1)


# --------------------------------------------------------------------------- the command


def _cli(args, env_extra=None):
    env = dict(os.environ)
    env["EVENTWIRE_EXTRACTOR"] = "test_watch:no_events"
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")])
    env.update(env_extra or {})
    return [sys.executable, "-m", "eventwire.cli", "watch", *args], env


def test_watch_command_killed_mid_round_and_restarted_stores_each_item_once(server, tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# the test site\n{server.url('/feed.xml')}\n")
    db = tmp_path / "w.db"
    server.page_delay = 1.0  # time to kill it between two pages
    cmd, env = _cli([str(feeds), "--db", str(db), "--rounds", "1", "--delay", "0", "--allow-private"])
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline:
        if db.exists():
            try:
                n = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                n = 0
            if n >= 1:
                break
        time.sleep(0.05)
    p.send_signal(signal.SIGKILL)
    p.wait(10)
    first = server.hits("/news/1.html")
    assert first == 1
    server.page_delay = 0.0
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "round 1:" in r.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*), COUNT(DISTINCT url) FROM articles").fetchone() == (2, 2)
    assert server.hits("/news/1.html") == 1  # stored before the kill: not fetched again
    statuses = dict(con.execute("SELECT url, status FROM watch_items"))
    assert sorted(statuses.values()) == ["left", "stored", "stored"]


def test_watch_command_rejects_a_bad_feed_list_in_one_line(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://example.org/rss\nftp://example.org/feed\n")
    cmd, env = _cli([str(feeds), "--db", str(tmp_path / "w.db"), "--rounds", "1"])
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and f"{feeds}:2" in lines[0]


def test_feed_list_and_durations(tmp_path):
    f = tmp_path / "feeds.txt"
    f.write_text("\n# comment\nhttps://a.example/rss  # trailing note\nhttps://a.example/rss\nhttp://b.example/atom\n")
    assert read_feed_list(str(f)) == ["https://a.example/rss", "http://b.example/atom"]
    (tmp_path / "empty.txt").write_text("# nothing\n")
    with pytest.raises(FeedListError, match="no feed URLs"):
        read_feed_list(str(tmp_path / "empty.txt"))
    with pytest.raises(FeedListError, match="missing.txt"):
        read_feed_list(str(tmp_path / "missing.txt"))
    assert parse_every("15m") == 900 and parse_every("90s") == 90 and parse_every("2h") == 7200 and parse_every("30") == 30
    with pytest.raises(ValueError):
        parse_every("soon")
