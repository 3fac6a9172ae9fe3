"""HTML, RSS/Atom and WARC inputs reduce to the same Article record."""
import io
from datetime import date

from eventwire.readers import ReadError, iter_paths, read

STORY = (
    "Gunmen attacked a police station in the northern town overnight, killing three officers, "
    "officials said on Tuesday. Residents said the attackers fled on motorcycles before dawn. "
    "Security forces later sealed off the roads leading to the town and searched nearby villages."
)

PAGE = f"""<!doctype html><html><head><title>Attack on police station</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2022-06-14T08:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Attack on police station</h1><p>{STORY}</p><p>{STORY}</p></article>
<footer>Copyright Example Wire. Subscribe to our newsletter.</footer><script>var x = 1;</script></body></html>"""


def test_html_page_gives_body_title_and_date(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE)
    (art,) = list(read(str(p)))
    assert not isinstance(art, ReadError), art
    assert "Gunmen attacked a police station" in art.text
    assert "Subscribe" not in art.text and "var x" not in art.text
    assert art.title == "Attack on police station"
    assert art.published == date(2022, 6, 14)


def test_html_without_text_is_an_error(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><body><nav>Home</nav></body></html>")
    (item,) = list(read(str(p)))
    assert isinstance(item, ReadError) and "no article text" in item.reason


RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>First</title><link>http://example.org/a</link><guid>a</guid>
<pubDate>Tue, 14 Jun 2022 08:00:00 GMT</pubDate><description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>
<item><title>Empty</title><link>http://example.org/b</link></item>
</channel></rss>"""


def test_rss_entries_become_articles(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text(RSS)
    items = list(read(str(p)))
    art, err = items
    assert art.url == "http://example.org/a" and art.outlet == "Example Wire"
    assert art.published == date(2022, 6, 14) and art.text.startswith("Gunmen attacked")
    assert "<p>" not in art.text
    assert isinstance(err, ReadError) and err.path.endswith("#2")


def test_atom_feed(tmp_path):
    p = tmp_path / "feed.atom"
    p.write_text(f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Wire</title><entry><title>T</title><link href="http://example.org/c"/><id>c</id>
<updated>2021-01-02T10:00:00Z</updated><content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content></entry></feed>""")
    (art,) = list(read(str(p)))
    assert art.published == date(2021, 1, 2) and art.url == "http://example.org/c"


def _warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers))


def test_warc_html_responses_become_articles(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    _warc(p, [("http://example.org/story", "text/html; charset=utf-8", PAGE), ("http://example.org/logo", "image/png", "xx")])
    assert list(iter_paths([str(tmp_path)])) == [str(p)]
    (art,) = list(read(str(p)))
    assert art.url == "http://example.org/story"
    assert "police station" in art.text and art.path.startswith(str(p) + "#")


def test_not_a_warc(tmp_path):
    p = tmp_path / "junk.warc"
    p.write_bytes(b"this is not a warc file at all")
    (item,) = list(read(str(p)))
    assert isinstance(item, ReadError) and "WARC" in item.reason
