"""A second act by the story's armed group told with a generic noun ("gang members set fire to 20
houses"): property destruction and looting by armed men are the one gang the story names, or the
country's Unidentified Armed Group when it names none (hand-written sentences)."""

import pytest


def _looting(annotate, text):
    doc = annotate(text, published="2024-06-03")
    return [m.actor1.name if m.actor1 else None for m in doc._.mentions
            if m.sub_event_type == "Looting/property destruction"]


@pytest.mark.parametrize("text, label", [
    ("Gang members set fire to 20 houses in Ganthier, Haiti, on Monday, residents said.",
     "Unidentified Armed Group (Haiti)"),
    ("Dozens of homes were torched by armed men in the village of Tawari in Kogi state, Nigeria, on Sunday, "
     "a local official said.", "Unidentified Armed Group (Nigeria)"),
    ("Gunmen looted shops and burned a market in Djibo, Burkina Faso, on Wednesday, witnesses said.",
     "Unidentified Armed Group (Burkina Faso)"),
])
def test_armed_men_destroying_property_are_an_unidentified_armed_group(annotate, text, label):
    got = _looting(annotate, text)
    assert got and got[0] == label, got


def test_the_one_named_gang_does_the_second_act(annotate):
    got = _looting(annotate, "Armed men believed to belong to the 400 Mawozo gang kidnapped six people in "
                             "Croix-des-Bouquets, Haiti, on Saturday, police said. On Monday, gang members set "
                             "fire to 20 houses in Ganthier, residents said.")
    assert got and got[-1] == "Viv Ansanm", got


def test_protesters_burning_property_are_not_armed_men(annotate):
    got = _looting(annotate, "Angry protesters set fire to a police station in Lagos, Nigeria, on Monday, "
                             "witnesses said.")
    assert all(a is None or not a.startswith("Unidentified Armed Group") for a in got), got


def test_two_named_gangs_leave_the_members_unidentified(annotate):
    got = _looting(annotate, "Police said the Gran Grif gang and the Mara Salvatrucha gang were both active in the "
                             "area. On Monday, gang members set fire to 20 houses in Ganthier, Haiti, residents said.")
    assert got and got[-1] == "Unidentified Armed Group (Haiti)", got


def test_militia_members_killing_villagers_are_the_story_militia(annotate):
    doc = annotate("Fighters of the CODECO militia attacked a displacement camp in Ituri, Congo, on Sunday, a local "
                   "official said. Later that day, militia members killed four villagers in the nearby village of "
                   "Djugu, residents said.", published="2024-06-03")
    got = [m.actor1.name if m.actor1 else None for m in doc._.mentions if m.event_type == "Violence against civilians"]
    assert got and all(a is not None and "CODECO" in a for a in got), got
