"""Wire reports filed from a capital bureau: the towns the story names place its events, even
where spaCy's small model tags them as a person or a group.  Hand-made sentences."""
from datetime import date

from eventwire.extract import extract
from eventwire.gazetteer import haversine


def _places(text):
    return [(e.location.name, e.location.country, e.location.lat, e.location.lon)
            for e in extract(text, published=date(2026, 5, 3)) if e.location is not None]


def test_cued_town_tagged_as_a_group_beats_the_capital_dateline():
    # the gazetteer knows the town only by an alternate spelling; the locative cue and the
    # dateline's country make it the place, not Beirut 90 km away
    ps = _places("BEIRUT, May 3 (Reuters) - Gunmen shelled army positions on the outskirts of Arsal on "
                 "Tuesday, killing two soldiers, a security source said.")
    assert ps
    for name, cc, lat, lon in ps:
        assert cc == "LB" and name != "Beirut"
        assert haversine(lat, lon, 34.18, 36.42) < 25  # Aarsal


def test_second_of_two_conjoined_towns_shares_the_first_ones_cue():
    ps = _places("BAMAKO, May 3 (AFP) - Jihadists ambushed a military convoy between Boni and Douentza "
                 "in central Mali on Sunday, killing nine soldiers, the army said.")
    assert ps
    for name, cc, lat, lon in ps:
        assert cc == "ML" and name != "Bamako"
