"""ACLED's taxonomy whole, as its codebook draws the lines: strategic developments that are
no violence, riots that are no battles, protests met by the forces, and news that is no
conflict event at all.  Hand-made sentences, one per kind."""
import pytest


def subs(doc, asserted=True):
    return [m.sub_event_type for m in doc._.mentions if not asserted or m.modality == "asserted"]


@pytest.mark.parametrize("text, want", [
    # Strategic developments: weapons taken out of use, not the violence they were meant for
    ("Police defused a bomb planted near the main market on Tuesday.", "Disrupted weapons use"),
    ("Soldiers seized a weapons cache containing rifles and ammunition in the village on Monday.", "Disrupted weapons use"),
    ("Security forces foiled an attack on a church in the capital on Sunday.", "Disrupted weapons use"),
    ("Dozens of rifles and several boxes of ammunition were seized in the port town on Friday.", "Disrupted weapons use"),
    # groups formed, forces moved, posts set up, ground handed over unopposed
    ("A new militia was formed in the northern province on Monday.", "Change to group/activity"),
    ("The army deployed troops to the border region on Wednesday.", "Change to group/activity"),
    ("The army set up a new observation post near the village on Monday.", "Headquarters or base established"),
    ("Rebels took control of the abandoned town without a fight on Sunday.", "Non-violent transfer of territory"),
    # riots: a spontaneous violent crowd, and demonstrators' own violence
    ("An angry mob lynched a man accused of stealing a goat in the village on Saturday.", "Mob violence"),
    ("Villagers attacked two men they suspected of witchcraft, beating one of them to death on Monday.", "Mob violence"),
    ("Protesters hurled bottles at police outside the ministry on Sunday.", "Violent demonstration"),
    ("The march turned violent late on Saturday in the city centre.", "Violent demonstration"),
    # protests: met by the forces, met with grave force, or left alone
    ("Police fired tear gas to disperse hundreds of protesters outside parliament on Monday.", "Protest with intervention"),
    ("Riot police broke up a student demonstration in the capital on Thursday.", "Protest with intervention"),
    ("Police arrested 40 demonstrators at the rally on Tuesday.", "Protest with intervention"),
    ("Security forces shot dead three protesters during a peaceful march in the city on Friday.", "Excessive force against protesters"),
    ("Soldiers violently dispersed a peaceful sit-in on Monday, leaving dozens of demonstrators injured.", "Excessive force against protesters"),
    ("Thousands of demonstrators poured into the streets of the capital on Saturday.", "Peaceful protest"),
    # violence typed by the weapon and the target
    ("Gunmen opened fire on a cafe in the city on Friday, killing two people.", "Attack"),
    ("Government warplanes destroyed several vehicles near the town on Monday.", "Air/drone strike"),
])
def test_sub_event_type(annotate, text, want):
    assert subs(annotate(text)) == [want]


def test_arrest_for_a_past_protest_is_an_arrest(annotate):
    # the protest is the ground of the charge, not a demonstration the police met
    doc = annotate("Police arrested an opposition leader on Tuesday on charges of organising an illegal protest.")
    assert subs(doc) == ["Arrests"]


def test_killing_after_a_plan_clause_stays_asserted(annotate):
    # the inquiry is planned; the killings the "after" clause tells happened
    doc = annotate("The president vowed an inquiry after vigilantes killed five people in the town on Monday.")
    assert subs(doc) == ["Mob violence"]


@pytest.mark.parametrize("text", [
    # man-made and natural disasters: nobody's act
    "A gas tank exploded at a chemical factory on Thursday, injuring six workers.",
    "The earthquake killed at least 40 people in the mountain villages on Monday.",
    "Eleven people died when a fireworks warehouse exploded in the port city on Sunday.",
    # diplomacy: a weapons test condemned
    "The government condemned the country's test of a nuclear bomb on Sunday.",
    # attribution statements
    "The rebel group claimed responsibility for the attack on a police station last week.",
])
def test_non_acled_news_yields_no_event(annotate, text):
    assert subs(annotate(text), asserted=False) == []


def test_device_explosion_is_still_an_explosion(annotate):
    # the accident rule looks at what burst: a bomb in a car is a device
    doc = annotate("A bomb hidden in a parked car exploded near the army checkpoint on Monday, killing three soldiers.")
    assert subs(doc) == ["Remote explosive/landmine/IED"]


def test_single_gun_found_is_no_disrupted_weapons_use(annotate):
    doc = annotate("Detectives found a handgun at the scene of the robbery on Monday.")
    assert "Disrupted weapons use" not in subs(doc, asserted=False)
