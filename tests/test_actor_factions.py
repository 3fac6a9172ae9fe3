"""Factions named through a group (hand-written sentences): a splinter is its own actor, a
branch is the affiliate where the story is, and a militia with a name of its own keeps it."""


from actor_reading import actor1s
from actor_reading import actor_spans as spans


# -- splinters ---------------------------------------------------------------------------------


def test_dissidents_of_a_group_are_the_splinter(annotate):
    got = actor1s(annotate, "Dissident members of the FARC guerrilla group attacked a police post near Tumaco in "
                            "Narino on Wednesday, wounding three officers.")
    assert got and got[0] == "FARC Dissidents"


def test_splinter_noun_after_the_group(annotate):
    got = spans(annotate, "A FARC splinter faction kidnapped two engineers near Puerto Asis in Putumayo on Monday.")
    assert got.get("FARC splinter faction") == "FARC Dissidents"


def test_unknown_splinter_is_not_the_parent(annotate):
    # the table knows no Boko Haram splinter by name: an unidentified group, never Boko Haram itself
    got = actor1s(annotate, "A breakaway faction of Boko Haram abducted eleven farmers near Damboa in Borno state "
                            "on Thursday.")
    assert got and got[0] is not None
    assert got[0] != "Boko Haram"
    assert got[0].startswith("Unidentified Armed Group")


def test_plain_faction_stays_the_group(annotate):
    got = actor1s(annotate, "Boko Haram fighters abducted eleven farmers near Damboa in Borno state on Thursday.")
    assert got and got[0] == "Boko Haram"


# -- branches ----------------------------------------------------------------------------------


def test_regional_branch_is_the_affiliate_of_the_story_country(annotate):
    got = spans(annotate, "Gunmen stormed a shrine in Jalalabad, Afghanistan, on Friday; the Islamic State's "
                          "regional branch later said it was behind the raid.")
    assert got.get("the Islamic State's regional branch") == "Islamic State Khorasan Province (ISKP)"


def test_branch_named_by_demonym(annotate):
    got = spans(annotate, "The Nigerian branch of the Islamic State overran a barracks near Malam Fatori on "
                          "Sunday.")
    assert "Islamic State West Africa Province (ISWAP)" in got.values()
    assert "Islamic State (ISIS)" not in got.values()


# -- a militia's own name --------------------------------------------------------------------


def test_named_militia_has_no_country_suffix(annotate):
    got = actor1s(annotate, "Fano fighters seized the town of Debre Tabor in Ethiopia's Amhara region on Monday.")
    assert got and got[0] == "Fano Militia"


def test_splinter_word_before_the_group(annotate):
    got = actor1s(annotate, "Dissident FARC guerrillas attacked a military base near Tumaco in Narino on Monday.")
    assert got and got[0] == "FARC Dissidents"
