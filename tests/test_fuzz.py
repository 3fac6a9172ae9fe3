"""Property-based tests (Hypothesis): random and mutated articles through ``eventwire.extract`` and ingest.

Articles are built at test time from the dev gold texts and the example article: a window of
their sentences, shuffled, with markup, random Unicode (lone surrogates too), huge numbers,
dates far in the past and future, odd whitespace, and publication dates anywhere in 1-9999.
Invariants: no exception; every record valid against the schema; every source span inside
its article and the text there equal to the evidence sentence; ``date`` the start of an
ordered ``date_range``; counts inside their ranges; ingesting the same files again changes
nothing in the store.

CI runs ``EVENTWIRE_FUZZ_EXAMPLES`` (default 60) extraction examples and a third as many
ingest examples, derandomized (the same examples each run); set the variable higher for a
longer, random run, e.g. ``EVENTWIRE_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz.py``.
"""
from __future__ import annotations

import json
import os
import random
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE, GOLD_DEV
from invariants import record_problems

N = int(os.environ.get("EVENTWIRE_FUZZ_EXAMPLES", "60"))
LONG = "EVENTWIRE_FUZZ_EXAMPLES" in os.environ
SETTINGS = dict(
    deadline=None,
    derandomize=not LONG,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    print_blob=True,
)


def _bases() -> list[tuple[str | None, list[str]]]:
    """(publication date, sentences) of each source article, read now from the files."""
    from eventwire.readers.text import split_header

    paths = [EXAMPLE, *sorted(GOLD_DEV.glob("*.txt"))] if GOLD_DEV.exists() else [EXAMPLE]
    out = []
    for p in paths:
        header, body = split_header(p.read_text(encoding="utf-8"))
        sents = [s for s in re.split(r"(?<=[.!?\"\u201d])\s+", body.strip()) if s.strip()]
        out.append((header, sents))
    return out


BASES = _bases()

MARKUP = ["<p>", "</p>", "<div class='x'>", "</div>", "<script>var a = '<p>';</script>", "<style>p{}</style>",
          "&amp;", "&nbsp;", "&#8212;", "<!-- comment -->", "<br/>", "<a href='http://e.org/?a=1&b=2'>link</a>",
          "]]>", "<![CDATA[", "{\"text\": 1}", "\\n", "| Share | Tweet |", " date 2017-13-45 "]
HUGE = ["killing 123456789012345678901234567890 people", "1e308 fighters", "10,000,000,000,000,000 were displaced",
        "-5 soldiers died", "0 killed", "99999999999 wounded", "at least 3.5 million protesters", "9" * 400,
        "two thousand three hundred and forty-five thousand killed", "\u0665\u0666 dead"]
DATES = ["on 1 January 0001", "in the year 9999", "on 31 December 99999", "in 1066", "in 2350", "on February 30, 2017",
         "in 100 BC", "on 29 February 2100", "last month", "next year", "on Monday", "since 1900", "in the 1990s",
         "on 0000-00-00", "on 2017-13-45", "in 10000 years", "a million years ago", "on 12/31/9999", "in 1st century"]
SPACES = ["\t", "\r\n", "\u2028", "\u2029", "\x0c", "\u00a0", "\u200b", "\n\n\n", " " * 40, "\x00", "\x1b[31m"]
UNICODE = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=12)


@st.composite
def articles(draw) -> tuple[str, str | None]:
    """(text, published) of a mutated article."""
    header, sents = draw(st.sampled_from(BASES))
    start = draw(st.integers(0, max(0, len(sents) - 1)))
    window = list(sents[start:start + draw(st.integers(1, 8))])
    if draw(st.booleans()):
        window = draw(st.permutations(window))
    if draw(st.integers(0, 4)) == 0:  # two stories on one page
        _, other = draw(st.sampled_from(BASES))
        window += other[:draw(st.integers(1, 4))]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["markup", "huge", "date", "space", "unicode", "repeat", "drop"]))
        pos = draw(st.integers(0, len(window)))
        if kind == "drop" and window:
            del window[min(pos, len(window) - 1)]
            continue
        if kind == "repeat" and window:
            window.insert(pos, " ".join([draw(st.sampled_from(window))] * draw(st.integers(2, 6))))
            continue
        piece = {"markup": lambda: draw(st.sampled_from(MARKUP)), "huge": lambda: draw(st.sampled_from(HUGE)),
                 "date": lambda: draw(st.sampled_from(DATES)), "space": lambda: draw(st.sampled_from(SPACES)),
                 "unicode": lambda: draw(UNICODE)}.get(kind, lambda: "")()
        if window and draw(st.booleans()):  # inside a sentence, at a word boundary
            i = min(pos, len(window) - 1)
            words = window[i].split(" ")
            j = draw(st.integers(0, len(words)))
            window[i] = " ".join(words[:j] + [piece] + words[j:])
        else:
            window.insert(pos, piece)
    text = " ".join(window) if draw(st.booleans()) else "\n\n".join(window)
    pub = draw(st.one_of(
        st.just(header),
        st.none(),
        st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
        st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(lambda d: d.isoformat()[:7]),
    ))
    return text, pub


@pytest.fixture(scope="module")
def pipeline():
    from eventwire.nlp import load_pipeline

    return load_pipeline()


