"""A place the gazetteer lacks, told by a distance and a bearing from a town it knows ("a village
about 40 km south of X"), lies at that distance and bearing from X, not in X: placing it in X makes
the error as large as the stated distance.  The point is ACLED's "near X" (precision region).
Hand-made sentences."""
from datetime import date

import pytest

from eventwire.extract import extract
from eventwire.gazetteer import haversine
from eventwire.nlp.pipeline import load_pipeline
from eventwire.nlp.toponyms import _stated_offset


def _events(text):
    return [e for e in extract(text, published=date(2026, 5, 3)) if e.location is not None]


# (text, the town measured from (lat, lon), km, the point it tells (lat, lon))
CASES = [
    # active, village named, metric with miles in brackets
    ("NAIROBI (Reuters) - Militants stormed an army outpost near the hamlet of Qoryoley Weyn, "
     "about 60 km (37 miles) north of Garissa, on Sunday, killing four soldiers, police said.",
     (-0.4532, 39.6461), 60, (0.086, 39.646)),
    # passive, miles only, the town first in the sentence
    ("Four traders were shot dead on Tuesday at a market some 30 miles east of Maiduguri, a "
     "vigilante leader said.",
     (11.8464, 13.1603), 48, (11.846, 13.604)),
    # bearing with "to the", kilometres spelled out, another country's naming
    ("ISLAMABAD (AP) - A suicide bomber blew himself up at a checkpoint 45 kilometres to the "
     "southwest of Quetta on Friday, killing six policemen, officials said.",
     (30.1841, 67.0014), 45, (29.898, 66.671)),
    # an unnamed settlement, distance after a comma
    ("Gunmen raided a cattle camp, roughly 50 km west of Gao, overnight and killed nine herders, "
     "local officials said.",
     (16.2717, -0.0447), 50, (16.271, -0.513)),
]


@pytest.mark.parametrize("text,town,km,point", CASES)
def test_a_place_told_by_distance_and_bearing_lies_that_far_that_way(text, town, km, point):
    evs = _events(text)
    assert evs
    loc = evs[0].location
    # not the town measured from: the stated distance away from it, near the told point
    assert haversine(loc.lat, loc.lon, *town) > 0.7 * km, loc
    assert haversine(loc.lat, loc.lon, *point) < 10, loc
    assert loc.precision == "region"


def test_a_bearing_without_a_distance_stays_near_the_town():
    evs = _events("Gunmen killed three herders west of Gao on Monday, local officials said.")
    assert evs
    assert haversine(evs[0].location.lat, evs[0].location.lon, 16.2717, -0.0447) < 10


def test_a_distance_without_a_bearing_stays_near_the_town():
    evs = _events("Gunmen killed three herders 50 km from Gao on Monday, local officials said.")
    assert evs
    assert haversine(evs[0].location.lat, evs[0].location.lon, 16.2717, -0.0447) < 10


def test_stated_offset_reads_distance_unit_and_bearing():
    nlp = load_pipeline()

    def at(text, name):
        doc = nlp(text)
        return _stated_offset(doc, [t.i for t in doc if t.text == name][0])

    assert at("The camp lies about 40 km (25 miles) south of Gao.", "Gao") == pytest.approx((40.0, 180))
    assert at("The camp lies 25 miles to the northeast of Gao.", "Gao") == pytest.approx((25 * 1.609344, 45))
    assert at("The camp lies 1,200 kilometers northwest of Gao.", "Gao") == pytest.approx((1200.0, 315))
    assert at("The camp lies north of Gao.", "Gao") is None
    assert at("The camp lies 40 km from Gao.", "Gao") is None


def test_a_village_measured_from_the_dateline_town_is_not_the_dateline_town():
    # the bureau's own town is the town measured from: the village still lies 45 km north of it
    evs = _events("GARISSA, Kenya (AP) - Bandits ambushed a bus near the village of Dadaab Ade, some 45 "
                  "kilometres north of Garissa, on Friday and killed two passengers, police said.")
    assert evs
    loc = evs[0].location
    assert haversine(loc.lat, loc.lon, -0.4532, 39.6461) > 35, loc
    assert haversine(loc.lat, loc.lon, -0.048, 39.646) < 10, loc
