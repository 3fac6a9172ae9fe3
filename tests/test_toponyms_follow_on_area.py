"""A follow-on happening told with "the area" ("a sweep of the area that followed", "combed the
area afterwards") is at the place of the happening it follows: the town the sentence before named,
not the state or province written after that town only to say where it lies (nor the dateline
town of that state). Hand-made sentences, worded three ways."""
from datetime import date

import pytest

from eventwire.extract import extract


@pytest.mark.parametrize("text, town", [
    ("MORELIA, Mexico (AP) - Three soldiers were killed when their vehicle hit an explosive device on a rural "
     "road in the municipality of Uruapan, in the western state of Michoacán, on Tuesday, officials said. "
     "During a sweep of the area that followed, army engineers deactivated six more explosive devices.",
     "Uruapan"),
    ("BOGOTA (Reuters) - Two police officers were killed when a bomb exploded under their patrol car in the "
     "municipality of Tame, in the eastern department of Arauca, on Sunday. In a search of the area "
     "afterwards, troops defused four more bombs.", "Tame"),
    ("ABUJA (AFP) - A landmine planted by insurgents killed five farmers near Gwoza, in the northeastern state "
     "of Borno, on Friday. Soldiers who combed the area later found and detonated three other mines.",
     "Gwoza"),
])
def test_the_area_of_a_follow_on_happening_is_the_town_before(text, town):
    evs = [e for e in extract(text, published=date(2026, 5, 20)) if e.location is not None]
    assert len(evs) >= 2
    assert all(e.location.name == town for e in evs), [(e.event_type, e.location) for e in evs]
