"""The PLOVER -> ACLED reading used by eventwire.evaluation.plover (no model needed)."""
from __future__ import annotations

import json

import pytest

from eventwire.evaluation import plover as P


def rec(event, text="Something happened.", mode=None, context=None, event_text=""):
    r = {"event": event, "text": text, "eventText": event_text, "language": "en"}
    if mode is not None:
        r["mode"] = mode
    if context is not None:
        r["context"] = context
    return r


@pytest.mark.parametrize(
    "r,expected",
    [
        (rec("PROTEST", mode="demo-org"), ("pos", {"Protests", "Riots"})),
        (rec("PROTEST", mode="riot-spon"), ("pos", {"Riots"})),
        (rec("ASSAULT", mode="explosives"), ("pos", {"Explosions/Remote violence"})),
        (rec("ASSAULT", mode="sexual"), ("pos", {"Violence against civilians"})),
        (rec("ASSAULT", mode="assassinate"), ("pos", set())),
        (rec("FIGHT", mode="heavy-weapons"), ("pos", {"Battles", "Explosions/Remote violence"})),
        (rec("FIGHT", mode="firearms"), ("pos", set())),
        (rec("FIGHT"), None),
        (rec("COERCE", mode="arrest"), ("pos", {"Strategic developments"})),
        (rec("COERCE", mode="curfew"), None),
        (rec("AGREE", event_text="agreed to ceasefire"), ("pos", {"Strategic developments"})),
        (rec("AGREE", event_text="agreed to cooperate"), ("neg", set())),
        (rec("RETREAT", context="military"), ("pos", {"Strategic developments"})),
        (rec("RETREAT", context="election"), ("neg", set())),
        (rec("THREATEN", text="The ministry threatened to cut aid."), ("neg", set())),
        # a verbal event whose sentence also reports violence is not a clear negative
        (rec("DISAPPROVE", text="Officials condemned the shelling that killed four."), None),
        (rec("MOBILIZE"), None),
    ],
)
def test_acled_reading(r, expected):
    got = P.acled_reading(r)
    if expected is None:
        assert got is None
    else:
        assert got is not None and got[0] == expected[0] and set(got[1]) == expected[1]


def test_load_items_joins_records_of_one_sentence(tmp_path):
    recs = [
        rec("COERCE", text="Rebels kidnapped two engineers and bombed a bridge.", mode="detain"),
        rec("ASSAULT", text="Rebels kidnapped two engineers and bombed a bridge.", mode="explosives"),
        rec("CONSULT", text="The two ministers met in Rome."),
        rec("MOBILIZE", text="Troops were put on alert."),
    ]
    f = tmp_path / "gsr.json"
    f.write_text(json.dumps(recs))
    items = {i["text"]: i for i in P.load_items(f)}
    assert items["Rebels kidnapped two engineers and bombed a bridge."]["gold"] == "pos"
    assert items["Rebels kidnapped two engineers and bombed a bridge."]["types"] == {"Explosions/Remote violence"}
    assert items["The two ministers met in Rome."]["gold"] == "neg"
    assert "Troops were put on alert." not in items


def test_score_counts_detection_and_type():
    items = [
        {"gold": "pos", "types": frozenset({"Battles"})},
        {"gold": "pos", "types": frozenset({"Riots"})},
        {"gold": "pos", "types": frozenset()},
        {"gold": "neg", "types": frozenset()},
    ]
    s = P.score(items, ["Battles", "Protests", None, "Riots"])
    assert (s["detected"], s["false_alarms"]) == (2, 1)
    assert s["recall"] == pytest.approx(0.667, abs=1e-3)
    assert s["precision"] == pytest.approx(0.667, abs=1e-3)
    assert s["type_accuracy"] == 0.5


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        P.load_items(tmp_path)
    assert P.main([str(tmp_path)]) == 2
