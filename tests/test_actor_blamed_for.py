"""A blame told after the happening names its doer also when it names the happening again (issue #11;
hand-made text): "X was blamed for the killings", "blamed the ambush on X" (the noun told again, definite,
a word of a violent happening).  A blame for something else ("for the fuel shortages", "for a string of
raids last year") names no doer of this one."""

import pytest


def violent(annotate, text):
    ms = annotate(text, published="2025-05-06")._.mentions
    return [m for m in ms if m.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")]


@pytest.mark.parametrize("text, doer", [
    # active, "blame X for <the happening>", the happening a plural noun no trigger of its own
    ("Three policemen were shot dead at a checkpoint outside Quetta, Pakistan on Monday. "
     "Officials blamed the Balochistan Liberation Army for the killings.", "Balochistan Liberation Army"),
    # active, "blame <the happening> on X", the happening by a possessive day
    ("Two traders were hacked to death at a market near Beni, Democratic Republic of Congo. "
     "The mayor blamed Saturday's killings on CODECO militiamen.", "CODECO - Cooperative for the Development of Congo"),
    # passive, "<the happening> was blamed on X", another sentence in between
    ("Six villagers were shot dead near Mopti in central Mali on Sunday. Their houses were burned. "
     "The massacre was blamed on JNIM by local officials.", "JNIM - Group for Support of Islam and Muslims"),
])
def test_blame_naming_the_happening_names_its_doer(annotate, text, doer):
    ms = violent(annotate, text)
    assert ms, text
    assert ms[0].actor1 is not None and ms[0].actor1.name == doer, [(m.trigger, m.actor1) for m in ms]


@pytest.mark.parametrize("text", [
    # a blame for something that is no violent happening
    "Three policemen were shot dead at a checkpoint outside Quetta, Pakistan on Monday. "
    "Traders blamed the Balochistan Liberation Army for the fuel shortages.",
    # a blame denied
    "Three policemen were shot dead at a checkpoint outside Quetta, Pakistan on Monday. "
    "Officials did not blame the Balochistan Liberation Army for the killings.",
])
def test_blame_for_something_else_names_no_doer(annotate, text):
    ms = violent(annotate, text)
    assert ms and all(m.actor1 is None or m.actor1.name != "Balochistan Liberation Army" for m in ms), \
        [(m.trigger, m.actor1) for m in ms]
