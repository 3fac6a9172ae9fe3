"""The object of a place preposition is where a happening was, not a party to it (hand-written
sentences): a neighbourhood, slum or district the gazetteer may not know never becomes an actor."""


def _parties(annotate, text):
    doc = annotate(text, published="2024-06-03")
    return [a.name for m in doc._.mentions for a in (m.actor1, m.actor2, *m.associated_actors) if a is not None]


def test_a_slum_after_in_is_no_party(annotate):
    got = _parties(annotate, "NAIROBI - Officers opened fire on protesters in Kibera, a slum in the capital, on "
                             "Monday, wounding five.")
    assert got and "Kibera" not in got, got


def test_a_district_after_at_is_no_party(annotate):
    got = _parties(annotate, "Constables fired tear gas at marchers at Matonge, a district of the capital, "
                             "on Saturday.")
    assert "Matonge" not in got, got


def test_a_suburb_after_near_is_no_party(annotate):
    got = _parties(annotate, "Guards beat student demonstrators near Hamdallah, a suburb of the capital, "
                             "on Friday, a rights group said.")
    assert "Hamdallah" not in got, got


def test_a_country_that_acts_is_still_its_military(annotate):
    got = _parties(annotate, "Somalia recaptured the town of Bulo Burde from militants on Sunday.")
    assert "Military Forces of Somalia" in got, got


def test_a_country_after_on_keeps_its_state(annotate):
    # the place rule leaves countries alone: strikes on a country are on its state
    doc = annotate("Israeli warplanes carried out strikes on Iran on Friday, killing four soldiers.",
                   published="2024-06-03")
    got = [m.actor2.name for m in doc._.mentions if m.actor2 is not None]
    assert "Military Forces of Iran" in got, got
