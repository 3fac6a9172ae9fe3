"""Span._.modality on hand-made sentences."""
import pytest


def modality(doc):
    ts = [s for s in doc.spans["ew_triggers"] if not s._.background]
    assert ts, "no trigger"
    return ts[0]._.modality


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The fighters are set to leave the area on Tuesday.", "planned"),
        ("Rebels will withdraw from the city next week.", "planned"),
        ("The opposition plans to protest outside parliament on Friday.", "planned"),
        ("The army is expected to attack the town soon.", "planned"),
        ("The army denied attacking the village.", "denied"),
        ("The militants could attack the town if the talks fail.", "hypothetical"),
        ("Officials warned that rebels may shell the city.", "hypothetical"),
        ("Troops attacked the rebel base on Monday.", "asserted"),
        ("Police said they arrested 12 people on Monday.", "asserted"),
    ],
)
def test_modality(annotate, text, expected):
    assert modality(annotate(text)) == expected


def test_planned_event_is_still_a_mention(annotate):
    doc = annotate("Hundreds of fighters are set to leave the town on Tuesday under the deal.")
    assert [m.modality for m in doc._.mentions] == ["planned"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Officials said the militants will leave the town on Friday.", "planned"),
        ("The army said it had retaken the town on Friday.", "asserted"),
        ("The rebels threatened to attack the capital.", "planned"),
        ("Officials warned of a possible attack on the airport.", "hypothetical"),
        ("Organisers announced an upcoming rally in the capital.", "planned"),
    ],
)
def test_modality_more(annotate, text, expected):
    assert modality(annotate(text)) == expected
