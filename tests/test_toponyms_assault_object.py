"""A bare town name that a force raids, storms, seizes or attacks is the happening's place, whatever
the tagger took it for (issue #11). Hand-made sentences."""
import pytest

from place_reading import places


@pytest.mark.parametrize("text, town", [
    # the tagger calls it an organisation; the country comes from a demonym only
    ("Insurgents raided Daura overnight, killing five vigilantes, Nigerian police said.", "Daura"),
    # untagged, filed with no dateline, another town named as where the source spoke
    ("Jihadists overran Damboa before dawn on Monday, killing four soldiers, residents told AFP by phone from "
     "Maiduguri.", "Damboa"),
    # "attacked" may take a person: the tagger's person is a town of the dateline's country
    ("KABUL - Taliban fighters attacked Maidan Shahr overnight, killing six policemen, officials said.",
     "Maydanshakhr"),
    # untagged object of "seized", filed from the capital
    ("MOGADISHU - Al Shabaab militants seized Afgooye on Wednesday after government troops withdrew, killing "
     "two soldiers, residents said.", "Afgooye"),
])
def test_the_object_of_a_raid_is_the_place(text, town):
    ps = places(text)
    assert ps
    assert ps[0][0] == town and ps[0][2] == "town", ps


def test_a_person_attacked_is_no_place():
    ps = places("Gunmen attacked Johnson with a knife outside a bar in Texas on Friday, police said.")
    assert all(name != "Johnson" for name, _, _ in ps), ps
