"""The office that heads a state's armed forces ("Chief of (General/Army/Defence) Staff") acts for its
military (hand-written sentences; issue #11)."""

from actor_reading import actor1s


def test_the_chief_of_general_staff_opens_a_military_base(annotate):
    got = actor1s(annotate, "The Chief of General Staff opened a new military headquarters in Gao, Mali, on "
                            "Monday, the ministry said.")
    assert got and got[0] == "Military Forces of Mali", got


def test_the_chief_of_the_defence_staff_inaugurates_a_base(annotate):
    got = actor1s(annotate, "The chief of the defence staff inaugurated a naval base in Lamu, Kenya, on Thursday.")
    assert got and got[0] == "Military Forces of Kenya", got


def test_a_countrys_chief_of_army_staff_commissions_a_base(annotate):
    got = actor1s(annotate, "Nigeria's Chief of Army Staff commissioned a new forward operating base in Monguno, "
                            "Borno State, on Monday.")
    assert got and got[0] == "Military Forces of Nigeria", got


def test_a_rebel_commander_is_no_state_force(annotate):
    got = actor1s(annotate, "A rebel commander set up a new base near Goma, Congo, on Wednesday, residents said.")
    assert not got or got[0] is None or not got[0].startswith("Military Forces"), got


def test_chief_of_defence_staff_parsed_staff_first(annotate):
    # the parser makes "Staff" the head and "Chief" its modifier; the title still heads the army
    got = actor1s(annotate, "Ghana's Chief of Defence Staff inaugurated a forward operating base at Bawku on "
                            "Thursday.")
    assert got == ["Military Forces of Ghana"], got


def test_chief_of_staff_of_a_named_force(annotate):
    got = actor1s(annotate, "The Kenya Defence Forces' chief of staff commissioned a new forward base in Mandera "
                            "on Monday.")
    assert got == ["Military Forces of Kenya"], got


def test_chief_of_army_staff_of_a_country(annotate):
    got = actor1s(annotate, "The Chief of Army Staff of Nigeria opened a new command post in Monguno on Saturday.")
    assert got == ["Military Forces of Nigeria"], got
