"""A death told to come of an illness or an accident is no death of the event it is told beside
(ACLED codes no illness or accident; hand-written text)."""
import pytest

from eventwire import extract

PUB = "2024-05-20"


@pytest.mark.parametrize("text", [
    "An elderly man died of a heart attack during a riot in Dhaka on Sunday, when protesters burned tyres and "
    "threw stones at police.",
    "Rioters looted shops and torched cars in Lagos on Wednesday; a woman in the crowd died from an illness, "
    "relatives said.",
    "Angry villagers stormed a police post and set it on fire near Mopti on Thursday. A local elder died of "
    "cholera the same day, a health worker said.",
])
def test_a_death_by_illness_is_not_the_riots(text):
    evs = extract(text, published=PUB)
    assert evs
    assert all(e.fatalities is None for e in evs)


def test_a_death_by_wounds_stays():
    evs = extract("Protesters clashed with police in Nairobi on Monday, and one demonstrator died of gunshot "
                  "wounds, a doctor said.", published=PUB)
    assert [e.fatalities for e in evs if e.fatalities is not None] == [1]
