"""A state's weapon told by where it fired from is that state's (hand-written sentences): "artillery
fired from across the X border" is X's artillery, as "X artillery" is."""

from actor_reading import actor1s


def test_artillery_from_across_a_demonym_border(annotate):
    got = actor1s(annotate, "Artillery fired from across the Eritrean border hit their positions near Zalambessa "
                            "on Friday, killing three soldiers.")
    assert got and got[0] == "Military Forces of Eritrea", got


def test_tanks_firing_from_a_neighbours_territory(annotate):
    got = actor1s(annotate, "Tanks firing from Rwandan territory shelled Congolese army positions near Goma on "
                            "Sunday.")
    assert got and got[0] == "Military Forces of Rwanda", got


def test_passive_hit_by_artillery_launched_from_a_country(annotate):
    got = actor1s(annotate, "Ethiopian positions near Badme were hit on Monday by artillery launched from "
                            "Eritrea, a commander said.")
    assert got and got[0] == "Military Forces of Eritrea", got


def test_artillery_with_no_origin_is_no_one_named(annotate):
    got = actor1s(annotate, "Artillery pounded rebel positions near Goma on Sunday.")
    assert got and got[0] is None, got
