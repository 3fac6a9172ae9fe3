"""A count of some of the dead told with the whole is a part of the toll, not more dead: after
"including"/"among them" in the toll's own sentence (hand-made sentences)."""
import pytest

from eventwire import extract


@pytest.mark.parametrize("text,toll", [
    ("Gunmen shot dead 11 villagers, among them four women, in Zamfara state on Sunday.", 11),
    ("Police killed nine people, including two teenagers, in a raid on a slum in Lagos on Friday.", 9),
    ("An air strike on a market in Idlib on Monday killed 14 civilians, including three children and a nurse.", 14),
    ("Eighteen people, among whom five soldiers, died when a bomb exploded at a checkpoint in Kidal on Monday.", 18),
])
def test_a_part_named_after_including_or_among_them_is_not_added(text, toll):
    events = extract(text, published="2026-06-10")
    assert [e.fatalities for e in events] == [toll]
