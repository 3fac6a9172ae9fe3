"""A count corrected in the same sentence by a toll word set after it ("killing four, a number that rose to
six", "killed five, a figure later revised to seven"), and a toll raised with its figure first ("raising to
three the number of dead"): ACLED keeps the latest figure, higher or lower.  Hand-written text."""
import pytest

from eventwire import extract

PUB = "2024-03-11"


@pytest.mark.parametrize("text,toll", [
    # relative clause on a toll word (active, with a subject of its own)
    ("Gunmen attacked a bus near Jos on Monday, killing at least six civilians, officials said, a figure the "
     "state health ministry later put at 10.", 10),
    # participle, passive, with the reviser as agent
    ("Militants stormed a village in Borno on Sunday and killed five people, a figure later revised to seven "
     "by the governor.", 7),
    # relative clause with "that" as subject, a bare number counted
    ("Rebels shelled a market in Goma on Friday, killing four, a number that rose to six overnight.", 6),
    # the relative pronoun as object ("a toll that police later raised to 15"), "a toll" no victim of its own
    ("A suicide bomber struck a mosque in Peshawar on Friday, killing 12 worshippers, a toll that police later "
     "raised to 15.", 15),
    # an adjective toll ("leaving three dead"), "which"
    ("Troops opened fire on protesters in Khartoum on Thursday, leaving three dead, a number which hospital "
     "staff later revised to five.", 5),
    # a correction downwards is the latest figure too
    ("Soldiers fired on a crowd in Bamako on Monday, killing nine people, a figure police later revised to "
     "six.", 6),
    ("Jihadists attacked a base in Djibo on Sunday and killed 17 soldiers, a toll put at 22 by local sources.", 22),
])
def test_a_count_corrected_after_a_comma_gives_the_latest_figure(text, toll):
    evs = extract(text, published=PUB)
    assert evs and all(e.fatalities == toll for e in evs)


def test_the_correction_follows_the_count_it_is_set_after():
    evs = extract("Bandits attacked travellers near Kaduna on Saturday, killing three and wounding 11, a number "
                  "that later rose to 14.", published=PUB)
    assert evs and evs[0].fatalities == 3 and evs[0].counts.get("wounded") == 14


def test_a_tally_over_a_period_is_no_correction():
    evs = extract("Fighters ambushed a patrol near Menaka on Monday, killing three soldiers, a number that brings "
                  "the army's losses this year to 40.", published=PUB)
    assert evs and evs[0].fatalities == 3


@pytest.mark.parametrize("text,toll", [
    ("Police fired on demonstrators in Nairobi on Monday, killing two. A student shot in the chest died "
     "overnight, raising to three the number of dead.", 3),
    ("Police fired on demonstrators in Nairobi on Monday, killing two. A student shot in the chest died "
     "overnight, raising the number of dead to three.", 3),
    ("Fighters raided a village near Beni on Monday, killing eight people. A boy hurt in the raid died on "
     "Wednesday, taking to nine the death toll.", 9),
])
def test_a_toll_raised_with_its_figure_first(text, toll):
    evs = extract(text, published=PUB)
    assert evs and all(e.fatalities == toll for e in evs)
