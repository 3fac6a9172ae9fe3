from datetime import date

from eventwire.evaluate import _bcubed, _date_ok, haversine_km, locate
from eventwire.records import DateRange, Event, EventMention, Source


def test_locate_matches_loosely_across_whitespace_and_quotes():
    text = "First line.\nThe army said the town’s   market\nwas hit. Last."
    span = locate("The army said the town's market was hit.", text)
    assert span is not None
    assert text[span[0]:span[1]].startswith("The army") and text[span[0]:span[1]].endswith("hit.")
    assert locate("Nothing like this sentence at all here.", text) is None


def test_bcubed_perfect_and_merged():
    assert _bcubed([("a", "1"), ("a", "1"), ("b", "2")])[2] == 1.0
    p, r, f = _bcubed([("a", "1"), ("b", "1")])
    assert p == 0.5 and r == 1.0


def test_date_scoring_by_precision():
    ev = Event(mentions=[EventMention("Battles", "Armed clash", DateRange(date(2020, 1, 6), date(2020, 1, 12), "week"), Source("a"))])
    assert _date_ok(ev, {"date": "2020-01-08", "date_precision": "week"})
    assert not _date_ok(ev, {"date": "2020-01-08", "date_precision": "day"})
    unknown = Event(mentions=[EventMention("Battles", "Armed clash", DateRange.unknown(), Source("a"))])
    assert _date_ok(unknown, {"date": "2020-01-08", "date_precision": "unknown"})


def test_haversine():
    assert abs(haversine_km(0, 0, 0, 1) - 111.2) < 0.5


def test_evaluate_dir_scores_modality_of_matched_events(tmp_path):
    """Gold mentions are reported happenings: a matched event the pipeline reads as denied counts
    against ``modality_asserted``."""
    import json

    from eventwire.evaluate import evaluate_dir

    texts = {"001": "Rebels attacked an army checkpoint near the town of Maarat al-Numan on Friday, killing "
                    "three soldiers.",
             "002": "The army denied that its troops shelled a market in the town of Saraqib on Friday."}
    rows = []
    for aid, text in texts.items():
        (tmp_path / f"{aid}.txt").write_text(text, encoding="utf-8")
        rows.append({"article": aid, "cluster": aid, "acled_event_type": ["Battles", "Explosions/Remote violence"],
                     "acled_sub_event_type": ["Armed clash", "Shelling/artillery/missile attack"],
                     "date": "2019-03-01", "date_precision": "day", "location": None, "country": "SY",
                     "lat": None, "lon": None, "actor1": None, "actor2": None, "fatalities": None, "counts": {},
                     "evidence": [text]})
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(
        {"id": aid, "url": None, "title": None, "published": "2019-03-02", "lang": "en"}) for aid in texts))
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    scores = evaluate_dir(tmp_path)["scores"]
    assert scores["matched"] == 2
    assert scores["modality_asserted"] == 0.5


def test_article_bcubed_counts_a_happening_split_into_events():
    from eventwire.evaluate import GoldMention, _article_bcubed

    def ev(*spans):
        return Event(mentions=[EventMention("Battles", "Armed clash", DateRange.unknown(),
                                            Source("a", sentence="x", span=sp)) for sp in spans])

    gm = GoldMention("a", {"cluster": "c1"}, spans=[(0, 10), (20, 30), (40, 50)])
    other = GoldMention("a", {"cluster": "c2"}, spans=[(60, 70)])
    (p, r, f), items, uncovered = _article_bcubed([gm, other], {"a": [ev((0, 10), (20, 30), (40, 50)), ev((60, 70))]})
    assert (p, r, f) == (1.0, 1.0, 1.0) and items == 4 and uncovered == 0
    # the same happening told in three sentences that became three events
    (p, r, f), items, uncovered = _article_bcubed([gm], {"a": [ev((0, 10)), ev((20, 30)), ev((80, 90))]})
    assert p == 1.0 and r == 0.5 and items == 2 and uncovered == 1
