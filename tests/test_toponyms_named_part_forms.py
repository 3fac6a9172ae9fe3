"""A compass part of a country is said three ways: "in northern X", "in X's north", "in the north
of X". Each says the happening is in that part, so a bureau's town in another part of X (by the
gazetteer's coordinates) is not its place; a bureau in that part still is.  Hand-made sentences."""
from datetime import date

import pytest

from eventwire.extract import extract
from eventwire.gazetteer import haversine


def _first(text):
    evs = [e for e in extract(text, published=date(2026, 5, 3)) if e.location is not None]
    assert evs
    return evs[0].location


@pytest.mark.parametrize("text,bureau", [
    ("YANGON (Reuters) - Army jets bombed a monastery in Myanmar's northwest on Monday, killing six "
     "villagers, residents said.", (16.81, 96.16)),
    ("BAMAKO (AFP) - Jihadists ambushed an army convoy in the north of Mali on Thursday, killing eight "
     "soldiers, the army said.", (12.65, -8.0)),
    ("LAGOS, Nigeria (AP) - Insurgents torched a market in Nigeria's northeast "
     "on Friday, killing five traders, officials said.", (6.45, 3.39)),
    ("LAGOS, Nigeria (AP) - Suspected insurgents were blamed after five traders were killed in the "
     "northeast of Nigeria on Friday, officials said.", (6.45, 3.39)),
])
def test_a_bureau_in_another_part_of_the_country_is_not_the_place(text, bureau):
    loc = _first(text)
    assert haversine(loc.lat, loc.lon, *bureau) > 100, loc


@pytest.mark.parametrize("text,bureau", [
    ("LAGOS, Nigeria (AP) - Gunmen shot dead four farmers in Nigeria's southwest on Friday, police "
     "said.", (6.45, 3.39)),
    ("BAMAKO (AFP) - Soldiers clashed with armed herders in the southwest of Mali on Thursday, "
     "leaving three dead, the army said.", (12.65, -8.0)),
])
def test_a_bureau_in_the_named_part_stays_the_place(text, bureau):
    loc = _first(text)
    assert haversine(loc.lat, loc.lon, *bureau) < 25, loc
