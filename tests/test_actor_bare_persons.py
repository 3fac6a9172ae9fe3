"""People told only as persons ("two people", "several individuals") who use a weapon are as
unknown as "someone": ACLED's unidentified armed actor. Hand-made sentences."""
from datetime import date

from eventwire.extract import extract


def _actor1(text):
    return [e.actor1.name if e.actor1 else None for e in extract(text, published=date(2026, 5, 3))]


def test_two_people_opened_fire():
    a = _actor1("At least two people opened fire outside a bar in Chicago, Illinois, on Saturday, "
                "wounding three, police said.")
    assert a and a[0] == "Unidentified Armed Group (United States)"


def test_individuals_fired_shots_after_the_speaker():
    a = _actor1("Police said several individuals fired shots into a crowd at a park in Memphis, "
                "Tennessee, on Sunday, killing one.")
    assert a and a[0] == "Unidentified Armed Group (United States)"


def test_a_person_started_shooting_in_a_later_sentence():
    a = _actor1("A man was killed in a shooting at a block party in Flint, Michigan, late Saturday. "
                "Witnesses said a person pulled out a gun and started firing.")
    assert a and a[0] == "Unidentified Armed Group (United States)"


def test_people_hit_by_the_gunfire_are_not_its_doers():
    # "people" as the ones a weapon hits (not its subject) names no doer
    a = _actor1("Gunfire wounded four people at a park in Memphis, Tennessee, on Sunday.")
    assert a and a[0] != "Unidentified Armed Group (United States)"


def test_the_people_definite_are_not_unknown():
    # "the people" told already are who they were, not an unknown gunman
    a = _actor1("Protesters marched in Lagos on Monday. The people fired shots in the air near the "
                "governor's office, police said.")
    assert "Unidentified Armed Group (Nigeria)" not in a
