"""Doers the text does not see (hand-written sentences): a device's unknown layer, "someone" who
opened fire, and the story's subject that the parser hangs on a dateline."""

from actor_reading import actor1s, actor_spans


def test_a_landmine_nobody_laid_is_an_unidentified_armed_group(annotate):
    got = actor1s(annotate, "A landmine exploded under a minibus near a village in Kandahar, Afghanistan, on "
                            "Monday, killing four passengers, officials said.")
    assert got and got[0] == "Unidentified Armed Group (Afghanistan)", got


def test_a_named_layer_is_kept(annotate):
    got = actor1s(annotate, "Al-Shabaab fighters detonated a roadside bomb near a convoy outside Baidoa, Somalia, "
                            "on Monday, killing three soldiers.")
    assert got and not got[0].startswith("Unidentified"), got


def test_someone_who_opens_fire_is_an_unidentified_armed_group(annotate):
    got = actor1s(annotate, "Two people were killed and four wounded when someone opened fire at a birthday party "
                            "in Tulsa, Oklahoma, early Sunday.")
    assert got and got[0] == "Unidentified Armed Group (United States)", got


def test_someone_shot_is_no_doer(annotate):
    got = actor1s(annotate, "Police shot someone who was carrying a rifle outside a mall in Tulsa, Oklahoma, "
                            "on Sunday.")
    assert got and got[0] == "Police Forces of the United States", got


def test_the_subject_after_a_dateline_country_is_the_doer(annotate):
    got = actor1s(annotate, "BENGHAZI, Libya - The Libyan National Army (LNA) shelled positions of a rival "
                            "militia south of Sirte on Friday, killing two fighters, a spokesman said.")
    assert got and got[0] == "LNA - Libyan National Army", got


def test_the_dateline_country_is_no_part_of_a_name(annotate):
    doc = annotate("PORT MORESBY, Papua New Guinea - Tribal fighting near Mendi has killed nine people, "
                   "police said on Friday.", published="2024-06-03")
    assert not any("Fighting" in e.text or "Tribal" in e.text for e in doc.ents if e.label_ == "GPE"), doc.ents
    assert any(e.text == "Papua New Guinea" and e.label_ == "GPE" for e in doc.ents), doc.ents


def test_named_clans_are_clan_militias_of_the_country(annotate):
    spans = actor_spans(annotate, "Fighting between the Yambu and Kopa clans near Wabag in Papua New Guinea has "
                                  "killed 12 people this week, police said.")
    names = set(spans.values())
    assert "Yambu Clan Militia (Papua New Guinea)" in names and "Kopa Clan Militia (Papua New Guinea)" in names, spans


def test_a_clan_attack_has_the_clan_as_doer(annotate):
    got = actor1s(annotate, "Members of the Yambu clan attacked a village near Wabag in Papua New Guinea on Monday, "
                            "killing four people.")
    assert got and got[0] == "Yambu Clan Militia (Papua New Guinea)", got


def test_intelligence_agents_are_state_forces(annotate):
    got = actor1s(annotate, "Intelligence agents arrested a student activist at her home in Mashhad, Iran, "
                            "on Tuesday, her family said.")
    assert got and got[0] == "Police Forces of Iran", got


def test_gunmen_who_belonged_to_a_named_group_are_that_group(annotate):
    got = actor1s(annotate, "Five farmers were killed near Maiduguri, Nigeria, on Monday by gunmen who residents "
                            "said belonged to Boko Haram.")
    assert got and got[0] == "Boko Haram", got


def test_gunmen_of_no_named_group_stay_unidentified(annotate):
    got = actor1s(annotate, "Gunmen who belonged to no known group killed five farmers near Maiduguri, Nigeria, "
                            "on Monday.")
    assert got and got[0] == "Unidentified Armed Group (Nigeria)", got


def test_unnamed_clan_militiamen_are_an_unidentified_clan_militia(annotate):
    got = actor1s(annotate, "Clan militiamen raided a village near Beledweyne in Somalia on Monday, killing three "
                            "herders.")
    assert got and got[0] == "Unidentified Clan Militia (Somalia)", got


def test_clan_elders_are_no_militia(annotate):
    spans = actor_spans(annotate, "Clan elders met the governor in Beledweyne, Somalia, on Monday to end a feud.")
    assert not any("Clan Militia" in v for v in spans.values()), spans
