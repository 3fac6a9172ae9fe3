"""The GVA check's error listing names each document's own misses (hand-made documents)."""
import hashlib
import json

import pytest

from eventwire.evaluation.gva import evaluate


def _write(tmp_path, docs):
    with open(tmp_path / "gva_incidents.jsonl", "w") as fi, open(tmp_path / "gva_news_docs.jsonl", "w") as fd:
        for i, (doc_id, text, city, state) in enumerate(docs):
            fi.write(json.dumps({"incident_uri": str(i), "date": "January 16, 2017", "city_or_county": city,
                                 "state": state, "num_killed": 1, "num_injured": 0}) + "\n")
            fd.write(json.dumps({"doc_id": doc_id, "incident_id": str(i), "dct": "2017-01-17",
                                 "content": text, "title": ""}) + "\n")


def test_an_unplaceable_incident_is_not_blamed_for_the_previous_documents_place(tmp_path, capsys):
    docs = [
        # placed far from its incident's city: a place miss of its own
        ("doc-a", "Gunmen shot and killed a shopkeeper in Fresno on Monday, police said.", "Boston", "Massachusetts"),
        # a city the gazetteer lacks: no place to score against
        ("doc-b", "A gunman shot and killed a driver in Fresno on Monday, police said.", "Quillbrook Flats",
         "Ohio"),
    ]
    assert sorted(d[0] for d in docs) == sorted((d[0] for d in docs), key=lambda k: hashlib.sha1(k.encode()).hexdigest())
    _write(tmp_path, docs)
    scores = evaluate(tmp_path, 10, errors=True)
    err = capsys.readouterr().err
    lines = {ln.split()[1]: ln for ln in err.splitlines() if ln.startswith("MISS ")}
    assert "place_25km" in lines.get("doc-a", "")
    assert "place_25km" not in lines.get("doc-b", "").split(":")[0]
    assert scores["place_25km"] == 0.0  # one scored place, missed


@pytest.mark.parametrize("city,state,text", [
    ("Washington", "District of Columbia", "A gunman shot and killed a driver in Washington on Monday, police said."),
    ("Washington", "District of Columbia", "Police in the District of Columbia said a man was shot dead on Monday."),
    ("Columbus", "Ohio", "A man was fatally shot on Monday in Columbus, police said."),
])
def test_the_incident_state_is_matched_by_its_division_not_its_spelling(tmp_path, city, state, text):
    # GVA writes "District of Columbia", the gazetteer's division is "Washington, D.C.": the same
    # division, so the incident is placed and scored (it was left unscored before)
    _write(tmp_path, [("doc-a", text, city, state)])
    scores = evaluate(tmp_path, 10)
    assert scores["place_25km"] == 1.0


def test_a_state_does_not_take_a_namesake_town_of_another_state(tmp_path):
    # "Washington" in Georgia is no incident in the state of Washington or in the capital
    _write(tmp_path, [("doc-a", "A man was shot and killed in Seattle on Monday, police said.", "Washington",
                       "Georgia")])
    scores = evaluate(tmp_path, 10)
    assert scores["place_25km"] == 0.0
