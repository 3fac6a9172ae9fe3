""""The capital" with no name beside it is the capital of the country it qualifies or the story's
country, by the gazetteer's PPLC (issue #11).  Hand-made sentences."""
from place_reading import places as _places


def test_demonym_capital_is_that_countrys_capital():
    ps = _places("Soldiers opened fire on protesters in the Ugandan capital on Tuesday, killing two, witnesses said.")
    assert ps
    assert ps[0][:2] == ("Kampala", "UG"), ps


def test_possessive_country_capital():
    ps = _places("Rioters looted shops and torched cars across Haiti's capital on Sunday, witnesses said.")
    assert ps
    assert ps[0][:2] == ("Port-au-Prince", "HT"), ps


def test_bare_capital_under_a_foreign_bureau_dateline_is_the_named_countrys():
    ps = _places("NAIROBI, Kenya (AP) - Gunmen stormed a hotel in the Somali capital on Saturday, killing six "
                 "guests, police said.")
    assert ps
    assert ps[0][:2] == ("Mogadishu", "SO"), ps


def test_bare_capital_is_the_capital_not_a_town_named_later():
    ps = _places("TIRANA, Albania (Reuters) - Opposition supporters clashed with riot police in the capital on "
                 "Friday. In Shkodër, about 500 people blocked a main road on Saturday.")
    assert ps
    assert ps[0][:2] == ("Tirana", "AL"), ps


def test_a_provincial_capital_is_no_country_capital():
    ps = _places("Gunmen killed four traders at a market in the provincial capital on Friday, police in "
                 "Kenya said.")
    assert all(name != "Nairobi" for name, _, _ in ps), ps


def test_a_state_capital_is_no_country_capital():
    ps = _places("Gunmen attacked a checkpoint in the state capital on Sunday, killing two policemen, officials "
                 "in Nigeria said.")
    assert all(name != "Abuja" for name, _, _ in ps), ps


def test_capital_tied_to_the_trigger_beats_a_landmark_namesake_in_a_later_clause():
    ps = _places("SYDNEY, Australia (AP) - Riot police clashed with protesters in Fiji's capital on Monday after "
                 "crowds gathered at Albert Park.")
    assert ps
    assert ps[0][:2] == ("Suva", "FJ"), ps
