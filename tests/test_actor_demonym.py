"""A nationality modifying a nominal act names that country's military as actor1 when the
sentence names no actor.  Hand-made sentences."""
from datetime import date

from eventwire.extract import extract


def _actor1(text):
    return [e.actor1.name if e.actor1 else None for e in extract(text, published=date(2026, 5, 3))]


def test_nationality_of_a_strike_is_its_doer():
    assert _actor1("A Turkish drone strike hit a car near Qamishli on Saturday, killing two men, "
                   "local officials said.") == ["Military Forces of Turkey"]


def test_victims_country_is_not_the_doer():
    a = _actor1("An unclaimed strike hit a Syrian village near Idlib on Saturday, killing two men.")
    assert a and a[0] != "Military Forces of Syria"
