""""The X region" in a story told elsewhere is a division or area, never a far-away town that merely
bears the name X; "the X region of <country>" keeps X inside that country (issue #11).  Hand-made
sentences."""
import pytest

from eventwire.nlp import toponyms
from eventwire.nlp.pipeline import annotate
from eventwire.article import Article
from place_reading import places as _places


def _resolved(text):
    doc = annotate(Article(text=text))
    return {m[2]: (m[4].country if m[4] else None) for m in toponyms._mentions(doc)}


@pytest.mark.parametrize("text,name,far", [
    ("Troops raided hideouts across the Basin region on Tuesday and killed five militants, a military "
     "spokesman in Maiduguri said.", "Basin", "US"),
    ("Police arrested nine suspected kidnappers in the Savannah region of Ghana on Friday, officials said.",
     "Savannah", "US"),
    ("Herders were attacked in the Highlands region on Sunday and four of them died, Kenyan police in "
     "Nairobi said.", "Highlands", "US"),
])
def test_a_region_named_after_a_far_town_is_not_that_town(text, name, far):
    got = _resolved(text)
    assert got.get(name) != far, got
    assert all(p[1] != far for p in _places(text)), _places(text)


@pytest.mark.parametrize("text,name,cc", [
    # the name is a division, or the seat a division is named after, in the story's own country
    ("Jihadists attacked an army camp in the Mopti region on Sunday, killing ten soldiers, the army said.",
     "Mopti", "ML"),
    ("Gunmen killed three worshippers in the Timbuktu region on Friday, officials in Bamako said.",
     "Timbuktu", "ML"),
    # a US town's surroundings in a US story keep the town
    ("Two men were shot dead in the Savannah region of Georgia on Saturday, the Chatham County sheriff said.",
     "Savannah", "US"),
])
def test_a_region_in_the_storys_own_country_is_kept(text, name, cc):
    assert _resolved(text).get(name) == cc


@pytest.mark.parametrize("text,name,division", [
    # "X, a village in Y state": the apposition's "in Y" puts X in Y even where a bigger namesake lies
    # elsewhere in the country (the apposition may have no modifier before its head noun)
    ("Boko Haram fighters attacked Azare, a village in Borno state, on Monday, killing three soldiers, "
     "officials said.", "Azare", "Borno"),
    ("Two soldiers died when insurgents overran Azare, a settlement in Borno state, late on Friday.",
     "Azare", "Borno"),
    ("Azare, a town in Borno state, was shelled by the militants on Sunday and four residents were killed.",
     "Azare", "Borno"),
])
def test_an_apposition_without_modifier_says_which_division_holds_the_town(text, name, division):
    doc = annotate(Article(text=text))
    got = {m[2]: (m[4].admin1 if m[4] else None) for m in toponyms._mentions(doc)}
    assert got.get(name) == division, got
