"""A named armed group claiming the act by a noun of its doing ("claimed the launch", "the firing"),
though the happening was told with other words ("a rocket struck a house"), is the doer; a claim on
something that is no act ("claimed the town") names no one (hand-written sentences)."""


from actor_reading import actor1s


def test_a_wing_claiming_the_launch_of_a_rocket_that_struck(annotate):
    got = actor1s(annotate, "A rocket fired from Gaza struck a house in Sderot on Monday, wounding a man. The armed "
                            "wing of Hamas claimed the launch on Telegram.")
    assert got and got[0] == "Hamas"


def test_a_militia_claiming_the_launch_in_a_statement(annotate):
    got = actor1s(annotate, "A rocket struck the outskirts of Kiryat Shmona on Friday, damaging a home. Hezbollah "
                            "claimed the launch in a statement.")
    assert got and got[0].startswith("Hezbollah")


def test_a_movement_claiming_the_launch_of_a_missile_that_slammed_in(annotate):
    got = actor1s(annotate, "A ballistic missile slammed into a fuel depot in Marib on Thursday, killing a guard. The "
                            "Houthis claimed the launch on their television channel.")
    assert got and got[0].startswith("Houthi")


def test_claiming_a_town_is_no_claim_of_the_act(annotate):
    got = actor1s(annotate, "A rocket fired from Gaza struck a house in Sderot on Monday, wounding a man. Hamas later "
                            "claimed the town of Rafah as its own.")
    assert got and got[0] != "Hamas"
