"""eventwire_event_classifier: the trained model, the component's contract with the rules."""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.nlp import classifier as C
from eventwire.taxonomy import EVENT_TYPE_OF, event_type_of


@pytest.fixture(scope="module")
def base():
    """The English pipeline alone (parser for sentences, lemmas for the classifier's input)."""
    from eventwire.nlp.pipeline import DEFAULT_MODEL

    try:
        return spacy.load(DEFAULT_MODEL, exclude=["ner"])
    except OSError:
        return spacy.load("en_core_web_sm", exclude=["ner"])


def with_classifier(base_nlp, threshold, rules=None):
    """A fresh pipeline: the English model, an optional stand-in for the rules, the classifier."""
    from eventwire.nlp.pipeline import DEFAULT_MODEL

    try:
        nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"], vocab=base_nlp.vocab)
    except OSError:
        nlp = spacy.load("en_core_web_sm", exclude=["ner"], vocab=base_nlp.vocab)
    if rules is not None:
        nlp.add_pipe(rules)
    nlp.add_pipe("eventwire_event_classifier", config={"threshold": threshold})
    return nlp


def top(scores: dict) -> tuple[str, float]:
    sub = max(scores, key=scores.get)
    return sub, scores[sub]


def test_model_loads_with_every_label():
    model = C.load_model()
    labels = set(model.get_pipe("textcat").labels)
    assert set(EVENT_TYPE_OF) | {C.NONE_LABEL} == labels


def test_missing_model_directory_is_a_clear_error(tmp_path, base):
    with pytest.raises(C.ModelMissingError, match="train_event_classifier"):
        C.load_model(str(tmp_path / "nowhere"))
    nlp = spacy.blank("en")
    with pytest.raises(C.ModelMissingError):
        nlp.add_pipe("eventwire_event_classifier", config={"model_path": str(tmp_path)})


@pytest.fixture(scope="module")
def scored(base):
    nlp = with_classifier(base, threshold=0.5)

    def run(text):
        doc = nlp(text)
        return doc, [s._.event_scores for s in doc.sents]

    return run


@pytest.mark.parametrize(
    "text,event_type",
    [
        ("A landmine buried on the track blew up under a minibus, killing five passengers.", "Explosions/Remote violence"),
        ("Several thousand nurses demonstrated in front of the health ministry on Monday over unpaid salaries.", "Protests"),
        ("Masked gunmen kidnapped a district official and his driver on the road to the airport.", "Violence against civilians"),
        ("Fighter jets bombed positions of the armed group in the mountains overnight.", "Explosions/Remote violence"),
    ],
)
def test_clear_events_score_their_type(scored, text, event_type):
    _, scores = scored(text)
    sub, p = top(scores[0])
    assert event_type_of(sub) == event_type
    assert p >= 0.5


def test_clear_non_events_score_low(scored):
    for text in (
        "The stock market closed higher on Tuesday as technology shares rallied.",
        "The finance ministry expects the economy to grow by two percent next year.",
    ):
        _, scores = scored(text)
        assert sum(scores[0].values()) < 0.5, text


def test_scores_on_every_sentence(scored):
    doc, scores = scored("The weather was mild. Rebels captured the town after soldiers withdrew.")
    assert len(scores) == len(list(doc.sents)) == 2
    for sc in scores:
        assert set(sc) == set(EVENT_TYPE_OF)
        assert all(0.0 <= v <= 1.0 for v in sc.values())
        assert sum(sc.values()) <= 1.0 + 1e-3


def test_sentences_without_words_score_zero(scored):
    doc, scores = scored("— … ! Rebels seized the town after soldiers fled. !!! ---")
    assert len(scores) >= 2
    for s, sc in zip(doc.sents, scores):
        if not any(t.is_alpha for t in s):
            assert max(sc.values()) == 0.0
    assert max(max(sc.values()) for sc in scores) > 0.5


def test_adds_a_trigger_where_the_rules_found_none(scored):
    doc, _ = scored("Unknown attackers hurled a grenade into a crowded bar, wounding eleven people.")
    trig = [t for t in doc.spans["ew_triggers"] if t._.event_rule == C.RULE_NAME]
    assert len(trig) == 1
    t = trig[0]
    et, sub = t._.event_type
    assert event_type_of(sub) == et == "Explosions/Remote violence"
    assert t._.event_confidence >= 0.5
    assert t._.background is False
    assert t._.event_args["head"] == t.start and t.root.pos_ in ("VERB", "NOUN")


# A stand-in for eventwire_events: one trigger on the first sentence (a background one,
# which still counts as the rules having read that sentence).
@Language.component("test_fake_rules")
def fake_rules(doc: Doc) -> Doc:
    first = next(iter(doc.sents))
    sp = Span(doc, first.root.i, first.root.i + 1, label="Armed clash")
    sp._.event_type = ("Battles", "Armed clash")
    sp._.event_confidence = 0.3
    sp._.event_rule = "fake rule"
    sp._.background = True
    doc.spans["ew_triggers"] = [sp]
    return doc


def test_rules_keep_their_sentences(base):
    nlp = with_classifier(base, threshold=0.5, rules="test_fake_rules")
    doc = nlp("Militants set off a car bomb outside the police headquarters, killing nine. "
              "Gunmen abducted twelve passengers from a bus on the northern highway on Friday.")
    s1, s2 = list(doc.sents)
    trigs = list(doc.spans["ew_triggers"])
    rule = [t for t in trigs if t._.event_rule == "fake rule"]
    mine = [t for t in trigs if t._.event_rule == C.RULE_NAME]
    assert len(rule) == 1 and rule[0]._.event_type == ("Battles", "Armed clash") and rule[0]._.background
    assert all(not (s1.start <= t.start < s1.end) for t in mine), "classifier must not speak where rules did"
    assert any(s2.start <= t.start < s2.end for t in mine)
    # the sentence the rules read is still scored
    assert s1._.event_scores and sum(s1._.event_scores.values()) > 0.5


