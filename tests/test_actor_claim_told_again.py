"""A named armed group saying it did the happening told again ("fired the rocket", "claimed the launch",
"sent the drone": the object is a word of the happening's own sentence) names the doer of an act first
told with no agent (hand-written sentences)."""


from actor_reading import actor1s


def test_a_group_saying_it_fired_the_rocket_is_the_doer(annotate):
    got = actor1s(annotate, "A rocket fired from the Gaza Strip struck a house in Sderot late Monday, wounding two "
                            "residents, the army said. Palestinian Islamic Jihad's armed wing said it had fired the rocket.")
    assert got and got[0] == "Palestinian Islamic Jihad"


def test_a_group_claiming_the_launch_is_the_doer(annotate):
    got = actor1s(annotate, "A mortar shell launched from southern Lebanon landed near a kibbutz in northern Israel "
                            "on Tuesday, lightly injuring a farmer. Hezbollah claimed the launch in a statement.")
    assert got and got[0].startswith("Hezbollah")


def test_a_group_whose_fighters_sent_the_drone_is_the_doer(annotate):
    got = actor1s(annotate, "An explosive-laden drone hit an army post near the town of Idlib on Sunday, killing one "
                            "soldier. Hayat Tahrir al-Sham said in a statement that its fighters had sent the drone.")
    assert got and got[0].startswith("Hayat Tahrir al-Sham")


def test_a_group_denying_it_names_no_doer(annotate):
    got = actor1s(annotate, "A mortar shell launched from southern Lebanon landed near a kibbutz in northern Israel "
                            "on Tuesday, lightly injuring a farmer. Hezbollah said it did not fire the shell.")
    assert got and got[0] is None or not got[0].startswith("Hezbollah")


def test_a_group_doing_something_else_names_no_doer(annotate):
    got = actor1s(annotate, "A mortar shell launched from southern Lebanon landed near a kibbutz in northern Israel "
                            "on Tuesday, lightly injuring a farmer. Hezbollah later fired a statement at the press.")
    assert not got or got[0] is None or not got[0].startswith("Hezbollah")