@settings(max_examples=N, **SETTINGS)
@given(case=articles())
def test_extract_keeps_its_invariants(pipeline, case):
    from eventwire import extract
    from eventwire.article import Article, parse_published
    from eventwire.readers.text import split_header

    text, pub = case
    events = extract(text, published=pub)
    # The article extract() made: its text is what every span points into.
    header, body = split_header(text)
    p, prec = parse_published(pub or header)
    article = Article(text=body.rstrip(), published=p, published_precision=prec)
    texts = {article.id: article.text}
    for ev in events:
        rec = ev.to_record()
        assert record_problems(rec, texts) == [], (rec, text)
        json.dumps(rec, ensure_ascii=False).encode("utf-8")  # printable as UTF-8 JSON Lines


def _write(folder: Path, n: int, text: str, pub: str | None, form: str) -> Path:
    """One article as a file of the given form (the readers' path, not only the pipeline's)."""
    from eventwire.article import parse_published

    try:
        parse_published(pub)
    except ValueError:
        pub = None
    header = f" date {pub} " if pub else ""
    text = text.replace("\x00", " ")  # a NUL makes a file binary: refused, which the bad-input tests cover
    if form == "jsonl":
        p = folder / f"a{n:05d}.jsonl"
        p.write_text(json.dumps({"text": text, "published": pub, "url": f"http://example.org/{n}"}) + "\n", encoding="utf-8")
    elif form == "html":
        from html import escape

        p = folder / f"a{n:05d}.html"
        paras = "".join(f"<p>{escape(s)}</p>" for s in text.split("\n\n"))
        meta = f"<meta property='article:published_time' content='{pub}'>" if pub and len(pub) == 10 else ""
        p.write_text(f"<html><head><title>Story {n}</title>{meta}</head><body><article>{paras}</article></body></html>",
                     encoding="utf-8", errors="replace")
    else:
        p = folder / f"a{n:05d}.txt"
        data = (header + text).encode("utf-8", errors="replace")
        if form == "cp1252":
            try:
                data = (header + text).encode("cp1252")
            except UnicodeEncodeError:
                pass
        p.write_bytes(data)
    return p


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory):
    from eventwire.store import Store

    folder = tmp_path_factory.mktemp("fuzz")
    store = Store(folder / "fuzz.db")
    yield store, folder
    store.close()


_counter = [0]


@settings(max_examples=max(10, N // 3), **SETTINGS)
@given(batch=st.lists(st.tuples(articles(), st.sampled_from(["txt", "jsonl", "html", "cp1252"])), min_size=1, max_size=3))
def test_ingest_keeps_its_invariants_and_reingest_changes_nothing(pipeline, shared_store, batch):
    from eventwire.store.ingest import ingest

    store, folder = shared_store
    paths = []
    for (text, pub), form in batch:
        _counter[0] += 1
        paths.append(str(_write(folder, _counter[0], text, pub, form)))
    first = ingest(paths, store)
    assert first.articles + len(first.errors) >= len(paths)
    for e in first.errors:  # a refused input is one line naming it
        assert "\n" not in e and any(e.startswith(p) for p in paths), e
    texts = dict(store.conn.execute("SELECT id, text FROM articles").fetchall())
    for rec in store.events():
        assert record_problems(rec, texts) == [], rec
    before = (store.dump(), store.counts())
    again = ingest(paths, store)
    assert again.stored == 0 and again.errors == first.errors
    assert (store.dump(), store.counts()) == before


def test_numbers_too_big_to_be_counts_are_no_counts(pipeline, tmp_path):
    """Found by the fuzzer: 400 nines overflowed a float into infinity (OverflowError), and a
    30-digit toll could not be stored (SQLite integers stop at 2**63)."""
    from eventwire import extract
    from eventwire.readers import read
    from eventwire.store import Store

    for n in ("9" * 400, "123456789012345678901234567890", "12,000,000,000,000"):
        text = f"Gunmen killed {n} people and wounded 7 others in the market town on Monday, police said."
        events = extract(text, published="2020-06-03")
        assert all(ev.fatalities is None or ev.fatalities <= 10_000_000_000 for ev in events)
        assert any(ev.to_record()["counts"].get("wounded") == 7 for ev in events)
        p = tmp_path / f"n{len(n)}.txt"
        p.write_text(f" date 2020-06-03 {text}")
        (art,) = list(read(str(p)))
        with Store(tmp_path / "big.db") as store:
            store.add_article(art, events)


def test_events_at_the_ends_of_the_calendar_merge_and_store(tmp_path):
    """Found by the fuzzer: an event dated 0001-01-01 ('in 1st century' of a story published in
    the year 366) overflowed date arithmetic in the store's blocking (OverflowError)."""
    from test_ingest_crash import fake_extract

    from eventwire.article import Article
    from eventwire.store import Store

    with Store(tmp_path / "ends.db") as store:
        for day, pub in (("0001-01-01", date(1, 1, 2)), ("0001-01-02", date(1, 1, 3)), ("9999-12-31", date(9999, 12, 31))):
            text = f"Report.\nEV Battles|Armed clash|{day}|day|Alphaville|NG|10.0|7.0|Northern Front|3\n"
            (art, events), = fake_extract([Article(text=text, published=pub, published_precision="day")])
            store.add_article(art, events)
        assert store.counts()["articles"] == 3
        assert {r["date"] for r in store.events()} <= {"0001-01-01", "0001-01-02", "9999-12-31"}
