from datetime import date

from eventwire.records import Actor, DateRange, Event, EventMention, Place, Source
from eventwire.taxonomy import TAXONOMY, event_type_of, is_valid


def _mention(article="a1", span=(0, 10), killed=None, counts=None, sub="Armed clash"):
    return EventMention(
        event_type=event_type_of(sub),
        sub_event_type=sub,
        date=DateRange(date(2020, 1, 2), date(2020, 1, 2), "day"),
        source=Source(article_id=article, span=span, sentence="s"),
        actor1=Actor("Military Forces of Mali", "state forces", "ML"),
        location=Place("Gao", "ML", 16.27, -0.04, 2457163, precision="town"),
        fatalities=killed,
        counts=counts or {},
    )


def test_taxonomy_has_6_types_and_25_subtypes():
    assert len(TAXONOMY) == 6
    assert sum(len(v) for v in TAXONOMY.values()) == 25
    assert is_valid("Battles", "Armed clash") and not is_valid("Riots", "Armed clash")


def test_event_record_follows_the_contract():
    rec = Event(mentions=[_mention(killed=3, counts={"wounded": 4})]).to_record()
    for key in ("event_id", "event_type", "sub_event_type", "date", "date_precision", "date_range", "actor1", "actor2",
                "associated_actors", "location", "destination", "fatalities", "counts", "modality", "summary", "sources"):
        assert key in rec
    assert rec["date_range"] == ["2020-01-02", "2020-01-02"]
    assert rec["location"]["geonameid"] == 2457163
    assert rec["sources"][0]["span"] == [0, 10]


def test_merged_counts_keep_best_value_and_range():
    ev = Event(mentions=[_mention("a", (0, 5), 10, {"wounded": 4}), _mention("b", (0, 5), 12, {"wounded": 4}), _mention("c", (3, 9), 12)])
    rec = ev.to_record()
    assert rec["fatalities"] == 12 and rec["fatalities_range"] == [10, 12]
    assert rec["counts"] == {"wounded": 4} and rec["count_ranges"] == {"wounded": [4, 4]}
    assert len(rec["sources"]) == 3


def test_unknown_date_is_null_not_made_up():
    assert DateRange.unknown().to_json() == {"date": None, "date_precision": "unknown", "date_range": None}


def test_event_id_is_stable_for_the_same_input():
    assert Event(mentions=[_mention()]).event_id == Event(mentions=[_mention()]).event_id
    assert Event(mentions=[_mention()]).event_id != Event(mentions=[_mention(span=(1, 10))]).event_id


def test_within_one_article_the_value_more_sentences_repeat_wins():
    ev = Event(mentions=[_mention("a", (0, 5), 15), _mention("a", (6, 9), 40), _mention("a", (10, 19), 15), _mention("a", (20, 29), 23)])
    assert ev.fatalities == 15 and ev.fatalities_range == [15, 40]
