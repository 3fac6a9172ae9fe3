"""Victims listed after a counted group: one-by-one people add to it, a list of nationalities whose
numbers add up to it tells who the group were (issue #11, fatalities)."""
import pytest

from eventwire.nlp.quantities import totals


@pytest.mark.parametrize("sentence,killed", [
    # people told one by one after a counted group, parsed as its apposition: more dead
    ("Rebels killed 6 monks, a maid and her daughter in the raid.", 8),
    ("Seven herders, a woman and her baby were murdered by bandits overnight.", 9),
    ("Troops were accused of the killing of four teachers, a cook and his son near the camp.", 6),
    ("Police detained two men for killing 3 miners, a watchman and his nephew at the pit.", 5),
    # a possessive conjunct beside a counted one is one more, as "a" is
    ("Gunmen shot dead two policemen and their driver at the checkpoint.", 3),
    ("Three soldiers and their commander died when the convoy was ambushed.", 4),
])
def test_people_listed_after_a_counted_group_add_up(annotate, sentence, killed):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]).get("killed") == killed


@pytest.mark.parametrize("sentence,killed", [
    # as many listed as counted: the same people named one by one
    ("Two people, a man and a woman, were killed when the shell hit their house.", 2),
    # a list of nationalities adding up to the group's number: who they were, not more dead
    ("Militants killed three aid workers, two Kenyans and a Briton, at the camp.", 3),
    ("The blast killed five soldiers, three Afghans and two Americans, near the base.", 5),
    ("Four tourists, two Germans and two Italians, were shot dead at the temple.", 4),
])
def test_breakdowns_of_a_counted_group_add_nothing(annotate, sentence, killed):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]).get("killed") == killed


@pytest.mark.parametrize("sentence,killed", [
    # other groups, not a breakdown: they add up as before
    ("Gunmen killed four soldiers and two Malians at the market.", 6),
    ("Six soldiers, four civilians and two children were killed in the shelling.", 12),
    ("Five villagers, including a chief and his wife, were hacked to death.", 5),
])
def test_other_groups_still_add_up(annotate, sentence, killed):
    doc = annotate(sentence)
    assert totals(doc.spans["ew_quantities"]).get("killed") == killed
