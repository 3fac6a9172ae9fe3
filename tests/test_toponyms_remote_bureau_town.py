"""A lead that places the happening only by a compass part of the country ("in southern Madagascar"),
filed from the capital, and a later sentence that names the story's one town there: that town is the
place, not the country; the capital bureau is no town of the story (issue #11). Hand-made sentences."""
import pytest

from place_reading import places as _places


@pytest.mark.parametrize("text,town", [
    ("ANTANANARIVO (AFP) - Villagers in southern Madagascar beat three suspected cattle thieves to death on "
     "Sunday, the gendarmerie said.\n\nThe three were caught by residents of Betroka, in the Anosy region, "
     "after some 40 zebu went missing, an officer said.", "Betroka"),
    ("NAIROBI (Reuters) - A mob in western Kenya lynched two men accused of stealing a cow on Saturday, police "
     "said.\n\nThe pair were seized by villagers in Malaba, in Busia county, after a cow went missing, an "
     "officer told Reuters.", "Malaba"),
    ("BAMAKO - Suspected jihadists killed five herders in eastern Mali on Monday, local officials said.\n\n"
     "The gunmen came on motorbikes to a hamlet outside Menaka, in the Menaka region, a councillor said.",
     "Menaka"),
    ("LIMA - Drug traffickers shot dead two police officers in northern Peru on Friday, the interior ministry "
     "said.\n\nThe officers had stopped a truck on a road near Jaen, in the Cajamarca region, when the men "
     "opened fire.", "Jaen"),
])
def test_the_storys_one_town_beats_a_compass_part_of_the_country(text, town):
    got = _places(text)
    assert got and got[0][0] == town, got


def test_a_town_in_another_part_of_the_country_is_not_the_place():
    # "northern" Madagascar, but the one town named lies in the south: the text gives two places
    got = _places("ANTANANARIVO (AFP) - Villagers in northern Madagascar beat two suspected thieves to death "
                  "on Sunday, the gendarmerie said.\n\nA similar case was reported last year in Betroka, an "
                  "officer said.")
    assert got and got[0][0] != "Betroka", got


def test_two_towns_leave_the_country():
    # two towns of the country besides the bureau: neither is the one place
    got = _places("NAIROBI (Reuters) - A mob in western Kenya lynched two men on Saturday, police said.\n\n"
                  "Officers from Kakamega and Bungoma were sent to the area, a spokesman said.")
    assert got and got[0][0] not in ("Kakamega", "Bungoma"), got
