"""Every bad input has a clear answer: one line naming the input and the reason, the run goes on.

Reader-level cases run in-process (no pipeline); the CLI cases run ``eventwire`` as a user does.
"""
from __future__ import annotations

import gzip
import io
import json
import logging
import os
import subprocess
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from eventwire import readers
from eventwire.article import DEFAULT_MAX_CHARS, truncate
from eventwire.readers import ReadError, read

HERE = Path(__file__).resolve().parent

STORY = ("Gunmen attacked a police post outside the river town on Sunday night, killing two officers "
         "and wounding a third, a provincial spokesman said. The attackers escaped into the forest.")
PAGE = (f"<!doctype html><html><head><title>Police post attacked</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>Police post attacked</h1><p>{STORY}</p><p>{STORY}</p>"
        f"</article></body></html>")


def items(path, **kw):
    return list(read(str(path), **kw))


def one(path, **kw):
    (item,) = items(path, **kw)
    return item


def assert_error(item, path, *words):
    assert isinstance(item, ReadError), item
    line = str(item)
    assert "\n" not in line and line.startswith(str(path)), line
    for w in words:
        assert w in item.reason, line


@pytest.fixture
def warnings_seen(caplog):
    caplog.set_level(logging.WARNING, logger="eventwire")

    def lines():
        return [r.getMessage() for r in caplog.records if r.name.startswith("eventwire")]

    return lines


# ------------------------------------------------------------------ files that are no text


def test_empty_and_whitespace_files(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", b" \n\t\n"), ("empty.jsonl", b"\n\n"), ("empty.html", b"")):
        p = tmp_path / name
        p.write_bytes(data)
        assert_error(one(p), p, "empty file")


def test_binary_files_name_what_they_are(tmp_path):
    cases = {"photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "doc.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
             "blob.txt": b"abc\x00\x01\x02\x00" * 50}
    for name, data in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        assert_error(one(p), p, "binary file")
    assert "PDF" in one(tmp_path / "doc.txt").reason


# ------------------------------------------------------------------ encodings


def test_cp1252_news_page_is_decoded_with_a_warning(tmp_path, warnings_seen):
    text = " date 2019-04-02 Lagos - Police said the caf\u00e9 owner\u2019s son was \u201cshot twice\u201d \u2014 he survived."
    p = tmp_path / "cp1252.txt"
    p.write_bytes(text.encode("cp1252"))
    art = one(p)
    assert art.text == text[len(" date 2019-04-02 "):]
    assert art.published == date(2019, 4, 2)
    assert any(str(p) in w and "cp1252" in w for w in warnings_seen())


def test_mixed_utf8_and_cp1252_keeps_both(tmp_path, warnings_seen):
    p = tmp_path / "mixed.txt"
    p.write_bytes(" date 2019-04-02 Troops entered Sa\u00efda on Monday.".encode("utf-8")
                  + " Residents said \u201cit was quiet\u201d.".encode("cp1252"))
    art = one(p)
    assert "Sa\u00efda" in art.text and "\u201cit was quiet\u201d" in art.text
    assert any(str(p) in w and "mixed encodings" in w for w in warnings_seen())


def test_other_legacy_encoding_is_detected(tmp_path, warnings_seen):
    text = ("\u0411\u043e\u0435\u0432\u0438\u043a\u0438 \u0430\u0442\u0430\u043a\u043e\u0432\u0430\u043b\u0438 "
            "\u0434\u0435\u0440\u0435\u0432\u043d\u044e \u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a. ") * 3
    p = tmp_path / "cyrillic.txt"
    p.write_bytes(text.encode("cp1251"))
    art = one(p, published=date(2020, 1, 1))
    assert art.text.strip() == text.strip()
    assert any("cp1251" in w for w in warnings_seen())


def test_bytes_no_encoding_fits_are_refused_with_the_reason(tmp_path):
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(range(0x80, 0x100)) * 4)
    assert_error(one(p), p, "not UTF-8", "invalid UTF-8 at byte 0")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xff\xfe\xfa not utf8")  # a UTF-16 byte-order mark and no UTF-16 text after it
    assert_error(one(bom), bom, "UTF-16")


