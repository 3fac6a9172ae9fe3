"""Counts as ACLED codes them: the lowest figure of a spelled range, the most recent toll when the text
revises it, and no revision taken from the toll of a whole war."""
import pytest

from eventwire.nlp.quantities import vague_range


def killed_mentions(doc):
    return [m.fatalities for m in doc._.mentions if m.fatalities is not None]


# -- ranges: the lowest figure --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("Soldiers opened fire on protesters in Dalvik on Monday, killing between three and six people, witnesses said.", 3),
    ("Militiamen raided the hamlet on Friday and killed 8 to 12 herders.", 8),
    ("Between 20 and 30 villagers were killed when the gunmen stormed the market.", 20),
    ("A car bomb exploded outside the depot, killing four or five guards.", 4),
])
def test_a_spelled_range_gives_its_lowest_figure(annotate, sentence, expected):
    doc = annotate(sentence)
    assert killed_mentions(doc) == [expected]


def test_between_parsed_as_a_preposition_still_counts_the_dead(annotate):
    doc = annotate("Troops opened fire at the checkpoint, killing between two and five drivers.")
    (sp,) = [sp for sp in doc.spans["ew_quantities"] if sp._.quantity.value == 2]
    assert sp._.quantity.counted == "killed"
    assert not vague_range(sp._.quantity, sp)


def test_a_vague_amount_is_still_no_figure(annotate):
    doc = annotate("A bomb exploded in the crowded market of Tarsa on Monday, killing dozens of shoppers.")
    assert killed_mentions(doc) == []
    (sp,) = [sp for sp in doc.spans["ew_quantities"] if sp.text == "dozens"]
    assert vague_range(sp._.quantity, sp)
