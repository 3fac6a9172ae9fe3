"""An unnamed shooter in US local news (hand-written sentences) is ACLED's unidentified armed actor,
not nobody; an unnamed suspect that is only arrested stays no doer."""


from actor_reading import actor1s, actor_spans


def test_a_shooter_is_an_unidentified_armed_group(annotate):
    got = actor1s(annotate, "A shooter wounded three people outside a nightclub in Columbus, Ohio, early Sunday, "
                            "police said.")
    assert got and got[0] == "Unidentified Armed Group (United States)"


def test_masked_men_who_shoot_are_an_unidentified_armed_group(annotate):
    got = actor1s(annotate, "Three masked men shot a cashier during a robbery at a pharmacy in Fresno, California, "
                            "on Thursday night.")
    assert got and got[0] == "Unidentified Armed Group (United States)"


def test_men_alone_are_still_civilians(annotate):
    spans = actor_spans(annotate, "Three men were wounded by gunfire at a park in Fresno, California, on Thursday.")
    assert spans.get("men") == "Civilians (United States)"
