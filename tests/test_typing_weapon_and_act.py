"""Sub-types by the weapon and the act the taxonomy names (hand-made sentences)."""

import pytest


def subs(doc):
    return [m.sub_event_type for m in doc._.mentions]


MISSILES = [
    # a missile with no aircraft as its launcher: TAXONOMY's shelling/artillery/missile attack, even where the
    # article tells of drones in another sentence
    "Overnight the army launched drones and missiles at the north. A ballistic missile struck a clinic in Sumy on Monday, killing three people.",
    "Enemy drones buzzed over the coast all week. On Tuesday a cruise missile hit a grain terminal near Mykolaiv, wounding six workers.",
    "A missile strike hit an apartment block in Dnipro on Friday, killing two residents.",
]


@pytest.mark.parametrize("text", MISSILES)
def test_a_missile_is_no_air_strike(annotate, text):
    s = subs(annotate(text))
    assert "Shelling/artillery/missile attack" in s, s


@pytest.mark.parametrize("text", [
    "Fighter jets fired missiles at a depot outside Idlib on Sunday, killing four fighters.",
    "A drone fired two missiles at a car near Marib on Wednesday, killing its driver.",
    "Missiles launched from a warplane destroyed a bridge near Raqqa on Monday.",
])
def test_a_missile_from_an_aircraft_is_an_air_strike(annotate, text):
    s = subs(annotate(text))
    assert s and all(x == "Air/drone strike" for x in s), s


MINES = [
    # the vehicle or walker hitting the mine is its motion: a landmine, whatever "struck" or "hit" says
    "Four soldiers died when their patrol vehicle hit a mine near Mekelle on Sunday.",
    "A pickup carrying farmers struck a mine on a dirt road outside Kidal on Thursday, killing five.",
    "Two shepherds were wounded on Monday when they stepped on a mine near the border village of Kafr Shams.",
]


@pytest.mark.parametrize("text", MINES)
def test_a_vehicle_striking_a_mine_is_a_landmine(annotate, text):
    s = subs(annotate(text))
    assert "Remote explosive/landmine/IED" in s, s
    assert "Air/drone strike" not in s and "Armed clash" not in s, s


def test_a_mine_that_collapsed_is_no_landmine(annotate):
    for text in ("Twelve workers were killed when a copper mine flooded in the south on Monday.",
                 "A coal mine collapsed in the hills on Friday, trapping nine men."):
        assert "Remote explosive/landmine/IED" not in subs(annotate(text)), text


RETAKEN = [
    # the main clause's act leads: the taking told in a clause of time is the earlier act
    "Troops retook the town of Damasak on Tuesday a day after the jihadists overran it.",
    "Government forces recaptured the port of Mocimboa on Saturday, two weeks after insurgents had seized it.",
    "Soldiers retook the district headquarters on Monday.",
]


@pytest.mark.parametrize("text", RETAKEN)
def test_the_state_retaking_a_place_regains_territory(annotate, text):
    s = subs(annotate(text))
    assert "Government regains territory" in s, s
    assert "Non-state actor overtakes territory" not in s, s


def test_a_group_taking_a_place_is_a_non_state_takeover(annotate):
    for text in ("Militants captured the town of Kalemie on Monday.",
                 "Insurgents overran the town of Mueda on Friday after a week of fighting."):
        s = subs(annotate(text))
        assert "Non-state actor overtakes territory" in s, (text, s)
        assert "Government regains territory" not in s, (text, s)


NO_INTERVENTION = [
    "Teachers marched in Lusaka on Monday demanding pay rises; police did not intervene.",
    "Hundreds of nurses rallied in Accra on Tuesday over unpaid wages; no one was detained.",
    "Farmers protested in Bogota on Friday against fuel prices, and the police did not use tear gas.",
]


@pytest.mark.parametrize("text", NO_INTERVENTION)
def test_an_intervention_told_as_not_done_is_none(annotate, text):
    s = subs(annotate(text))
    assert "Peaceful protest" in s, s
    assert "Protest with intervention" not in s, s


def test_an_intervention_done_stays(annotate):
    s = subs(annotate("Teachers marched in Lusaka on Monday demanding pay rises; police fired tear gas to disperse them."))
    assert "Protest with intervention" in s or "Excessive force against protesters" in s, s
