"""A lead that names no town (or only a division) while a later sentence ties the same, told
happening to a town: a definite happening noun (or "it") as the subject of a verb of occurring
("the attack happened in X", "the ambush took place on a road outside X", "it occurred near the
market in X") places it there, not at the bureau or in the division (issue #11).  Hand-made
sentences."""
import pytest

from place_reading import places as _places


@pytest.mark.parametrize("text, town", [
    # the lead names only a compass part of the country; the bureau is a town of it
    ("PORT OF SPAIN, Trinidad - Gunmen shot dead two men outside a rum shop in central Trinidad late on "
     "Friday, police said. The shooting happened shortly before midnight in Couva, a police spokesman said.",
     "Couva"),
    # passive lead, a different verb of occurring, the town under a road phrase
    ("BOGOTA - Three soldiers were killed by rebels in southwestern Colombia on Sunday, an army spokesman in "
     "Cali said. The ambush took place on a rural road outside the port of Tumaco, he said.", "Tumaco"),
    # the lead gives a state; its later town lies under "the outskirts of"
    ("MEXICO CITY - Armed men kidnapped five farm workers in the western state of Michoacan on Sunday, state "
     "prosecutors in Morelia said. The kidnapping took place in a neighborhood on the outskirts of Uruapan, "
     "the prosecutors said.", "Uruapan"),
    # a pronoun that refers back to the happening, the verb first in its clause
    ("NAIROBI - Attackers torched a police post and killed two officers in western Kenya overnight, "
     "officials in Nakuru said. It occurred near the main market in Kisumu, a police commander said.",
     "Kisumu"),
])
def test_a_later_sentence_that_places_the_told_happening_gives_its_town(text, town):
    ps = _places(text)
    assert ps
    assert ps[0][0] == town, ps


@pytest.mark.parametrize("text", [
    # an indefinite noun tells another happening, not the one told
    "BOGOTA - Three soldiers were killed by rebels in southwestern Colombia on Sunday, an army spokesman in "
    "Cali said. A similar ambush took place on a rural road outside the port of Tumaco last year.",
    # the happening is the subject of a verb that is no occurring: condemned, not placed
    "BOGOTA - Three soldiers were killed by rebels in southwestern Colombia on Sunday, an army spokesman in "
    "Cali said. The ambush was condemned by church leaders in the port of Tumaco.",
])
def test_another_happening_or_a_verb_of_saying_does_not_move_it(text):
    ps = _places(text)
    assert ps
    assert ps[0][0] != "Tumaco", ps
