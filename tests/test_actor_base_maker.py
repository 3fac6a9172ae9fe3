"""Who opens a base establishes it (hand-written sentences): the subject of the verb whose object is
the base ("inaugurated", "opened", "built", "set up"), a pronoun read back to the party that speaks."""

from actor_reading import actor1s


def test_pronoun_that_opened_a_base_is_the_army_that_speaks(annotate):
    got = actor1s(annotate, "Ghana's army said it opened a new forward operating base in Bawku on Tuesday.")
    assert got == ["Military Forces of Ghana"], got


def test_an_army_that_built_a_base(annotate):
    got = actor1s(annotate, "The Nigerian Army has built a forward operating base in Damboa, a spokesman said "
                            "on Monday.")
    assert got == ["Military Forces of Nigeria"], got


def test_an_army_that_inaugurated_a_base_after_a_day(annotate):
    got = actor1s(annotate, "In a statement, the Malian army said that on Sunday it inaugurated a new military "
                            "base near Kidal.")
    assert got and got[0] == "Military Forces of Mali", got


def test_troops_that_set_up_a_camp(annotate):
    got = actor1s(annotate, "Malian troops set up a military camp near Kidal on Sunday, the defence ministry said.")
    assert got == ["Military Forces of Mali"], got


def test_a_base_established_by_an_agent(annotate):
    got = actor1s(annotate, "A new command post was established in Bawku on Friday by the Ghanaian army.")
    assert got == ["Military Forces of Ghana"], got
