"""The unknown-doer look-up (mentions._unknown_doer_told) reads the word arrays and builds a spaCy
Token only for a subject 'someone'/'somebody'/'unknown': the same doers as the Token walk it
replaced. Hand-made sentences: the doer in the happening's sentence, in a later one, in the
passive-free wording of another country, and a negated or weaponless 'someone' that is no doer."""
from actor_reading import actor1s

UAG = "Unidentified Armed Group"


def test_someone_firing_in_the_same_sentence(annotate):
    got = actor1s(annotate, "Two guards were killed at a warehouse in Durban on Friday night after someone "
                            "opened fire on their car, police said.")
    assert got and got[0].startswith(UAG)


def test_somebody_firing_told_two_sentences_later(annotate):
    got = actor1s(annotate, "A taxi driver died of gunshot wounds in Kingston on Tuesday. He had stopped at a "
                            "traffic light near the market. Witnesses told officers that somebody fired several "
                            "shots from a motorbike.")
    assert got and got[0].startswith(UAG)


def test_a_someone_who_did_not_fire_or_only_spoke_is_no_doer(annotate):
    # (a shelling: an attack on civilians told with no doer is now the unidentified armed group by ACLED's
    # convention, whatever "someone" did; a shell's firer has no such default, so "someone" alone decides)
    for text in ("A mortar shell hit a market in Lahore on Monday, killing a shopkeeper. Police said someone had "
                 "called them before dawn.",
                 "A mortar shell hit a market in Lahore on Monday, killing a shopkeeper. Police said someone had "
                 "not fired at him from the street."):
        got = actor1s(annotate, text)
        assert got and not any((a or "").startswith(UAG) for a in got), (text, got)
