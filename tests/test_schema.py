"""The event record's JSON Schema (src/eventwire/data/event.schema.json) and outputs that conform to it."""
import copy

import pytest

from invariants import record_problems, schema, schema_errors, validator


def test_schema_is_valid_and_matches_the_taxonomy_and_value_sets():
    from eventwire.records import ACTOR_KINDS, MODALITIES, PLACE_PRECISIONS, PRECISIONS
    from eventwire.taxonomy import TAXONOMY

    validator()  # check_schema raises on an invalid schema
    s = schema()
    props = s["properties"]
    assert props["event_type"]["enum"] == list(TAXONOMY)
    assert sorted(props["sub_event_type"]["enum"]) == sorted(x for subs in TAXONOMY.values() for x in subs)
    assert props["modality"]["enum"] == list(MODALITIES)
    assert props["date_precision"]["enum"] == list(PRECISIONS)
    assert s["$defs"]["actor"]["properties"]["kind"]["enum"] == list(ACTOR_KINDS)
    assert s["$defs"]["place"]["properties"]["precision"]["enum"] == list(PLACE_PRECISIONS)


@pytest.fixture(scope="module")
def example_records(example_path_module):
    from eventwire import extract
    from eventwire.readers.text import split_header

    text = example_path_module.read_text()
    body = split_header(text)[1].rstrip()
    return extract(text), body


@pytest.fixture(scope="module")
def example_path_module():
    from conftest import EXAMPLE

    return EXAMPLE


def test_example_article_records_conform(example_records):
    events, body = example_records
    assert events
    for ev in events:
        rec = ev.to_record()
        texts = {s["article_id"]: body for s in rec["sources"]}
        assert record_problems(rec, texts) == [], rec


def test_broken_records_are_caught(example_records):
    events, _ = example_records
    good = events[0].to_record()
    for path, value in ((("event_type",), "Battle"), (("sub_event_type",), "Peaceful protest"), (("date_precision",), "daily"),
                        (("date",), "2017-02-30"), (("actor1",), {"name": "X", "kind": "army", "country": None}),
                        (("sources",), []), (("fatalities",), -1), (("counts",), {"killed": "three"}),
                        (("location",), {"name": "Nowhere", "country": "LBN", "admin1": None, "lat": 95.0, "lon": 0.0,
                                         "geonameid": None, "precision": "town"})):
        bad = copy.deepcopy(good)
        bad[path[0]] = value
        assert schema_errors(bad), path
    missing = copy.deepcopy(good)
    del missing["modality"]
    assert schema_errors(missing)
    shifted = copy.deepcopy(good)
    shifted["sources"][0]["span"] = [shifted["sources"][0]["span"][0] + 1, shifted["sources"][0]["span"][1] + 1]
    assert record_problems(shifted, {shifted["sources"][0]["article_id"]: events and _body(events)})


def _body(events):
    from conftest import EXAMPLE
    from eventwire.readers.text import split_header

    return split_header(EXAMPLE.read_text())[1].rstrip()


def test_dev_gold_outputs_and_the_store_conform(gold_dev, tmp_path):
    from eventwire.readers import ReadError, read
    from eventwire.store import Store
    from eventwire.store.ingest import ingest

    files = sorted(str(p) for p in gold_dev.glob("*.txt"))
    texts = {}
    for f in files:
        for a in read(f):
            assert not isinstance(a, ReadError), a
            texts[a.id] = a.text
    store = Store(tmp_path / "gold.db")
    try:
        stats = ingest(files, store)
        assert stats.stored == len(files) and not stats.errors
        recs = store.events()
    finally:
        store.close()
    assert len(recs) > len(files) / 2
    problems = {r["event_id"]: p for r in recs if (p := record_problems(r, texts))}
    assert problems == {}
