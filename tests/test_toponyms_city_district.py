"""A district or neighbourhood of a town the text names ("the X neighbourhood of Y", "Y's X
district", "the city's X district") lies in or next to that town: the namesake of X nearest Y
(within 20 km), else Y itself, never a far-away village of the name. Hand-made sentences."""
from datetime import date

import pytest

from eventwire import gazetteer as gz
from eventwire.extract import extract
from eventwire.nlp import toponyms


@pytest.mark.parametrize("text, city", [
    ("ATHENS (Reuters) - Anarchists hurled petrol bombs at a police station in the Kypseli neighbourhood "
     "of Athens on Friday night, police said.", (37.98, 23.73)),
    ("LIMA (AFP) - Masked men shot dead a bus driver in Lima's Comas district on Wednesday, police said.",
     (-12.05, -77.04)),
    ("MANILA (AP) - Gunmen on a motorcycle killed a village chief in the city's Sampaloc district on Tuesday, "
     "police said.", (14.6, 120.98)),
    ("ISTANBUL (Reuters) - Police detained dozens of protesters in the Bahcelievler neighbourhood of Istanbul "
     "on Thursday.", (41.01, 28.95)),
])
def test_a_district_of_the_named_city_lies_near_it(text, city):
    evs = [e for e in extract(text, published=date(2026, 5, 20)) if e.location is not None]
    assert evs
    for e in evs:
        assert gz.haversine(e.location.lat, e.location.lon, *city) <= toponyms.DISTRICT_KM, e.location
