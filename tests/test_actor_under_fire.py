"""Who is "under" a happening is its target, never its doer (hand-written sentences): "the convoy
came under fire", "was under attack", "came under shelling by X" (issue #11)."""

from actor_reading import actor1s


def test_soldiers_who_came_under_mortar_fire_are_no_doer(annotate):
    got = actor1s(annotate, "Soldiers guarding a fuel convoy near Kidal, Mali, came under mortar fire on "
                            "Saturday, a military source said.")
    assert got and got[0] != "Military Forces of Mali", got


def test_the_doer_of_shelling_by_x_is_x(annotate):
    got = actor1s(annotate, "Yemeni government troops came under shelling by Houthi fighters near Marib on "
                            "Sunday, killing two soldiers.")
    assert got and got[0] == "Houthi Movement", got


def test_a_post_under_attack_is_no_doer(annotate):
    got = actor1s(annotate, "The police station in Bamenda, Cameroon, was under attack for two hours on "
                            "Tuesday night, officials said.")
    assert got and not (got[0] or "").startswith("Police Forces"), got


def test_a_patrol_caught_in_an_ambush_is_no_doer(annotate):
    got = actor1s(annotate, "An Afghan army patrol was caught in an ambush in Helmand province on Friday, "
                            "and two soldiers died.")
    assert got and got[0] != "Military Forces of Afghanistan", got


def test_troops_who_shell_are_still_the_doer(annotate):
    got = actor1s(annotate, "Nigerian troops shelled a militant camp near Bama on Sunday, the army said.")
    assert got and got[0] == "Military Forces of Nigeria", got
