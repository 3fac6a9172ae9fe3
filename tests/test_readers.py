import json
from datetime import date

from eventwire.readers import ReadError, iter_paths, read
from eventwire.readers.text import split_header


def _items(path, **kw):
    return list(read(str(path), **kw))


def test_crawl_header_gives_day_publication_date(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(" date 2021-03-04 Kabul - A roadside bomb exploded on Tuesday.\n")
    (art,) = _items(p)
    assert art.published == date(2021, 3, 4)
    assert art.published_precision == "day"
    assert art.text.startswith("Kabul - A roadside bomb")
    assert art.path == str(p)


def test_crawl_header_with_month_only(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(" date 2019-12 Gunmen attacked a village.")
    (art,) = _items(p)
    assert (art.published, art.published_precision) == (date(2019, 12, 1), "month")
    assert art.published_iso == "2019-12"


def test_plain_text_takes_published_option_or_stays_unknown(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("Protesters marched through the capital on Friday.")
    (art,) = _items(p)
    assert art.published is None and art.published_precision == "unknown"
    (art,) = _items(p, published=date(2020, 5, 1))
    assert art.published == date(2020, 5, 1)


def test_split_header_only_matches_the_header_form():
    assert split_header("date night was cancelled")[0] is None
    assert split_header(" date 2017-08-28 Body")[0] == "2017-08-28"


def test_jsonl_passes_url_and_id_and_reports_bad_lines(tmp_path):
    p = tmp_path / "feed.jsonl"
    rows = [
        {"id": "x1", "text": "Troops clashed with rebels.", "published": "2018-02-03", "url": "http://example.org/1", "title": "T", "source": "Example News"},
        "not json",
        {"text": "", "published": "2018-02-03"},
        {"text": "Police arrested ten people.", "published": "2018-02"},
    ]
    p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    items = _items(p)
    arts = [i for i in items if not isinstance(i, ReadError)]
    errs = [i for i in items if isinstance(i, ReadError)]
    assert [a.external_id for a in arts] == ["x1", None]
    assert arts[0].url == "http://example.org/1" and arts[0].outlet == "Example News"
    assert arts[0].path == f"{p}#1"
    assert arts[1].published_precision == "month"
    assert [e.path for e in errs] == [f"{p}#2", f"{p}#3"]
    assert "invalid JSON" in errs[0].reason and "text" in errs[1].reason


def test_bad_files_give_one_line_reasons(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01binary")
    # Bytes that are neither UTF-8 nor text in any other encoding (cp1252 leaves 0x81 undefined).
    undecodable = tmp_path / "latin.txt"
    undecodable.write_bytes(bytes(range(0x80, 0x100)) * 2)
    reasons = {}
    for p in (empty, binary, undecodable, tmp_path / "missing.txt"):
        (item,) = _items(p)
        assert isinstance(item, ReadError)
        assert "\n" not in str(item) and str(p) in str(item)
        reasons[p.name] = item.reason
    assert reasons == {
        "empty.txt": "empty file",
        "bin.txt": "binary file (a PNG image), not text",
        "latin.txt": "not UTF-8 and no other text encoding fits (invalid UTF-8 at byte 0)",
        "missing.txt": "no such file",
    }


def test_article_id_is_a_content_hash(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(" date 2020-01-01 Same text.")
    b.write_text(" date 2020-01-01 Same text.")
    (x,), (y,) = _items(a), _items(b)
    assert x.id == y.id
    b.write_text(" date 2020-01-02 Same text.")
    (z,) = _items(b)
    assert z.id != x.id


def test_iter_paths_walks_folders_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.jsonl", "sub/c.txt", "skip.png"):
        (tmp_path / name).write_text("x")
    got = [p.replace(str(tmp_path) + "/", "") for p in iter_paths([str(tmp_path)])]
    assert got == ["a.jsonl", "b.txt", "sub/c.txt"]


def test_jsonl_of_another_kind_is_one_error(tmp_path):
    p = tmp_path / "labels.jsonl"
    p.write_text('{"article": "001", "label": "x"}\n{"article": "002", "label": "y"}\n')
    (err,) = list(read(str(p)))
    assert isinstance(err, ReadError) and err.path == str(p) and "no 'text' field" in err.reason
