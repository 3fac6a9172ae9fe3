"""An event told only as a bearing from a city ("west of the capital") is at the town the story names
that lies that way from it, by the gazetteer's coordinates (issue #11). Hand-made sentences."""
import pytest

from place_reading import places


@pytest.mark.parametrize("text, town", [
    ("KABUL (AP) - A bomb tore through a police pickup west of Kabul on Monday, killing three officers, "
     "officials said. The blast struck the vehicle on a highway outside Maidan Shahr, the provincial capital, "
     "a police spokesman said.", "Maydanshakhr"),
    ("BAGHDAD - Gunmen killed four shepherds northeast of Baghdad on Friday, police said. The men were grazing "
     "sheep on farmland near Baqubah when they were shot, a local official said.", "Baqubah"),
    ("MOGADISHU (Reuters) - Al Shabaab fighters ambushed an army convoy west of Mogadishu on Tuesday, killing "
     "five soldiers. Residents of Afgooye said they heard heavy gunfire for an hour.", "Afgooye"),
])
def test_a_bearing_from_a_city_is_the_town_that_lies_that_way(text, town):
    ps = places(text)
    assert ps
    assert ps[0][0] == town and ps[0][2] == "town", ps


def test_a_town_the_other_way_is_not_taken():
    # Baqubah lies north-east of Baghdad, not south: the event stays near Baghdad
    ps = places("BAGHDAD - Gunmen killed four shepherds south of Baghdad on Friday, police said. The men came "
                "from Baqubah, a local official said.")
    assert ps
    assert ps[0][0] == "Baghdad" and ps[0][2] == "region", ps


def test_a_bearing_with_no_town_named_stays_near_the_city():
    ps = places("KABUL (AP) - A bomb tore through a police pickup 20 km west of Kabul on Monday, killing three "
                "officers, officials said.")
    assert ps
    assert ps[0][0] == "Kabul" and ps[0][2] == "region", ps
