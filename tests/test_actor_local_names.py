"""A force's local name (hand-written sentences): Palestinian outlets call Israel's forces "occupation
forces" and its settlers "colonists"; a force's country is whose force it is, not where it acts."""


from actor_reading import actor1s, actor_spans


def test_occupation_forces_in_palestinian_news_are_israels(annotate):
    got = actor1s(annotate, "Occupation forces raided the town of Qabatiya, south of Jenin, at dawn on Wednesday "
                            "and detained four young men.")
    assert got and got[0] == "Military Forces of Israel"
    assert "Military Forces of Palestine" not in got


def test_colonists_in_palestinian_news_are_israeli_settlers(annotate):
    got = actor1s(annotate, "Colonists burned olive trees and two cars in the village of Sinjil, north of Ramallah, "
                            "on Thursday night.")
    assert got and got[0] == "Settlers (Israel)"


def test_bare_settlers_keep_their_subject(annotate):
    got = actor1s(annotate, "Settlers set fire to three cars in the village of Qaryut, south of Nablus, late Friday.")
    assert got and got[0] == "Settlers (Israel)"


def test_israeli_settlers_anywhere_are_settlers_not_the_army(annotate):
    spans = actor_spans(annotate, "Israeli settlers stoned Palestinian cars near Hebron on Sunday, wounding a child.")
    assert spans.get("Israeli settlers") == "Settlers (Israel)"


def test_settlers_elsewhere_are_not_israels(annotate):
    # a local name holds only in the news of the countries it is local to
    spans = actor_spans(annotate, "Armed settlers attacked herders near Jos in Plateau State, Nigeria, on Monday, "
                                  "killing six people.")
    assert "Settlers (Israel)" not in spans.values()


def test_occupation_forces_elsewhere_are_not_israels(annotate):
    spans = actor_spans(annotate, "The occupation forces left the Ruhr in 1925, a historian in Essen, Germany, said.")
    assert "Military Forces of Israel" not in spans.values()


def test_lookup_of_a_local_name_needs_its_country():
    from eventwire.nlp.actors import lookup_actor

    assert lookup_actor("occupation forces", "PS").name == "Military Forces of Israel"
    assert lookup_actor("colonists", "PS").name == "Settlers (Israel)"
    a = lookup_actor("colonists", "NG")
    assert a is None or a.name != "Settlers (Israel)"



def test_occupiers_in_ukrainian_news_are_russias_forces(annotate):
    # the force belongs to the country whose force it is, not to the country of the place it shells
    got = actor1s(annotate, "ZAPORIZHZHIA, Ukraine — The occupiers shelled a village in the Vasylivka district of "
                            "Zaporizhzhia region overnight, wounding an elderly woman, the regional governor said.")
    assert got and got[0] == "Military Forces of Russia"
    assert "Military Forces of Ukraine" not in got


def test_one_local_name_two_forces_by_the_story_country():
    from eventwire.nlp.actors import lookup_actor

    assert lookup_actor("occupation forces", "UA").name == "Military Forces of Russia"
    assert lookup_actor("occupation forces", "PS").name == "Military Forces of Israel"
    a = lookup_actor("occupiers", "FR")
    assert a is None or a.kind != "state forces"


def test_the_enemy_of_lebanese_and_iranian_outlets_is_israels_military(annotate):
    # an outlet's name for the other side's force: the force is whose it is, not the place's country
    got = actor1s(annotate, "The Zionist enemy shelled the outskirts of the border village of Aitaroun in south "
                            "Lebanon on Wednesday, wounding a shepherd.")
    assert got and got[0] == "Military Forces of Israel", got


def test_a_countrys_only_jihadist_insurgency_is_named_by_its_kind(annotate):
    from actor_reading import actor1s

    got = actor1s(annotate, "Jihadist militants attacked a village in Cabo Delgado province, "
                            "Mozambique, on Friday, killing three farmers, a district official said.")
    assert got and got[0] == "Islamic State Mozambique Province", got


def test_angolas_separatist_rebels_are_flec(annotate):
    from actor_reading import actor1s

    got = actor1s(annotate, "Cabindan separatists attacked a police post in Cabinda province, Angola, on Monday.")
    assert got and got[0].startswith("FLEC-FAC"), got


def test_islamist_militants_elsewhere_stay_unnamed(annotate):
    from actor_reading import actor1s

    got = actor1s(annotate, "Islamist militants killed five soldiers in an ambush near Gao, Mali, on Sunday.")
    assert got and got[0] != "Islamic State Mozambique Province", got
