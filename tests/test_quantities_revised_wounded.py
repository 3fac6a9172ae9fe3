"""A toll revised upward because some of the told wounded died lowers the wounded count by those who
died (ACLED: the latest figures; the dead are no longer among the wounded).  Hand-written text."""
import pytest

from eventwire import extract

PUB = "2024-03-11"


def _violent(text):
    return [e for e in extract(text, published=PUB) if e.event_type in ("Battles", "Violence against civilians",
                                                                        "Explosions/Remote violence")]


@pytest.mark.parametrize("text,toll,wounded", [
    # the death told before the new toll, in the revising sentence
    ("Militiamen stormed a hamlet near Bunia on Saturday, killing five villagers and wounding six. One of the "
     "wounded died on Sunday, raising the toll to six.", 6, 5),
    # the new toll first, the death in a "when" clause, another word for the wounded
    ("Gunmen raided a market outside Katsina on Friday, killing eight traders and injuring nine. The death toll "
     "climbed to nine on Saturday when one of the injured died in hospital.", 9, 8),
    # the death in a sentence of its own before the revised toll, two of them, a speaker
    ("Insurgents shelled a camp near Goma on Tuesday, killing 12 people and wounding 15. Doctors said two of the "
     "wounded had died overnight. The toll now stands at 14, officials said.", 14, 13),
])
def test_the_wounded_who_died_leave_the_wounded_when_the_toll_is_revised(text, toll, wounded):
    evs = _violent(text)
    assert evs and evs[0].fatalities == toll
    assert evs[0].counts.get("wounded") == wounded


@pytest.mark.parametrize("text,toll,wounded", [
    # a risen toll that says nothing of the wounded keeps them
    ("Militiamen stormed a hamlet near Bunia on Saturday, killing five villagers and wounding six. The toll "
     "rose to seven on Sunday.", 7, 6),
    # the wounded who died number more than the rise: at most the rise leaves the wounded
    ("Militiamen stormed a hamlet near Bunia on Saturday, killing five villagers and wounding six. Three of the "
     "wounded died on Sunday, bringing the death toll to six.", 6, 5),
])
def test_the_wounded_stay_unless_their_deaths_raised_the_toll(text, toll, wounded):
    evs = _violent(text)
    assert evs and evs[0].fatalities == toll
    assert evs[0].counts.get("wounded") == wounded
