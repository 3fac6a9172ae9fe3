"""A death told by an ordinal ("a fifth soldier has died of his wounds") is the Nth death of the
happening: its toll is N, in the sentence that tells it alone or after the first count.  Hand-written."""
import pytest

from eventwire import extract

PUB = "2024-03-11"


@pytest.mark.parametrize("text,toll", [
    ("A fifth soldier died of his wounds on Monday, four days after militants ambushed an army patrol near Gao.", 5),
    ("A third policeman has died of injuries sustained in Friday's raid on a checkpoint near Maiduguri, police "
     "said.", 3),
    ("A sixth villager succumbed to gunshot wounds in hospital on Tuesday after gunmen raided Kwall village on "
     "Saturday.", 6),
    # counted on after the first count: the told toll and the ordinal agree
    ("Gunmen attacked a market in Bunia on Tuesday, killing four traders. A fifth trader died of his wounds "
     "on Wednesday.", 5),
])
def test_an_ordinal_death_of_wounds_gives_the_toll(text, toll):
    evs = extract(text, published=PUB)
    assert evs and evs[0].fatalities == toll


@pytest.mark.parametrize("text", [
    # a killing told as the Nth of a series may be a happening of its own
    "A fourth protester was shot dead by police in Nairobi on Tuesday as demonstrations against the tax bill "
    "went on.",
    # a tally over a period ranks the death, it does not count this happening's dead
    "A second reporter died in Culiacan this year after gunmen shot him outside his home on Monday.",
    # the ordinal of a definite victim names which one, not how many
    "The third hostage died in Mosul on Monday after militants shot him during the raid.",
])
def test_an_ordinal_that_ranks_leaves_one_dead(text):
    evs = extract(text, published=PUB)
    assert evs and evs[0].fatalities == 1
