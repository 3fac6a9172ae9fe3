"""Who tells of a happening does not do it (issue #11; hand-made text).

"Gunmen killed four people when they opened fire on a bus, police said": the pronoun of the when-clause is
the gunmen (the subject of the clause it hangs on), not the police who report it, so the speaker is no
doer; "the group said it had killed 30 soldiers" still names the speaking group."""

import pytest


def violent(annotate, text):
    ms = annotate(text, published="2025-05-06")._.mentions
    return [m for m in ms if m.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")]


@pytest.mark.parametrize("text", [
    "Gunmen killed four passengers when they opened fire on a minibus near Tamale, Ghana, police said on Monday.",
    "Bandits shot dead three herders after they raided a camp near Gusau in Nigeria's Zamfara state, soldiers said.",
    "Police said that armed men abducted two teachers in Kaduna, Nigeria on Friday after they stormed a school.",
])
def test_the_speaker_is_not_the_doer(annotate, text):
    ms = violent(annotate, text)
    assert ms, text
    assert all(m.actor1 is None or m.actor1.kind != "state forces" for m in ms), [(m.trigger, m.actor1) for m in ms]
    assert any(m.actor1 is not None and m.actor1.name.startswith("Unidentified Armed Group") for m in ms), \
        [(m.trigger, m.actor1) for m in ms]


def test_a_group_speaking_of_itself_is_the_doer(annotate):
    ms = violent(annotate, "Al-Shabaab said it had killed 12 soldiers when it overran a base near Kismayo, Somalia.")
    assert ms and any(m.actor1 is not None and m.actor1.name == "Al Shabaab" for m in ms), [(m.trigger, m.actor1) for m in ms]
