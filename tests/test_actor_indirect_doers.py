"""Doers the text tells indirectly or not at all (hand-written sentences, none from any evaluation set).

- a fight told as the phrase a death happened "in" ("killed in an encounter with X"): X is a side;
- a fight a state force tells of its own armed dead: the force is the other side;
- India's police units by their short names (CRPF, DRG, STF) are its police; "Maoist" cadres the CPI (Maoist);
- a grenade gone off with no doer told: the country's unidentified armed group (ACLED's convention);
- a hand weapon drawn ("someone pulled a gun") is its use: the unknown drawer is an unidentified armed actor;
- a force that regained a place "after" others seized it: the force's own act, the others only its time.
"""

import pytest


def _read(annotate, text):
    doc = annotate(text, published="2024-06-03")
    return [(m.event_type, m.sub_event_type, m.actor1.name if m.actor1 else None,
             m.actor2.name if m.actor2 else None) for m in doc._.mentions]


def _sides(got, et):
    return [{a1, a2} for t, _, a1, a2 in got if t == et]


@pytest.mark.parametrize("text, sides", [
    ("Four Maoist insurgents were killed in an encounter with security forces in the jungles of Gadchiroli "
     "district in Maharashtra on Thursday.", {"CPI (Maoist)", "Military Forces of India"}),
    ("Three Naxals were shot dead in an exchange of fire with a team of the CRPF in Sukma district of "
     "Chhattisgarh early on Monday.", {"CPI (Maoist)", "Police Forces of India"}),
    ("Two Maoists died in a gunfight with a joint team of the STF and DRG in Kandhamal district of Odisha "
     "on Saturday, an officer said.", {"CPI (Maoist)", "Police Forces of India"}),
])
def test_a_death_in_a_fight_with_a_force_has_both_sides(annotate, text, sides):
    got = _sides(_read(annotate, text), "Battles")
    assert got and got[0] == sides, got


@pytest.mark.parametrize("text, force", [
    ("Police said two militants were killed in an encounter in Anantnag district of Jammu and Kashmir on Sunday.",
     "Police Forces of India"),
    ("Five insurgents were killed in a firefight in the Tirah valley of Khyber district on Wednesday, the "
     "Pakistani military said.", "Military Forces of Pakistan"),
    ("The Nigerian army said nine bandits died in a gun battle near Tsafe in Zamfara state on Tuesday.",
     "Military Forces of Nigeria"),
])
def test_a_force_telling_of_its_fight_with_the_dead_is_a_side(annotate, text, force):
    got = [(a1, a2) for t, _, a1, a2 in _read(annotate, text) if t == "Battles"]
    assert got and got[0][0] is not None and force in got[0], got


def test_no_teller_no_side(annotate):
    # a fight told by residents, or by no one, names no force
    got = _read(annotate, "Residents said three militants were killed in a clash in Baramulla district of "
                          "Jammu and Kashmir on Friday.")
    assert all("Police Forces of India" not in (a1, a2) and "Military Forces of India" not in (a1, a2)
               for _, _, a1, a2 in got), got


@pytest.mark.parametrize("text, label", [
    ("A hand grenade exploded in the stairwell of an apartment block in Orebro, Sweden, late on Tuesday, "
     "police said.", "Unidentified Armed Group (Sweden)"),
    ("A grenade exploded outside a nightclub in Heraklion, Greece, before dawn on Sunday, shattering windows.",
     "Unidentified Armed Group (Greece)"),
    ("A grenade blast damaged the entrance of a shop in Copenhagen, Denmark, overnight, police said.",
     "Unidentified Armed Group (Denmark)"),
])
def test_a_grenade_with_no_doer_is_an_unidentified_armed_group(annotate, text, label):
    got = [a1 for t, _, a1, _ in _read(annotate, text) if t == "Explosions/Remote violence"]
    assert got and got[0] == label, got


@pytest.mark.parametrize("text, label", [
    ("A man was shot dead outside a bar in Toledo, Ohio, early Saturday after someone pulled a gun during "
     "a fight, police said.", "Unidentified Armed Group (United States)"),
    ("A bouncer was shot and wounded outside a nightclub in Memphis, Tennessee, on Sunday after somebody "
     "drew a pistol in the parking lot, police said.", "Unidentified Armed Group (United States)"),
    ("A customer was stabbed outside a pub in Leeds, England, after someone pulled out a knife during an "
     "argument, police said.", "Unidentified Armed Group (United Kingdom)"),
])
def test_someone_drawing_a_weapon_is_an_unidentified_armed_actor(annotate, text, label):
    got = [a1 for t, _, a1, _ in _read(annotate, text) if t in ("Battles", "Violence against civilians")]
    assert got and got[0] == label, got


@pytest.mark.parametrize("text, force", [
    ("The Malian army said on Friday it had regained control of Boulkessi, a week after jihadists seized "
     "the camp.", "Military Forces of Mali"),
    ("Burkina Faso's army said it recaptured the town of Solenzo on Monday, days after insurgents overran it.",
     "Military Forces of Burkina Faso"),
    ("Somalia's military said it had retaken the district of Adan Yabaal after al-Shabaab fighters captured "
     "it last month.", "Military Forces of Somalia"),
])
def test_a_force_regaining_a_place_after_others_seized_it_is_the_doer(annotate, text, force):
    got = [a1 for t, sub, a1, _ in _read(annotate, text) if sub == "Government regains territory"]
    assert got and got[0] == force, got
