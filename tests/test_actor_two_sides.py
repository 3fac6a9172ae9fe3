"""Both sides of a fight, a group's own name, and a force's country (hand-written sentences, issue #11).

- A fight told with a symmetric word ("a gunfight with police", "exchanged fire with X") has two sides:
  whoever it was "with" fought it too, so a fight whose other side only undergoes it still has actor1.
- "The Al-Qaeda-linked Group for ... (X)" or "the Islamic State group" names its own group: the noun
  "group" there refers back to no group told before.
- A bureau's dateline ("NAIROBI, Kenya (AFP) -") names where the reporter files from: a force told
  without a country belongs to the happening's country, even when the header names its own.
"""

from actor_reading import actor1s


def _sides(annotate, text):
    doc = annotate(text, published="2024-06-03")
    return [(m.actor1.name if m.actor1 else None, m.actor2.name if m.actor2 else None) for m in doc._.mentions]


# --- 1. both sides of a symmetric fight ---

def test_dead_of_a_gunfight_with_police_fought_the_police(annotate):
    got = _sides(annotate, "Four members of the Barrio 18 gang died in a gunfight with police in Villa Nueva, "
                           "Guatemala, on Sunday.")
    assert got and set(got[0]) == {"Police Forces of Guatemala", "Barrio 18"}, got


def test_soldiers_killed_in_a_firefight_with_rebels(annotate):
    got = _sides(annotate, "Two soldiers were killed in a firefight with Houthi rebels near Marib, Yemen, on Sunday.")
    assert got and set(got[0]) == {"Houthi Movement", "Military Forces of Yemen"}, got


def test_officers_killed_in_a_shootout_with_militants(annotate):
    got = _sides(annotate, "Two Kenyan police officers were killed in a gunfight with al-Shabaab militants near "
                           "Mandera on Tuesday.")
    assert got and set(got[0]) == {"Al Shabaab", "Police Forces of Kenya"}, got


def test_who_exchanges_fire_fights(annotate):
    got = actor1s(annotate, "Police exchanged fire with gang members in Port-au-Prince, Haiti, on Monday.")
    assert got and got[0] == "Police Forces of Haiti", got


def test_a_fight_with_a_side_named_by_its_doer_keeps_its_order(annotate):
    got = _sides(annotate, "Al-Shabaab fighters fought with the army near Baidoa, Somalia, on Tuesday.")
    assert got and got[0] == ("Al Shabaab", "Military Forces of Somalia"), got


def test_members_of_a_named_gang_are_that_gang(annotate):
    got = _sides(annotate, "Six suspected members of the Barrio 18 gang were killed in a shootout with troops "
                           "near Zacatecoluca, El Salvador, on Friday.")
    assert got and set(got[0]) == {"Barrio 18", "Military Forces of El Salvador"}, got


# --- 2. a group's own name is no reference back ---

def test_a_claimer_whose_name_ends_in_group_is_not_an_earlier_group(annotate):
    got = actor1s(annotate, "Gunmen attacked a post of the Volunteers for the Defence of the Homeland near Djibo, "
                            "Burkina Faso, on Monday. The Al-Qaeda-linked Group for the Support of Islam and Muslims "
                            "(JNIM) claimed the attack in a statement.")
    assert got and all(a == "JNIM - Group for Support of Islam and Muslims" for a in got), got


def test_the_islamic_state_group_claiming_is_the_islamic_state(annotate):
    got = actor1s(annotate, "Militants stormed a police post held by Kurdish fighters of the YPG near Raqqa, Syria, "
                            "on Monday. The Islamic State group claimed the attack.")
    assert got and got[0] != "YPG: People's Protection Units" and "Islamic State" in (got[0] or ""), got


def test_a_claim_names_the_doer_not_the_target(annotate):
    got = actor1s(annotate, "Gunmen attacked an army checkpoint near Menaka, Mali, on Friday, killing four "
                            "soldiers. The Islamic State Sahel Province claimed the attack on the checkpoint.")
    assert got and got[0] == "Islamic State Sahel Province", got


# --- 3. the happening's country, not the bureau's ---

def test_police_in_a_neighbours_capital_are_its_police(annotate):
    got = _sides(annotate, "NAIROBI, Kenya (AFP) - Police fired tear gas at hundreds of opposition supporters in "
                           "Kampala on Tuesday, witnesses said.")
    assert got and "Police Forces of Uganda" in got[0] and "Police Forces of Kenya" not in got[0], got


def test_soldiers_near_a_neighbours_town_are_its_soldiers(annotate):
    got = actor1s(annotate, "DAKAR, Senegal (AFP) - Soldiers clashed with jihadists near Gao in northern Mali on "
                            "Thursday, the army said.")
    assert got and got[0] == "Military Forces of Mali", got


def test_a_header_without_a_country_still_gives_the_place(annotate):
    got = actor1s(annotate, "JOHANNESBURG (Reuters) - Police in Harare arrested 14 activists on Monday, a rights "
                            "group said.")
    assert got and got[0] == "Police Forces of Zimbabwe", got


def test_the_state_leads_only_when_it_started_the_fight(annotate):
    # the troops are only who the rebels fought "with": the armed group leads, the state is the other side
    got = _sides(annotate, "Five ELN rebels were killed in a clash with Colombian troops in Arauca on Friday.")
    assert got and got[0] == ("ELN - National Liberation Army", "Military Forces of Colombia"), got
