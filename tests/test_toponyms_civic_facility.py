"""A building a town runs or names by its office ("the X City Hall", "X Municipal Stadium", "X
Airport") places the happening in that town, not at the dateline (issue #11).  Hand-made sentences."""
from place_reading import places as _places


def test_rally_outside_a_city_hall_is_in_that_city_not_the_capital_dateline():
    ps = _places("TBILISI - Hundreds of pensioners rallied outside the Batumi City Hall on Saturday to "
                 "demand higher payments.")
    assert ps
    assert all(name == "Batumi" for name, _, _ in ps), ps


def test_sit_in_at_a_municipal_stadium_is_in_its_town():
    ps = _places("ABUJA - Hundreds of traders staged a protest at the Kano Municipal Stadium on Monday "
                 "over new market levies.")
    assert ps
    assert all(name == "Kano" for name, _, _ in ps), ps


def test_rockets_fired_at_a_town_airport_passive():
    ps = _places("KABUL - Two guards were wounded when rockets were fired at Herat International Airport "
                 "on Sunday, officials said.")
    assert ps
    assert all(name == "Herat" for name, _, _ in ps), ps


def test_hospital_named_otherwise_keeps_the_town_the_text_names():
    # no civic word: a hospital named like a far place says nothing of where it stands
    ps = _places("Three men were shot dead outside Mount Sinai Hospital in Chicago on Sunday, police said.")
    assert ps
    assert all(name == "Chicago" for name, _, _ in ps), ps
