"""Unnamed gunmen stay the doer though the police tell the story and arrive after it (hand-written
sentences; issue #11)."""

from actor_reading import actor1s

UAG = "Unidentified Armed Group (Kenya)"


def test_police_who_speak_and_deploy_are_no_doer(annotate):
    got = actor1s(annotate, "Gunmen opened fire on a passenger minibus near Mandera, Kenya, on Sunday, killing four "
                            "people, police said, as police and military reinforcements were deployed to the area.")
    assert got and got[0] == UAG, got


def test_police_said_gunmen_had_opened_fire(annotate):
    got = actor1s(annotate, "Police said gunmen had opened fire on a minibus carrying traders near Mandera, Kenya, "
                            "killing four, and that security forces had been sent to the area.")
    assert got and got[0] == UAG, got


def test_armed_men_shot_at_their_minibus(annotate):
    got = actor1s(annotate, "Four travellers were killed on Sunday after armed men shot at their minibus near "
                            "Mandera in northeastern Kenya, the police commander said.")
    assert got and got[0] == UAG, got
