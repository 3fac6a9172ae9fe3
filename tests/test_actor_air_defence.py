"""A state's air defences, border guards and coast guard are its military: told alone, they are the
story's state's (only a state keeps them). Hand-made sentences."""
from datetime import date

from eventwire.extract import extract


def _actor1(text):
    return [e.actor1.name if e.actor1 else None for e in extract(text, published=date(2026, 5, 3))]


def test_bare_air_defences_are_the_story_states():
    assert _actor1("KYIV, May 2 - Air defences shot down a second drone over Kharkiv overnight, "
                   "the ministry said.") == ["Military Forces of Ukraine"]


def test_air_defences_as_passive_agent():
    assert _actor1("KYIV, May 2 - Two drones were shot down by air defences over Kharkiv overnight, "
                   "the ministry said.") == ["Military Forces of Ukraine"]


def test_demonym_air_defences():
    assert _actor1("Russian air defences intercepted twelve drones over Bryansk overnight, "
                   "the governor said.") == ["Military Forces of Russia"]


def test_air_defence_systems_with_demonym():
    assert _actor1("Kyiv - Ukrainian air defence systems shot down two cruise missiles over Odesa "
                   "on Sunday.") == ["Military Forces of Ukraine"]
