"""'not a single X' and 'not one X' count nobody (issue #11, fatalities): the noun after the negated
determiner carries the casualty role, so the count is zero, not one."""
import pytest

from eventwire.nlp.quantities import totals


@pytest.mark.parametrize("sentence,expected", [
    ("Rebels stormed the base overnight, but not a single soldier was killed.", {"killed": 0}),
    ("The curfew held and not a single person died in the city last night.", {"killed": 0}),
    ("Gunmen fired on the bus near the border, and not one passenger was killed.", {"killed": 0}),
    ("Not a single civilian was hurt when the shell landed in the square.", {"wounded": 0}),
])
def test_not_a_single_victim_is_zero(annotate, sentence, expected):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]) == expected


def test_a_single_victim_still_counts_one(annotate):
    doc = annotate("A single soldier was killed when rebels stormed the base.")
    assert totals(doc.spans["ew_quantities"]).get("killed") == 1
