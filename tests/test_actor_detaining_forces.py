"""Who detains or disperses is the state's forces, of the happening's country, not the dateline's
(hand-written sentences; issue #11)."""

from actor_reading import actor1s


def test_authorities_who_arrest_are_police(annotate):
    got = actor1s(annotate, "NAIROBI (Reuters) - Ethiopian authorities arrested 20 opposition supporters in Addis "
                            "Ababa on Monday, their party said.")
    assert got and got[0] == "Police Forces of Ethiopia", got


def test_authorities_in_a_country_who_detain_are_police(annotate):
    got = actor1s(annotate, "BANGKOK (Reuters) - Authorities in Myanmar detained 12 students in Mandalay on "
                            "Sunday for staging a flash protest, local media reported.")
    assert got and got[0] == "Police Forces of Myanmar", got


def test_a_foreign_dateline_gives_no_country_to_the_crowd(annotate):
    doc = annotate("ALMATY (Reuters) - Uzbek authorities detained at least 11 activists on Saturday after a "
                   "protest against the new constitution, a lawyer said.", published="2024-06-03")
    names = {a.name for m in doc._.mentions for a in (m.actor1, m.actor2) if a}
    assert not any("Kazakhstan" in n for n in names), names
    assert "Police Forces of Uzbekistan" in names, names


def test_a_government_that_decides_stays_the_government(annotate):
    got = actor1s(annotate, "The government of Kenya banned all rallies in Nairobi on Monday, the interior "
                            "minister said.")
    assert not got or got[0] != "Police Forces of Kenya", got
