"""ACLED codes an arrest to the country's police: "security forces arrested nine people" names no
branch, and the force that arrests, absent a military word, is the police (hand-written sentences).
A force told as military ("soldiers detained...") keeps its branch."""

import pytest


def _arrests(annotate, text):
    doc = annotate(text, published="2024-06-03")
    return [m.actor1.name if m.actor1 else None for m in doc._.mentions if m.sub_event_type == "Arrests"]


@pytest.mark.parametrize("text, force", [
    ("Security forces in Iran arrested nine people in dawn raids on their homes in Tehran on Monday, rights "
     "groups said.", "Police Forces of Iran"),
    ("Nine students were detained by security forces in Harare, Zimbabwe, on Thursday, their union said.",
     "Police Forces of Zimbabwe"),
    ("Ethiopian security personnel rounded up and arrested dozens of journalists in Addis Ababa on Friday, "
     "a press group said.", "Police Forces of Ethiopia"),
    ("Uzbek security forces have detained 11 activists in Tashkent, a rights group said on Wednesday.",
     "Police Forces of Uzbekistan"),
])
def test_security_forces_arrest_as_police(annotate, text, force):
    got = _arrests(annotate, text)
    assert got and got[0] == force, got


@pytest.mark.parametrize("text, force", [
    ("Soldiers arrested nine people in a raid on a village near Mopti, Mali, on Monday, residents said.",
     "Military Forces of Mali"),
    ("Troops detained 14 suspected militants in Borno state, Nigeria, on Tuesday, the army said.",
     "Military Forces of Nigeria"),
])
def test_a_military_force_keeps_its_branch(annotate, text, force):
    got = _arrests(annotate, text)
    assert got and got[0] == force, got
