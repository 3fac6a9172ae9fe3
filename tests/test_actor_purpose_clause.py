"""An infinitive of purpose is done by the subject of the verb it tells the purpose of: "the army chief
travelled to X to open a base" (hand-written sentences; issue #11)."""

from actor_reading import actor1s


def test_a_chief_of_staff_who_travels_to_open_a_base(annotate):
    got = actor1s(annotate, "On Tuesday, the army chief of staff travelled to Garissa in Kenya to open a new "
                            "forward operating base.")
    assert got and got[0] == "Military Forces of Kenya", got


def test_the_commander_of_an_army_who_goes_to_open_a_camp(annotate):
    got = actor1s(annotate, "The commander of Kenya's army went to Lamu on Friday to open a new military camp.")
    assert got and got[0] == "Military Forces of Kenya", got


def test_the_head_of_an_army_who_flies_in_to_open_a_camp(annotate):
    got = actor1s(annotate, "The head of the Ugandan army flew to Kasese on Friday to open a new military camp.")
    assert got and got[0] == "Military Forces of Uganda", got


def test_an_army_chief_who_goes_to_commission_a_base(annotate):
    got = actor1s(annotate, "Nigeria's army chief went to Monguno on Monday to commission a new forward operating "
                            "base.")
    assert got and got[0] == "Military Forces of Nigeria", got