def test_threshold_respected(base):
    text = ("Police fired tear gas at students marching toward parliament. "
            "Insurgents overran an army outpost and took control of the village. "
            "The minister spoke to reporters about the budget.")
    strict = with_classifier(base, threshold=1.01)
    doc = strict(text)
    assert not [t for t in doc.spans.get("ew_triggers", []) if t._.event_rule == C.RULE_NAME]
    assert all(s._.event_scores for s in doc.sents)  # scores are written whatever the threshold
    loose = with_classifier(base, threshold=0.6)
    doc = loose(text)
    mine = [t for t in doc.spans["ew_triggers"] if t._.event_rule == C.RULE_NAME]
    assert mine
    assert all(t._.event_confidence >= 0.6 for t in mine)
    for s in doc.sents:
        sub, p = top(s._.event_scores)
        has = any(s.start <= t.start < s.end for t in mine)
        assert has == (p >= 0.6), s.text


def test_factory_config(base):
    nlp = with_classifier(base, threshold=0.93)
    assert nlp.get_pipe("eventwire_event_classifier").threshold == pytest.approx(0.93)


def test_in_the_full_pipeline_a_classifier_trigger_becomes_a_mention():
    from eventwire.nlp.pipeline import load_pipeline

    nlp = load_pipeline.__wrapped__()  # a private copy: the shared cached pipeline stays as it is
    # The default pipeline runs the classifier right after the rules; lower its gate here.
    nlp.get_pipe("eventwire_event_classifier").threshold = 0.5
    assert nlp.pipe_names.index("eventwire_event_classifier") == nlp.pipe_names.index("eventwire_events") + 1
    doc = nlp("Unknown attackers hurled a grenade into a crowded bar in the town on Friday, wounding eleven people.")
    for t in doc.spans["ew_triggers"]:
        assert t._.event_type[0] in ("Explosions/Remote violence", "Violence against civilians")
    assert doc._.mentions
    assert doc._.mentions[0].event_type == "Explosions/Remote violence"


def test_plans_negations_and_statements_add_no_trigger(base):
    nlp = with_classifier(base, threshold=0.0)  # every sentence passes the gate: only the guards speak
    for text in (
        "The insurgents will attack the garrison next week.",
        "Soldiers did not shell the village on Sunday.",
        "Throw the grenade now.",
    ):
        doc = nlp(text)
        assert not [t for t in doc.spans.get("ew_triggers", []) if t._.event_rule == C.RULE_NAME], text
    # a report of a past happening under "said" is anchored on the reported verb
    doc = nlp("Police said gunmen kidnapped two engineers on Monday.")
    mine = [t for t in doc.spans["ew_triggers"] if t._.event_rule == C.RULE_NAME]
    assert [t.text for t in mine] == ["kidnapped"]


def test_in_the_full_pipeline_a_sentence_without_participants_gets_no_classifier_trigger():
    from eventwire.nlp.pipeline import load_pipeline

    nlp = load_pipeline.__wrapped__()
    nlp.get_pipe("eventwire_event_classifier").threshold = 0.0  # every sentence passes the gate
    doc = nlp("Everybody kept running around and shouting. Image 5 of 8.")
    assert not [t for t in doc.spans.get("ew_triggers", []) if t._.event_rule == "classifier"]
    nlp.get_pipe("eventwire_event_classifier").require_participants = False
    doc = nlp("Everybody kept running around and shouting. Image 5 of 8.")
    assert [t for t in doc.spans.get("ew_triggers", []) if t._.event_rule == "classifier"]


def test_a_hazard_s_harm_gets_no_trigger_whatever_the_score(base):
    # every ACLED event is some actor's act: with any score at all (threshold 0), a sentence
    # whose harm is a hazard's gets no trigger from the model; an armed group's act does
    nlp = with_classifier(base, threshold=0.0)
    for text in (
        "Toxic fumes from a chemical plant sickened hundreds of villagers near the river.",
        "A landslide buried dozens of homes in the mountain village on Sunday.",
        "The earthquake flattened the old quarter of the town overnight.",
    ):
        doc = nlp(text)
        assert not [t for t in doc.spans.get("ew_triggers", []) if t._.event_rule == C.RULE_NAME], text
    doc = nlp("Masked gunmen kidnapped a district official and his driver on the road to the airport.")
    assert [t for t in doc.spans.get("ew_triggers", []) if t._.event_rule == C.RULE_NAME]


def test_training_script_compares_rules_alone_with_rules_and_a_model():
    # --compare-rules failed with E007: the default pipeline already holds the shipped classifier
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "train_event_classifier.py"
    spec = importlib.util.spec_from_file_location("train_event_classifier", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = [
        {"text": "Rebels seized the river port of Kasongo from the army on Sunday.", "label": "Non-state actor overtakes territory"},
        {"text": "The central bank left its lending rate unchanged on Thursday.", "label": "none"},
    ]
    out = mod.compare_with_rules(C.MODEL_DIR, rows, thresholds=(0.9,))
    assert set(out) == {"rules", "combined@0.9"}
    assert out["rules"]["event_detection_precision"] == 1.0

