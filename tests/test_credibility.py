"""eventwire_credibility: the learned check on emitted mentions, on hand-made articles."""
import json

import pytest

from eventwire.nlp import credibility
from eventwire.nlp.credibility import FEATURES, Model, filter_mentions, mention_features


def feats(doc, k=0):
    rows = mention_features(doc, list(doc._.mentions))
    return dict(zip(FEATURES, rows[k]))


@pytest.fixture
def unchecked(monkeypatch, annotate):
    """annotate with the check off: every mention the rules emitted."""
    monkeypatch.setenv("EVENTWIRE_CREDIBILITY", "off")
    return annotate


def test_feature_vector_has_one_value_per_feature(unchecked):
    doc = unchecked("Gunmen killed four police officers at a checkpoint in Herat on Tuesday.")
    rows = mention_features(doc, list(doc._.mentions))
    assert rows and all(len(r) == len(FEATURES) for r in rows)


@pytest.mark.parametrize("text", [
    "Gunmen killed four police officers at a checkpoint in Herat on Tuesday.",
    "On Sunday, an air strike hit a market in Marib, killing nine people.",
    "Four villagers were shot dead by unidentified attackers near Beni on Friday.",
])
def test_lead_event_with_its_own_date(unchecked, text):
    f = feats(unchecked(text))
    assert f["first_mention"] == 1.0
    assert f["date_told"] == 1.0
    assert f["date_default_not_first"] == 0.0
    assert f["has_numbers"] == 1.0
    assert f["present_or_future"] == 0.0


@pytest.mark.parametrize("text", [
    "Soldiers clashed with rebels near Goma on Monday. Since last year, the rebels have attacked army posts across the province.",
    "Police arrested 12 protesters in Dhaka on Saturday. Earlier this year, militants bombed a checkpoint in the city.",
    "Troops fought militants outside Mosul on Wednesday. The militants had shelled the town's outskirts in the past.",
])
def test_later_mention_is_not_first_and_comes_later(unchecked, text):
    doc = unchecked(text)
    ms = list(doc._.mentions)
    if len(ms) < 2:
        pytest.skip("the rules already set the background sentence aside")
    first, later = feats(doc, 0), feats(doc, len(ms) - 1)
    assert first["first_mention"] == 1.0 and later["first_mention"] == 0.0
    assert later["position"] > first["position"]


@pytest.mark.parametrize("text,expected", [
    ("Rebels will attack the town.", True),          # future modal
    ("The army is shelling the villages.", True),    # present progressive
    ("Militants attack the base every night.", True),  # simple present
    ("Militants attacked the base.", False),          # simple past
    ("Militants have attacked the base.", False),     # present perfect: a recent happening
    ("The base was attacked by militants.", False),   # past passive
])
def test_tense_of_trigger(nlp, text, expected):
    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ in ("attack", "shell"))
    assert credibility._tense_present_or_future(verb) is expected


def _weights(tmp_path, coef_first, threshold=0.5):
    n = len(FEATURES)
    coef = [0.0] * n
    coef[FEATURES.index("first_mention")] = coef_first
    w = {"features": list(FEATURES), "mean": [0.0] * n, "scale": [1.0] * n, "coef": coef,
         "bias": -coef_first / 2, "threshold": threshold}
    p = tmp_path / "w.json"
    p.write_text(json.dumps(w))
    return p


def test_filter_drops_below_threshold_and_can_be_switched_off(unchecked, tmp_path, monkeypatch):
    doc = unchecked("Soldiers clashed with rebels near Goma on Monday. Police arrested 12 protesters in Bukavu on Tuesday.")
    ms = list(doc._.mentions)
    assert len(ms) >= 2
    # a model that believes only first mentions
    monkeypatch.setenv("EVENTWIRE_CREDIBILITY_WEIGHTS", str(_weights(tmp_path, 5.0)))
    credibility.load_model.cache_clear()
    try:
        monkeypatch.setenv("EVENTWIRE_CREDIBILITY", "on")
        assert filter_mentions(doc, ms) == ms[:1]
        monkeypatch.setenv("EVENTWIRE_CREDIBILITY", "off")
        assert filter_mentions(doc, ms) == ms
        monkeypatch.setenv("EVENTWIRE_CREDIBILITY", "0.001")  # a threshold
        assert filter_mentions(doc, ms) == ms
        monkeypatch.delenv("EVENTWIRE_CREDIBILITY")
        assert filter_mentions(doc, ms) == ms  # off by default
        assert filter_mentions(doc, ms, enabled=True) == ms[:1]
        assert filter_mentions(doc, ms, enabled=True, threshold=0.01) == ms
    finally:
        credibility.load_model.cache_clear()


def test_weights_of_other_features_are_refused(tmp_path):
    w = json.loads(_weights(tmp_path, 1.0).read_text())
    w["features"] = w["features"][:-1] + ["something_else"]
    with pytest.raises(ValueError):
        Model(w).score([0.0] * len(FEATURES))


def test_component_is_in_the_pipeline_after_mentions(nlp):
    names = nlp.pipe_names
    assert names.index("eventwire_credibility") == names.index("eventwire_mentions") + 1


def test_off_by_default_leaves_every_mention(annotate, monkeypatch):
    monkeypatch.delenv("EVENTWIRE_CREDIBILITY", raising=False)
    text = "Soldiers clashed with rebels near Goma on Monday. Police arrested 12 protesters in Bukavu on Tuesday."
    doc = annotate(text)
    monkeypatch.setenv("EVENTWIRE_CREDIBILITY", "off")
    assert len(doc._.mentions) == len(annotate(text)._.mentions)


# The shipped weights (src/eventwire/data/credibility.json) on hand-made feature rows.
def _row(**kw):
    import math

    base = dict.fromkeys(FEATURES, 0.0)
    base["sentence_length"] = math.log1p(kw.pop("words", 20))
    base.update(kw)
    return [base[f] for f in FEATURES]


@pytest.mark.parametrize("row", [
    # "Gunmen killed four police officers in Herat on Tuesday, officials said."
    _row(first_mention=1, position=0.03, date_told=1, place_town=1, confidence=0.9, has_numbers=1,
         has_actor1=1, attributed=1),
    # a lead protest with its own date and no toll
    _row(first_mention=1, position=0.05, date_told=1, place_town=1, confidence=0.8, has_actor1=1,
         type_protest=1),
    # a second, separately dated happening later in the story, with a named doer
    _row(first_mention=0, position=0.5, date_told=1, place_town=1, confidence=0.9, has_actor1=1, has_numbers=1),
])
def test_shipped_weights_keep_a_dated_event(row):
    model = credibility.load_model(str(credibility.WEIGHTS_PATH))
    assert model.score(row) >= model.threshold


@pytest.mark.parametrize("row", [
    # an undated late repeat the classifier found, in a long sentence, place from the dateline
    _row(first_mention=0, position=0.85, date_default_not_first=1, place_dateline=1, confidence=0.6,
         earlier_same_type=0.69, by_classifier=1, words=40),
    # an undated repeat read as referring back, no doer, a strategic development
    _row(first_mention=0, position=0.7, date_default_not_first=1, refers_back=1, confidence=0.6,
         type_strategic=1, words=35),
    # an undated mention near the end, no doer, its only place the dateline's, a long sentence
    _row(first_mention=0, position=0.9, date_default_not_first=1, confidence=0.55,
         place_dateline=1, words=45),
])
def test_shipped_weights_score_an_undated_repeat_below_the_threshold(row):
    model = credibility.load_model(str(credibility.WEIGHTS_PATH))
    assert model.score(row) < model.threshold
