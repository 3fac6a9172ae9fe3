"""An unnamed force's country is the happening's, never a foreign dateline's (hand-written sentences):
a regional bureau (Dakar, Nairobi, Bangkok) files stories of its neighbours, and the body that never
names the bureau's country tells of forces of the country where the shooting took place."""

from actor_reading import actor1s


def test_soldiers_in_a_guinean_town_under_a_senegal_dateline(annotate):
    got = actor1s(annotate, "DAKAR (AFP) - Two demonstrators were killed on Wednesday when soldiers fired on "
                            "opposition marchers in the town of Labe, witnesses said.")
    assert got and got[0] == "Military Forces of Guinea", got


def test_police_in_a_malian_city_under_an_ivorian_dateline(annotate):
    got = actor1s(annotate, "ABIDJAN (Reuters) - Riot police beat and arrested dozens of students who had "
                          "gathered outside the university in Bamako on Thursday, a union leader said.")
    assert got and got[0] == "Police Forces of Mali", got


def test_troops_passive_in_a_kenyan_county_under_an_ethiopian_dateline(annotate):
    got = actor1s(annotate, "ADDIS ABABA (Reuters) - Three herders were shot dead by troops near Mandera "
                            "on Saturday, according to local elders.")
    assert got and got[0] == "Military Forces of Kenya", got


def test_a_dateline_country_the_body_names_keeps_its_forces(annotate):
    # the body names the bureau's own country as a party: its forces stay
    got = actor1s(annotate, "DAKAR (AFP) - Senegalese soldiers opened fire on smugglers near the border town "
                            "of Labe on Wednesday, killing two, the Senegal army said.")
    assert got and got[0] == "Military Forces of Senegal", got


def test_a_home_dateline_is_unchanged(annotate):
    got = actor1s(annotate, "CONAKRY (AFP) - Two demonstrators were killed on Wednesday when soldiers fired on "
                            "opposition marchers in the town of Labe, witnesses said.")
    assert got and got[0] == "Military Forces of Guinea", got
