"""A parent group's act where one of its branches operates is that branch's (issue #11; hand-made text).

ACLED codes the Islamic State's attacks in Congo to its Central Africa Province, in Mozambique (and across
the Ruvuma in Tanzania) to its Mozambique Province, in Nigeria to ISWAP: the parent's name in the text is the
branch of the happening's country, as actors.yaml's ``operates_in`` lists it."""

import pytest


def mentions(annotate, text, published="2025-05-06"):
    return annotate(text, published=published)._.mentions


def violent(ms):
    return [m for m in ms if m.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")]


@pytest.mark.parametrize("text, branch", [
    # the parent as the subject, active voice, Congo named by its short form
    ("Islamic State fighters killed seven villagers in a raid near Beni in eastern Congo on Sunday, the army said.",
     "Islamic State Central Africa Province (ISCAP)"),
    # passive with a by-agent, Mozambique by a town and the country
    ("Three fishermen were beheaded by Islamic State militants near Macomia, Mozambique on Friday, residents said.",
     "Islamic State Mozambique Province"),
    # the parent claiming a happening told first with no doer, across the border in Tanzania
    ("Six farmers were hacked to death in a village in Tanzania's Mtwara region on Monday, police said. "
     "The Islamic State claimed responsibility for the attack.",
     "Islamic State Mozambique Province"),
    # the acronym, Nigeria's north-east
    ("ISIS militants ambushed a military convoy near Monguno in Borno state, Nigeria on Tuesday, killing nine soldiers.",
     "Islamic State West Africa Province (ISWAP)"),
])
def test_parent_group_is_the_branch_where_it_acts(annotate, text, branch):
    ms = violent(mentions(annotate, text))
    assert ms, text
    assert {m.actor1.name for m in ms if m.actor1 is not None} == {branch}, [(m.trigger, m.actor1) for m in ms]


def test_parent_stays_where_no_branch_operates(annotate):
    # Syria and Iraq are the parent's own ground: no branch is listed there
    ms = violent(mentions(annotate, "Islamic State militants killed four shepherds near Palmyra in Syria on Sunday, "
                                    "a monitor said."))
    assert ms and all(m.actor1 is not None and m.actor1.name == "Islamic State (ISIS)" for m in ms), \
        [(m.trigger, m.actor1) for m in ms]


def test_a_named_branch_is_kept(annotate):
    # the text names a branch: never another one, even where two operate
    ms = violent(mentions(annotate, "Fighters of the Allied Democratic Forces killed 12 people in a night raid near "
                                    "Oicha, Democratic Republic of Congo on Saturday, local officials said."))
    assert ms and all(m.actor1 is not None and m.actor1.name == "ADF - Allied Democratic Forces" for m in ms), \
        [(m.trigger, m.actor1) for m in ms]


def test_branch_of_looks_up_the_table():
    from eventwire.nlp.actors import branch_in, lookup_actor

    isis = lookup_actor("Islamic State")
    assert branch_in(isis, "CD").name == "Islamic State Central Africa Province (ISCAP)"
    assert branch_in(isis, "TZ").name == "Islamic State Mozambique Province"
    assert branch_in(isis, "IQ") is isis
    assert branch_in(isis, None) is isis
    assert branch_in(None, "CD") is None
    qaeda = lookup_actor("al-Qaeda")
    assert branch_in(qaeda, "YE").name == "Al Qaeda in the Arabian Peninsula (AQAP)"
