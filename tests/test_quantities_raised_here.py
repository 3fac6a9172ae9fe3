"""A victim of a told happening who died later, in a sentence that raises the toll ("..., bringing the
number of dead to four"): the raised toll is the happening's latest figure (ACLED), not the one death.
Hand-written text."""
import pytest

from eventwire import extract

PUB = "2024-03-11"


@pytest.mark.parametrize("text,toll", [
    ("A guard who was hurt in Friday's raid on a bank in Kano died in hospital on Sunday, bringing the number "
     "of dead to four.", 4),
    ("The Malian driver who was wounded in Monday's ambush on a truck near Sevare died on Wednesday at the Mopti "
     "hospital, bringing the death toll to three, an official said.", 3),
    ("A trader shot during Monday's attack on the Bunia market died of his wounds on Thursday, bringing to six "
     "the number of people killed.", 6),
])
def test_a_toll_raised_by_a_later_death_is_the_happenings(text, toll):
    evs = extract(text, published=PUB)
    assert evs and all(e.fatalities == toll for e in evs)


@pytest.mark.parametrize("text,toll", [
    # a toll raised over a period is not the happening's
    ("Militants attacked a checkpoint near Gao on Monday, killing two soldiers and bringing the number of "
     "troops killed since January to 45.", 2),
])
def test_a_tally_over_a_period_is_no_toll_of_the_happening(text, toll):
    evs = extract(text, published=PUB)
    assert evs and evs[0].fatalities == toll


def test_a_city_tally_of_killings_is_no_toll_of_the_happening():
    evs = extract("Police said a man shot on Elm Street in Dayton on Saturday died on Sunday, bringing the number "
                  "of homicides in the city this weekend to nine.", published=PUB)
    assert all(e.fatalities != 9 for e in evs)
