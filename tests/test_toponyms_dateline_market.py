"""A dateline names a town: "the X market", "the X hospital" later in the story are that town's
market and hospital, not a district of some other town, so they never take the dateline's own
reading away (which left a story that names its country nowhere else with no country, and let a
small namesake abroad of another of its places win) (issue #11).  Hand-made sentences."""
import pytest

from place_reading import places as _places


@pytest.mark.parametrize("text, town, cc", [
    ("CHAGUANAS - A man was stabbed to death outside a nightclub early on Saturday, police said. "
     "Vendors at the Chaguanas market said the attacker ran off towards the highway.", "Chaguanas", "TT"),
    ("COUVA - Two brothers were shot and wounded as they left a rum shop on Friday night. They were "
     "taken to the Couva hospital, where one of them remained in a serious condition, police said.",
     "Couva", "TT"),
    ("GARISSA - Police fired tear gas at hawkers who blocked a road to protest against new levies on "
     "Monday. Traders from the Garissa market said four of them were arrested.", "Garissa", "KE"),
])
def test_the_dateline_town_keeps_its_reading_when_its_market_or_hospital_is_named(text, town, cc):
    ps = _places(text)
    assert ps
    assert all((name, country) == (town, cc) for name, country, _ in ps), ps


def test_a_small_namesake_abroad_of_a_suburb_does_not_take_the_story_away():
    # Mount Hope is a Trinidad suburb the gazetteer lacks; its namesakes are small US towns
    ps = _places("CHAGUANAS - A man shot outside a nightclub on Saturday died at a hospital in Mount Hope "
                 "on Sunday, police said. Shoppers at the Chaguanas market said two gunmen fled in a car.")
    assert ps
    assert all(country == "TT" for _, country, _ in ps), ps