def test_utf16_with_bom_is_read(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes((" date 2020-05-06 " + STORY).encode("utf-16"))
    art = one(p)
    assert art.text == STORY and art.published == date(2020, 5, 6)


# ------------------------------------------------------------------ size


def test_fifty_megabyte_article_is_cut_to_the_cap_in_bounded_time_and_memory(tmp_path, warnings_seen):
    p = tmp_path / "huge.txt"
    para = STORY + "\n\n"
    with open(p, "w") as fh:
        fh.write(" date 2021-07-08 ")
        fh.write(para * (50_000_000 // len(para)))
    tracemalloc.start()
    t = time.perf_counter()
    art = one(p)
    seconds = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert seconds < 5 and peak < 30_000_000, (seconds, peak)
    assert DEFAULT_MAX_CHARS * 0.9 <= len(art.text) <= DEFAULT_MAX_CHARS
    assert art.text.endswith("forest.")  # cut at a paragraph end, not inside a sentence
    (w,) = [w for w in warnings_seen() if "truncated" in w]
    assert str(p) in w and "EVENTWIRE_MAX_CHARS" in w


def test_cap_is_a_setting_and_cuts_at_a_sentence_end(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_MAX_CHARS", "2000")
    text = "One two three four five six. " * 200
    kept, dropped = truncate(text)
    assert len(kept) <= 2000 and kept.endswith(".") and dropped == len(text) - len(kept)
    assert truncate("short") == ("short", 0)


def test_one_huge_line_in_json_lines_is_cut_not_refused(tmp_path, warnings_seen):
    p = tmp_path / "big.jsonl"
    rows = [{"text": STORY * 3000, "published": "2020-01-01"}, {"text": STORY, "published": "2020-01-02"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    big, small = items(p)
    assert len(big.text) <= DEFAULT_MAX_CHARS and small.text == STORY
    assert any(f"{p}#1" in w and "truncated" in w for w in warnings_seen())


# ------------------------------------------------------------------ content


def test_html_of_scripts_styles_and_navigation_has_no_article(tmp_path):
    p = tmp_path / "shell.html"
    nav = "".join(f"<li><a href='/s{i}'>Section number {i}</a></li>" for i in range(30))
    p.write_text(f"<html><head><style>body {{ color: red }}</style><script>var words = 'many words here to fool a "
                 f"counter of words';</script></head><body><header><nav><ul>{nav}</ul></nav></header>"
                 f"<script>track('page view with several words');</script><footer><a>Privacy</a> <a>Terms of use"
                 f"</a> <a>Contact the newsroom</a></footer></body></html>")
    assert_error(one(p), p, "no article text")


def test_impossible_and_missing_date_headers(tmp_path, warnings_seen):
    bad = tmp_path / "bad-date.txt"
    bad.write_text(f" date 2017-13-45 {STORY}")
    assert_error(one(bad), bad, "impossible publication date '2017-13-45'", "month")
    feb = tmp_path / "feb30.txt"
    feb.write_text(f" date 2019-02-30 {STORY}")
    assert_error(one(feb), feb, "impossible publication date")
    undated = tmp_path / "undated.txt"
    undated.write_text(STORY)
    art = one(undated)
    assert art.published is None and art.published_precision == "unknown"
    assert any(str(undated) in w and "no publication date" in w for w in warnings_seen())


def test_json_lines_with_broken_lines_among_good_ones(tmp_path):
    p = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"text": STORY, "published": "2020-03-01", "id": 1}), '{"text": "cut off in the mid',
             "[1, 2]", json.dumps({"text": STORY, "published": "2020-13-01"}), "\x00garbage",
             json.dumps({"text": "", "published": "2020-03-01"}), json.dumps({"text": STORY + " Later.", "published": "2020-03-02"}),
             '{"text": "' + "[" * 5000 + '"}']
    p.write_text("\n".join(lines) + "\n")
    got = items(p)
    arts = [i for i in got if not isinstance(i, ReadError)]
    errs = {i.path: i.reason for i in got if isinstance(i, ReadError)}
    assert [a.path for a in arts] == [f"{p}#1", f"{p}#7", f"{p}#8"]
    assert set(errs) == {f"{p}#{n}" for n in (2, 3, 4, 5, 6)}
    assert "invalid JSON" in errs[f"{p}#2"] and "JSON object" in errs[f"{p}#3"]
    assert "impossible publication date" in errs[f"{p}#4"] and "text" in errs[f"{p}#6"]


def test_lone_surrogates_from_json_escapes_become_replacement_characters(tmp_path):
    p = tmp_path / "surrogate.jsonl"
    p.write_text(json.dumps({"text": "Troops \ud800clashed with rebels.", "published": "2020-03-01"}) + "\n")
    (art,) = items(p)
    assert art.text == "Troops \ufffdclashed with rebels." and len(art.id) == 16


def _warc_bytes(pages, gz=True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    w = WARCWriter(out, gzip=gz)
    for url, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    return out.getvalue()


def test_truncated_warc_record_is_an_error_and_the_records_before_it_stand(tmp_path):
    pages = [(f"http://example.org/{i}", PAGE.replace("two officers", f"{i + 2} officers")) for i in range(3)]
    for gz in (True, False):
        data = _warc_bytes(pages, gz)
        p = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
        p.write_bytes(data[:-120])
        got = items(p)
        assert [a.url for a in got if not isinstance(a, ReadError)] == ["http://example.org/0", "http://example.org/1"]
        (err,) = [e for e in got if isinstance(e, ReadError)]
        assert "truncated" in err.reason or "corrupt" in err.reason, err
        assert "\n" not in str(err) and str(err).startswith(str(p))


def test_gzip_corrupt_warc_record(tmp_path):
    data = _warc_bytes([(f"http://example.org/{i}", PAGE) for i in range(3)])
    mid = len(data) // 2
    p = tmp_path / "damaged.warc.gz"
    p.write_bytes(data[:mid] + b"\x00" * 64 + data[mid + 64:])
    got = items(p)
    assert [a.url for a in got if not isinstance(a, ReadError)] == ["http://example.org/0"]
    (err,) = [e for e in got if isinstance(e, ReadError)]
    assert "corrupt" in err.reason and "rest of the file is skipped" in err.reason
    head = tmp_path / "head.warc.gz"
    head.write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 200)
    assert_error(one(head), head, "gzip")


def test_feed_file_that_is_not_xml(tmp_path):
    for name, body in (("down.rss", "Service temporarily unavailable. Please try again later."),
                       ("page.xml", "<?xml version='1.0'?><urlset><url><loc>http://a.example</loc></url></urlset>"),
                       ("cut.atom", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>x</title><entry><ti")):
        p = tmp_path / name
        p.write_text(body)
        item = one(p)
        assert isinstance(item, ReadError), (name, item)
        assert "feed" in item.reason or "XML" in item.reason, item


# ------------------------------------------------------------------ files that go away


def test_permission_denied(tmp_path, monkeypatch):
    p = tmp_path / "locked.txt"
    p.write_text(f" date 2020-01-01 {STORY}")
    real_open = open

    def deny(path, *a, **kw):
        if str(path) == str(p):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **kw)

    monkeypatch.setattr(readers, "open", deny, raising=False)
    assert_error(one(p), p, "permission denied")
    monkeypatch.undo()
    if os.geteuid() != 0:  # root reads anything: the real check only runs for other users
        p.chmod(0)
        try:
            assert_error(one(p), p, "permission denied")
        finally:
            p.chmod(0o644)


def test_unlistable_folder_is_reported(tmp_path, monkeypatch):
    d = tmp_path / "inbox"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "a.txt").write_text(STORY)
    real = {"scandir": os.scandir, "listdir": os.listdir}

    def denying(name):
        def call(path="."):
            if str(path).endswith("sub"):
                raise PermissionError(13, "Permission denied", str(path))
            return real[name](path)
        return call

    for name in real:
        monkeypatch.setattr(os, name, denying(name))
    paths = list(readers.iter_paths([str(d)]))
    assert paths == [str(d / "sub")]
    assert_error(one(d / "sub"), d / "sub", "cannot be listed", "permission denied")


_deleted: list[str] = []


def deleting_extract(articles):
    """A fake extractor that, on its first call, deletes the file named in EVENTWIRE_TEST_DELETE."""
    victim = os.environ.get("EVENTWIRE_TEST_DELETE")
    if victim and os.path.exists(victim):
        os.remove(victim)
        _deleted.append(victim)
    for a in articles:
        yield a, []


def test_file_deleted_between_listing_and_reading(tmp_path, monkeypatch):
    from eventwire.store import Store
    from eventwire.store.ingest import CHUNK, ingest

    src = tmp_path / "in"
    src.mkdir()
    n = CHUNK + 4
    for i in range(n):
        (src / f"a{i:03d}.txt").write_text(f" date 2020-02-{1 + i % 28:02d} Report {i}. {STORY}")
    victim = src / f"a{n - 2:03d}.txt"
    monkeypatch.setenv("EVENTWIRE_EXTRACTOR", "test_bad_inputs:deleting_extract")
    monkeypatch.setenv("EVENTWIRE_TEST_DELETE", str(victim))
    store = Store(tmp_path / "e.db")
    try:
        stats = ingest([str(src)], store)
    finally:
        store.close()
    assert _deleted == [str(victim)]
    assert stats.stored == n - 1
    assert stats.errors == [f"{victim}: no such file"]


def test_any_exception_inside_a_reader_is_one_error_line(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text(STORY)
    q = tmp_path / "b.txt"
    q.write_text(STORY)

    def broken(path, *a, **kw):
        if path == str(p):
            raise RuntimeError("a reader bug\nwith a second line")
        return real(path, *a, **kw)

    real = readers.read_text_file
    monkeypatch.setattr(readers, "read_text_file", broken)
    assert_error(one(p), p, "could not be read", "RuntimeError", "a reader bug")
    assert not isinstance(one(q), ReadError)


# ------------------------------------------------------------------ format by content


def test_format_is_detected_by_content(tmp_path):
    html_txt = tmp_path / "page.txt"
    html_txt.write_text(PAGE)
    art = one(html_txt)
    assert "<p>" not in art.text and "Gunmen attacked" in art.text and art.title == "Police post attacked"

    jsonl_json = tmp_path / "rows.json"
    jsonl_json.write_text("\n".join(json.dumps({"text": STORY, "published": f"2020-01-0{i}"}) for i in (1, 2)) + "\n")
    assert [a.path for a in items(jsonl_json)] == [f"{jsonl_json}#1", f"{jsonl_json}#2"]

    array_json = tmp_path / "array.json"
    array_json.write_text(json.dumps([{"text": STORY, "published": "2020-01-01"}, {"text": STORY, "published": "2020-01-03"}], indent=2))
    assert [a.published.day for a in items(array_json)] == [1, 3]

    warc_bin = tmp_path / "crawl.bin"
    warc_bin.write_bytes(_warc_bytes([("http://example.org/x", PAGE)]))
    (art,) = items(warc_bin)
    assert art.url == "http://example.org/x"

    feed_txt = tmp_path / "feed.txt"
    feed_txt.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>t</title>"
                        f"<description>{STORY}</description><pubDate>Tue, 14 Jun 2022 08:00:00 GMT</pubDate></item></channel></rss>")
    (art,) = items(feed_txt)
    assert art.outlet == "Wire" and art.published == date(2022, 6, 14)

    gz_text = tmp_path / "story.txt.gz"
    gz_text.write_bytes(gzip.compress(f" date 2020-01-05 {STORY}".encode()))
    (art,) = items(gz_text)
    assert art.text == STORY and art.published == date(2020, 1, 5)

    crawl_html = tmp_path / "crawl.html"  # a crawl-text article saved as .html is text after all
    crawl_html.write_text(f" date 2020-01-05 {STORY}")
    (art,) = items(crawl_html)
    assert art.published == date(2020, 1, 5) and art.text == STORY


def test_not_json_lines_at_all_is_one_error(tmp_path):
    p = tmp_path / "notes.jsonl"
    p.write_text("\n".join(f"note {i}: plain words" for i in range(100)))
    assert_error(one(p), p, "not JSON Lines")


# ------------------------------------------------------------------ the command line


def _cli(args, env=None, timeout=600):
    e = dict(os.environ)
    e.update(env or {})
    e["PYTHONPATH"] = os.pathsep.join([str(HERE), e.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, env=e, timeout=timeout)


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Refused inputs, each with a word its error line must hold."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = {
        "empty.txt": (b"", "empty file"),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        "noise.txt": (bytes(range(0x80, 0x100)) * 4, "not UTF-8"),
        "bad-date.txt": (f" date 2017-13-45 {STORY}".encode(), "impossible publication date"),
        "shell.html": (b"<html><head><script>var a = 1;</script></head><body><nav><a>Home</a></nav></body></html>", "no article text"),
        "down.rss": (b"Service unavailable", "not well-formed XML"),
        "cut.warc.gz": (_warc_bytes([("http://example.org/z", PAGE)])[:-200], "WARC"),
    }
    for name, (data, _) in cases.items():
        (folder / name).write_bytes(data)
    return {str(folder / name): word for name, (_, word) in cases.items()}


def test_cli_extract_goes_past_a_huge_file_and_bad_files(tmp_path, example_path):
    huge = tmp_path / "huge.txt"
    body = example_path.read_text().split(" ", 3)[3]
    with open(huge, "w") as fh:
        fh.write(" date 2017-08-28 ")
        while fh.tell() < 50_000_000:
            fh.write(body + "\n\n")
    bad = _bad_inputs(tmp_path / "bad")
    t = time.perf_counter()
    r = _cli(["extract", str(huge), *bad, str(tmp_path / "gone.txt"), str(example_path), "--format", "jsonl"],
             env={"EVENTWIRE_MAX_CHARS": "6000"})
    seconds = time.perf_counter() - t
    assert r.returncode == 2, r.stderr
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert all(l.startswith(("error: ", "warning: ")) for l in lines), r.stderr
    (w,) = [l for l in lines if l.startswith("warning: ")]
    assert str(huge) in w and "truncated" in w
    errors = [l for l in lines if l.startswith("error: ")]
    assert len(errors) == len(bad) + 1
    for path, word in bad.items():
        assert any(path in l and word in l for l in errors), (path, word, r.stderr)
    assert any("gone.txt: no such file" in l for l in errors)
    paths = {json.loads(l)["sources"][0]["path"] for l in r.stdout.splitlines()}
    assert paths == {str(huge), str(example_path)}  # the huge file's first part and the good file both came through
    print(f"extract of a 50 MB file (cap 6,000), {len(bad) + 1} bad inputs and the example: {seconds:.1f} s")


def test_cli_ingest_of_bad_inputs_leaves_the_store_as_it_was(tmp_path):
    from test_ingest_crash import dump, make_corpus

    src = tmp_path / "good"
    make_corpus(src, 8, seed=5)
    db = tmp_path / "e.db"
    env = {"EVENTWIRE_EXTRACTOR": "test_ingest_crash:fake_extract"}
    r = _cli(["ingest", str(src), "--db", str(db), "--no-progress"], env=env)
    assert r.returncode == 0, r.stderr
    before = dump(db)
    bad = _bad_inputs(tmp_path / "bad")
    (tmp_path / "bad" / "broken.jsonl").write_text("{not json\n{also not\n")
    r = _cli(["ingest", str(tmp_path / "bad"), str(tmp_path / "gone.txt"), "--db", str(db), "--no-progress"], env=env)
    assert r.returncode == 2
    errors = [l for l in r.stderr.splitlines() if l.startswith("error: ")]
    for path, word in bad.items():
        assert any(path in l and word in l for l in errors), (path, r.stderr)
    assert any("broken.jsonl" in l and "not JSON Lines" in l for l in errors), r.stderr
    assert "Traceback" not in r.stderr
    assert dump(db) == before

    # A repaired input (cp1252) is stored, with a warning and exit status 0.
    cp = tmp_path / "cp" / "a.txt"
    cp.parent.mkdir()
    cp.write_bytes(" date 2021-01-10 Alphaville - Crowds gathered at the caf\u00e9 \u2014 peacefully.\n".encode("cp1252"))
    r = _cli(["ingest", str(cp.parent), "--db", str(db), "--no-progress"], env=env)
    assert r.returncode == 0, r.stderr
    assert any(l.startswith("warning: ") and "cp1252" in l for l in r.stderr.splitlines()), r.stderr
    assert dump(db)[1]["articles"] == before[1]["articles"] + 1


def test_cli_extract_reports_an_article_whose_extraction_fails_and_goes_on(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import importlib

    from eventwire.cli import app

    ex = importlib.import_module("eventwire.extract")  # the module (eventwire.extract is also the function)

    good = tmp_path / "good.txt"
    good.write_text(f" date 2020-01-01 {STORY}")
    boom = tmp_path / "boom.txt"
    boom.write_text(" date 2020-01-01 This article breaks the extractor.")

    def fake(articles, model=None):
        arts = list(articles)
        for a in arts:
            if "breaks" in a.text:
                raise ValueError("E999 something deep inside\nsecond line")
        for a in arts:
            yield a, []

    monkeypatch.setenv("EVENTWIRE_EXTRACTOR", "unused:by_extract")  # skips loading the real pipeline
    seen = []
    real = fake

    def counting(articles, model=None):
        arts = list(articles)
        seen.extend(a.path for a in arts)
        return real(arts, model)

    monkeypatch.setattr(ex, "extract_articles", counting)
    r = CliRunner().invoke(app, ["extract", str(boom), str(good), "--format", "jsonl"])
    assert r.exit_code == 2
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert lines == [f"error: {boom}: extraction failed (ValueError: E999 something deep inside second line)"]
    assert str(good) in seen[2:]  # retried alone after the chunk failed, and extracted
