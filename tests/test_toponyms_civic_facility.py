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


# The tagger often reads "the X City Hall" as one organisation's name; the town inside it is still
# where the building stands (it is no group's name to qualify).
def test_rally_in_front_of_the_city_hall_tagged_as_an_organisation():
    ps = _places("TBILISI - Several hundred teachers rallied in front of the Kutaisi City Hall on Sunday "
                 "against wage cuts.")
    assert ps
    assert all(name == "Kutaisi" for name, _, _ in ps), ps


def test_city_hall_without_the_article_and_another_verb():
    ps = _places("BOGOTA - Dozens of street vendors blocked the entrance of Medellin City Hall on Monday "
                 "to protest against evictions.")
    assert ps
    assert all(name == "Medellín" or name == "Medellin" for name, _, _ in ps), ps


def test_town_council_offices_passive():
    ps = _places("NAIROBI - The Kisumu Town Council offices were stormed by angry traders on Tuesday "
                 "after market stalls were demolished.")
    assert ps
    assert all(name == "Kisumu" for name, _, _ in ps), ps


def test_possessive_city_hall():
    ps = _places("ACCRA - Hundreds of market women demonstrated outside Kumasi's city hall on Wednesday "
                 "over new levies.")
    assert ps
    assert all(name == "Kumasi" for name, _, _ in ps), ps


# A public hospital named by its town and its rank ("central", "teaching", "general") stands in that
# town, even when the tagger reads the whole name as an organisation.
def test_attack_at_a_towns_central_hospital():
    ps = _places("LILONGWE - Relatives of a dead patient attacked nurses at Mzuzu Central Hospital on Monday, "
                 "police said.")
    assert ps
    assert all(name == "Mzuzu" for name, _, _ in ps), ps


def test_teaching_hospital_as_the_object_of_the_verb():
    ps = _places("ACCRA - Angry youths stormed the Tamale Teaching Hospital on Sunday and assaulted two "
                 "doctors, police said.")
    assert ps
    assert all(name == "Tamale" for name, _, _ in ps), ps


def test_abduction_from_a_general_hospital():
    ps = _places("ABUJA - Gunmen abducted three doctors from the Kaduna General Hospital on Saturday, "
                 "police said.")
    assert ps
    assert all(name == "Kaduna" for name, _, _ in ps), ps
