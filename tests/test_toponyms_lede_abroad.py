"""A story filed from a bureau abroad ("NAIROBI - ... in Kampala") whose body names no town or division
of the bureau's country: a later sentence with no place of its own is told of the lede's town, not
of the bureau. Hand-made sentences, worded three ways."""
from eventwire.nlp.toponyms import event_location


def token(doc, word):
    return next(t for t in doc if t.text == word)


def test_arrests_after_tear_gas_abroad(annotate):
    doc = annotate("NAIROBI (Reuters) - Ugandan police fired tear gas at opposition supporters in Kampala on "
                   "Monday. The protesters had gathered to demand the release of a jailed politician. Police said "
                   "20 people were arrested.")
    loc, _ = event_location(doc, token(doc, "arrested"))
    assert loc is not None and loc.name == "Kampala"


def test_a_later_march_in_a_neighbouring_capital(annotate):
    doc = annotate("JOHANNESBURG (AFP) - Thousands of Zimbabweans rallied in Harare on Saturday against rising "
                   "prices. Marchers later walked to the finance ministry, where they handed over a petition.")
    loc, _ = event_location(doc, token(doc, "walked"))
    assert loc is not None and loc.country == "ZW"


def test_a_later_toll_in_another_country(annotate):
    doc = annotate("BEIRUT (AFP) - Syrian security forces opened fire on demonstrators in Homs on Friday. "
                   "Activists said at least five people were killed.")
    loc, _ = event_location(doc, token(doc, "killed"))
    assert loc is not None and loc.country == "SY"
