"""typing17: a crowd with no demonstration is a mob; "agreed to X" plans X (hand-made sentences)."""

import pytest


def subs(doc):
    return [m.sub_event_type for m in doc._.mentions]


# a crowd's violence in a story that tells of no demonstration, riot or demand: mob violence
MOBS = [
    ("Residents of a village near Lake Kivu caught a man they accused of stealing goats on Sunday. "
     "Dozens of young people then threw stones at the gendarmes who came to take him away."),
    ("A man suspected of theft was seized by traders at the central market in Mwanza on Friday. "
     "A crowd pelted the police officers who tried to rescue him with rocks and bottles."),
    ("Villagers in the Terai district accused a woman of witchcraft on Wednesday. "
     "Dozens of locals later threw bricks at the officers who came to the village, injuring two of them."),
]


@pytest.mark.parametrize("text", MOBS)
def test_a_crowd_without_a_demonstration_is_a_mob(annotate, text):
    s = subs(annotate(text))
    assert "Mob violence" in s, s
    assert "Violent demonstration" not in s, s


DEMONSTRATIONS = [
    "Hundreds of students protested against the fee rise in Dakar on Monday. Dozens of young people threw stones at the police.",
    "Opposition supporters rallied in the capital on Saturday to demand new elections, and some of them threw rocks at officers.",
    "Thousands of farmers demonstrated outside parliament in Nairobi on Tuesday. Youths in the crowd hurled bottles at the police.",
]


@pytest.mark.parametrize("text", DEMONSTRATIONS)
def test_the_same_violence_at_a_demonstration_stays_violent_demonstration(annotate, text):
    s = subs(annotate(text))
    assert "Mob violence" not in s, s
    assert "Violent demonstration" in s, s


# "agreed / decided / ordered to X": X is planned, whatever the tense of the agreeing
AGREED = [
    "The two rebel factions agreed on Monday to merge into a single movement.",
    "The militia decided last week to withdraw its fighters from the border town.",
    "The junta ordered the army on Friday to leave the northern region.",
]


@pytest.mark.parametrize("text", AGREED)
def test_what_was_agreed_or_decided_is_planned(annotate, text):
    from eventwire.nlp.modality import modality_of

    doc = annotate(text)
    verb = [t for t in doc if t.lemma_ in ("merge", "withdraw", "leave")][0]
    assert modality_of(verb) == "planned"
