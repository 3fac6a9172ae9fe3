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

