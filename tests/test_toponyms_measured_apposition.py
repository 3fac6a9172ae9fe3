"""A bearing and distance measured from a town that a noun first says is a capital or a town ("35 km
north of the capital Mogadishu", "30 kilometres south of the state capital, Maiduguri", "50 miles
north of the regional capital of Gao") measure from that town: a village we lack lies that far that
way, not in the capital nor at its division's seat (issue #11).  Hand-made sentences."""
from datetime import date

import pytest

from eventwire.extract import extract
from eventwire.gazetteer import haversine


def _events(text):
    return [e for e in extract(text, published=date(2026, 5, 3)) if e.location is not None]


# (text, the town measured from (lat, lon), km)
CASES = [
    ("NAIROBI (Reuters) - A roadside bomb hit an army convoy near the hamlet of Dhuusa Weyn, some 40 km "
     "(25 miles) west of the capital Mogadishu, on Monday, killing two soldiers, an officer said.",
     (2.0371, 45.3438), 40),
    ("Gunmen on motorbikes killed seven farmers in the village of Kwari Dutse, 30 kilometres south of the "
     "state capital, Maiduguri, residents said on Friday.",
     (11.8464, 13.1603), 30),
    ("Suspected jihadists attacked a checkpoint outside the settlement of Tin Azawak, about 50 miles north "
     "of the regional capital of Gao, overnight, killing four soldiers, the army said.",
     (16.2717, -0.0447), 80),
]


@pytest.mark.parametrize("text,town,km", CASES)
def test_a_village_measured_from_a_named_capital_lies_that_far_away(text, town, km):
    evs = _events(text)
    assert evs
    loc = evs[0].location
    d = haversine(loc.lat, loc.lon, *town)
    assert 0.7 * km < d < 1.3 * km, (loc, d)
