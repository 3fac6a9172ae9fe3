"""A lede that places the happening in a compass part of a country ("in northern Mali") filed from a
capital in another part: not the capital. Hand-made sentences, worded three ways."""
import pytest

from eventwire.nlp.toponyms import event_location


def token(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, trigger, cc", [
    ("BAMAKO (Reuters) - Gunmen killed six soldiers in an ambush in northern Mali on Tuesday, the army said.",
     "killed", "ML"),
    ("ABUJA (Reuters) - A school in northeastern Nigeria was burned down by insurgents overnight, residents said.",
     "burned", "NG"),
    ("KINSHASA (AFP) - Rebels seized two villages in eastern Congo after heavy fighting with the army, "
     "an official said on Friday.", "seized", "CD"),
])
def test_a_capital_in_another_part_of_the_country_is_not_the_place(annotate, text, trigger, cc):
    doc = annotate(text)
    loc, _ = event_location(doc, token(doc, trigger))
    dl = doc._.dateline_place
    assert loc is not None and loc.country == cc and (loc.name, loc.lat) != (dl.name, dl.lat)


def test_a_capital_in_the_named_part_stays(annotate):
    doc = annotate("BAMAKO (Reuters) - Police fired tear gas at students protesting in southern Mali on Tuesday.")
    loc, _ = event_location(doc, token(doc, "fired"))
    assert loc is not None and loc.name == "Bamako"
