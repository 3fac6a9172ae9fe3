"""A hand-kept conflict area (geo_regions.tsv) that bears the name of a first-level division of its own
country is that division: "in Tigray" is Ethiopia's Tigray region with its admin code, not a rough
point 115 km away with none (issue #11). Hand-made sentences."""
import pytest

from place_reading import places as _places


@pytest.mark.parametrize("text,name,cc", [
    ("Artillery shells hit two villages in Tigray on Thursday, killing three farmers.", "Tigray", "ET"),
    ("Soldiers burned dozens of homes in Rakhine on Monday, residents said.", "Rakhine", "MM"),
    ("Insurgents beheaded five men in Cabo Delgado on Saturday, a local official said.", "Cabo Delgado", "MZ"),
])
def test_the_area_is_the_division(text, name, cc):
    from datetime import date

    from eventwire.extract import extract
    evs = extract(text, published=date(2026, 5, 3))
    assert evs and evs[0].location is not None
    loc = evs[0].location
    assert (loc.name, loc.country, loc.precision) == (name, cc, "region"), loc
    assert loc.admin1 == name, loc  # the division's code, which the rest of the place logic reads


def test_an_area_with_no_division_of_its_name_stays():
    # Darfur is five states, none of them named Darfur: the area stays the place
    got = _places("Militias attacked a camp for displaced people in Darfur on Sunday, killing six.")
    assert got and got[0][:2] == ("Darfur", "SD"), got
