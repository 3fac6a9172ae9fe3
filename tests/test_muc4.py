"""The MUC-4 check on made-up messages and answer templates (no sentence of the corpus)."""
import json
import os

import pytest

from eventwire.evaluation import muc4


def _write(tmp_path, docs, gold):
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return tmp_path


DOCS = [
    {"id": "T-1", "published": "1989-05-04",
     "text": "LIMA, 4 MAY 89 -- [TEXT] GUERRILLAS OF THE SHINING PATH KILLED THREE POLICEMEN IN AN ATTACK ON A "
             "POLICE POST IN THE TOWN OF HUANTA, AYACUCHO DEPARTMENT, YESTERDAY, THE INTERIOR MINISTRY REPORTED."},
    {"id": "T-2", "published": "1989-05-05",
     "text": "LIMA, 5 MAY 89 -- [TEXT] THE MINISTER OF ECONOMY ANNOUNCED TODAY A NEW PLAN TO LOWER THE PRICE "
             "OF BREAD AND MILK IN THE COMING MONTHS. THE PLAN WILL BE DEBATED BY CONGRESS NEXT WEEK."},
    {"id": "T-3", "published": "1989-05-06", "text": "BOGOTA, 6 MAY 89 -- [TEXT] A REPORT."},
]
GOLD = [
    {"doc": "T-1", "template": "1", "optional": False, "type": "Battles", "sub_event_type": "Armed clash",
     "date": "1989-05-03", "place": "PERU: AYACUCHO (DEPARTMENT): HUANTA (TOWN)", "country": "PERU",
     "attacker": ["GUERRILLAS", "SHINING PATH"], "victim": ["POLICEMEN"], "killed": 3, "wounded": None},
    # an optional template only: left out of the message-level shares
    {"doc": "T-3", "template": "1", "optional": True, "type": "Violence against civilians", "sub_event_type": "Attack",
     "date": None, "place": "COLOMBIA", "country": "COLOMBIA", "attacker": None, "victim": None,
     "killed": None, "wounded": None},
]


def test_halves_are_a_deterministic_parity_split():
    ids = [f"DOC-{k}" for k in range(200)]
    halves = [muc4.half_of(i) for i in ids]
    assert halves == [muc4.half_of(i) for i in ids]
    assert 60 < halves.count("study") < 140 and set(halves) == {"study", "holdout"}


def test_load_marks_relevant_irrelevant_and_undecided(tmp_path):
    d = _write(tmp_path, DOCS, GOLD)
    items = {doc["id"]: (templates, rel) for doc, templates, rel in muc4.load(d, "all")}
    assert items["T-1"][1] is True and len(items["T-1"][0]) == 1
    assert items["T-2"] == ([], False)
    assert items["T-3"] == ([], None)
    study = {doc["id"] for doc, _, _ in muc4.load(d, "study")}
    holdout = {doc["id"] for doc, _, _ in muc4.load(d, "holdout")}
    assert study.isdisjoint(holdout) and study | holdout == {"T-1", "T-2", "T-3"}


def test_bad_line_names_the_file_and_line(tmp_path):
    d = _write(tmp_path, DOCS, GOLD)
    with (d / "gold.jsonl").open("a") as fh:
        fh.write("{not json\n")
    with pytest.raises(SystemExit) as exc:
        muc4.load(d)
    assert "gold.jsonl#3" in str(exc.value)


def test_gold_place_takes_the_deepest_known_part():
    from eventwire import gazetteer

    gaz = gazetteer.load()
    cc, e = muc4.gold_place("PERU: AYACUCHO (DEPARTMENT): HUANTA (TOWN)", gaz)
    assert cc == "PE" and e is not None and e.fclass == "P" and abs(e.lat - -12.94) < 0.2
    cc, e = muc4.gold_place("PERU: AYACUCHO (DEPARTMENT): NOWHEREVILLE (VILLAGE)", gaz)
    assert cc == "PE" and e is not None and e.is_admin1
    cc, e = muc4.gold_place("(COLOMBIA: BOGOTA (CITY)) / (COLOMBIA)", gaz)
    assert cc == "CO" and e is not None and e.fclass == "P"
    assert muc4.gold_place("COLOMBIA", gaz)[0] == "CO" and muc4.gold_place("COLOMBIA", gaz)[1] is None


@pytest.mark.parametrize("name, attackers, ok", [
    ("Shining Path", ["GUERRILLAS", "SHINING PATH"], True),
    ("FMLN: Farabundo Marti National Liberation Front", ["FMLN"], True),
    ("Military Forces of Peru (1985-1990)", ["SOLDIERS", "ARMED FORCES"], True),
    ("Unidentified Armed Group (Peru)", ["UNIDENTIFIED INDIVIDUALS"], True),
    ("Unidentified Armed Group (Peru)", ["TERRORISTS", "SHINING PATH"], False),
    ("Military Forces of Peru (1985-1990)", ["SHINING PATH"], False),
    (None, ["SHINING PATH"], False),
])
def test_actor_match(name, attackers, ok):
    assert muc4.actor_matches(name, attackers) is ok


def test_evaluate_on_made_up_messages(tmp_path, nlp):
    d = _write(tmp_path, DOCS, GOLD)
    out = muc4.evaluate(d, "all")
    assert out["messages"] == 3 and out["templates"] == 1
    assert out["n_relevant_with_event"] == 1 and out["n_irrelevant_left_alone"] == 1
    assert out["irrelevant_left_alone"] == 1.0  # a price plan is no event
    assert out["n_place_25km"] == 1 and out["n_date_exact"] == 1 and out["n_fatalities"] == 1
    for k in ("type", "place_25km", "country", "date_exact", "fatalities", "actor1"):
        assert out[k] is None or 0.0 <= out[k] <= 1.0


def test_truecase_keeps_offsets_and_finds_names():
    from eventwire.truecase import mostly_upper, truecase

    class Caser:  # a stand-in for the statistical model: knows a few words
        word_casing_lookup = {"the": {"the"}, "army": {"army"}, "attacked": {"attacked"}, "in": {"in"},
                              "town": {"town"}, "of": {"of"}}

        def get_true_case_from_tokens(self, tokens, oov):
            return [next(iter(self.word_casing_lookup[t.lower()])) if t.lower() in self.word_casing_lookup
                    else t.title() for t in tokens]

    text = "THE ARMY ATTACKED THE TOWN OF HUANTA. THE FMLN ATTACKED IN USULUTAN."
    out = truecase(text, Caser())
    assert len(out) == len(text) and out.lower() == text.lower()
    assert out.startswith("The army attacked the town of Huanta.")
    assert "FMLN" in out and "Usulutan" in out
    mixed = "The army attacked the town of Huanta on Monday, officials said."
    assert not mostly_upper(mixed) and truecase(mixed, Caser()) == mixed


def test_truecase_is_the_same_under_every_hash_seed():
    """The model's casings of a word are a set; a tie between two of them must not follow the
    set's order, which changes with PYTHONHASHSEED (two Dask workers would case a text apart)."""
    import subprocess
    import sys

    pytest.importorskip("truecase")
    code = ("from eventwire.truecase import truecase; "
            "print(truecase('MORTAR ROUNDS FELL ON A MARKET IN MIRAFLORES AT DAWN. THE ATLACATL BATTALION "
            "AND THE SORIANO BATTALION SEALED THE ROADS, A RADIO STATION SAID.'))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(outs) == 1, outs
    assert "in Miraflores" in outs.pop()
