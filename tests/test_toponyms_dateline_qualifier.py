"""A dateline's qualifier ("PORT OF SPAIN, Trinidad -") is a part of the dateline city's country: a
namesake of it abroad is no reading of it, in the dateline or later in the story (issue #11).
Hand-made sentences."""
from datetime import date

import pytest

from eventwire.extract import extract
from place_reading import places


@pytest.mark.parametrize("text", [
    "PORT OF SPAIN, Trinidad (AP) — Gunmen shot dead two men outside a shop in central Trinidad on Friday, "
    "police said. The United States has sent patrol boats to the region.",
    "PORT OF SPAIN, Trinidad (Reuters) - Two men were killed when gunmen opened fire on a minibus in southern "
    "Trinidad late on Sunday, police said.",
    "PORT OF SPAIN, Trinidad — A police officer was shot and wounded during a raid in Trinidad's east on "
    "Tuesday, the Trinidad and Tobago Police Service said.",
])
def test_the_qualifier_is_never_a_namesake_abroad(text):
    evs = extract(text, published=date(2026, 5, 3))
    assert evs
    assert all(e.location is not None and e.location.country == "TT" for e in evs), \
        [(e.location.name, e.location.country) for e in evs if e.location]
    # the doers of a shooting there take the story's country, not a namesake's
    assert all(e.actor1 is None or "United States" not in e.actor1.name for e in evs)


def test_a_qualifier_that_names_the_country_still_reads_it():
    ps = places("TRIPOLI, Lebanon (Reuters) - Gunmen clashed with soldiers in Tripoli on Monday, killing two "
                "people, security sources said.")
    assert ps and ps[0][:2] == ("Tripoli", "LB"), ps


def test_a_us_state_qualifier_is_unchanged():
    ps = places("JACKSON, Miss. (AP) — A man was shot and killed outside a gas station in Jackson late Sunday, "
                "police said.")
    assert ps and ps[0][:2] == ("Jackson", "US"), ps
