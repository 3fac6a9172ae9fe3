"""A happening told in a temporal subordinate ("a day after ... in Y", "following ... in Y") keeps
its own town: it does not place the main clause's happening when that clause names its own
(issue #11).  Hand-made sentences."""
from place_reading import places as _places


def _first(text):
    ps = _places(text)
    assert ps, text
    return ps[0]


def test_a_day_after_clause_keeps_its_town():
    p = _first("Army engineers defused a roadside bomb near the central bus park in the western town of "
               "Kassala on Sunday, a day after a grenade killed four traders in the market town of Gedaref.")
    assert p[0] == "Kassala", p


def test_following_an_ambush_in_another_town():
    p = _first("Troops clashed with militants near the border town of Bunia on Thursday, following an "
               "ambush that killed nine civilians in Beni.")
    assert p[0] == "Bunia", p


def test_hours_after_a_shooting_elsewhere():
    p = _first("Gunmen ambushed an army convoy outside Mopti on Monday, hours after suspected jihadists "
               "shot dead a village chief in Segou.")
    assert p[0] == "Mopti", p


def test_after_clause_with_its_own_verb():
    p = _first("Demonstrators torched a police post in Kisumu on Saturday after officers killed a boda-boda "
               "rider in Kakamega.")
    assert p[0] == "Kisumu", p


def test_subordinate_town_still_places_a_main_clause_that_names_none():
    # nothing else is named: the town of the happening told after "after" is all the sentence gives
    ps = _places("Gunmen opened fire on a minibus on Sunday, a day after a bomb killed five people in Mopti.")
    assert ps
    assert all(name == "Mopti" for name, _, _ in ps), ps


def test_passive_main_clause_with_since_clause():
    p = _first("A police station was set on fire in Gulu on Wednesday, two days after soldiers opened fire "
               "on a crowd in Lira.")
    assert p[0] == "Gulu", p
