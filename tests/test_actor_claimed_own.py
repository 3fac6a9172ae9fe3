"""A named group that tells of its own members' act claims the happening (hand-written sentences):
"X said its fighters had killed 12 soldiers" names the doer of what unnamed rebels did (issue #11)."""

from actor_reading import actor1s

FLEC = "FLEC-FAC - Front for the Liberation of the Enclave of Cabinda"


def test_its_fighters_are_the_speakers_own(annotate):
    got = actor1s(annotate, "Gunmen ambushed an army patrol in Cabinda, Angola, on Tuesday, the army said. The "
                            "FLEC-FAC said its fighters had killed 12 soldiers.")
    assert got and all(a == FLEC for a in got), got


def test_their_men_carried_out_the_attack(annotate):
    got = actor1s(annotate, "Insurgents ambushed a police convoy in Borno state, Nigeria, on Friday. Boko Haram "
                            "said in a video that its men carried out the attack.")
    assert got and got[0] == "Boko Haram", got


def test_killed_soldiers_in_the_attack(annotate):
    got = actor1s(annotate, "Suspected rebels stormed a military post in northern Mozambique on Monday, officials "
                            "said. Islamic State said its fighters had killed 10 soldiers in the attack.")
    # (in Mozambique the Islamic State acts through its Mozambique Province, as ACLED codes it)
    assert got and got[0] == "Islamic State Mozambique Province", got


def test_an_army_telling_of_its_troops_claims_nothing_for_rebels(annotate):
    got = actor1s(annotate, "Gunmen attacked a village near Gao, Mali, on Sunday, residents said. The army said "
                            "its troops had killed five of the attackers.")
    assert got and got[0] == "Unidentified Armed Group (Mali)", got


def test_a_group_denying_its_fighters_did_it_claims_nothing(annotate):
    got = actor1s(annotate, "Insurgents ambushed a police convoy in Borno state, Nigeria, on Friday. Boko Haram "
                            "denied that its men had carried out the attack.")
    assert got and got[0] != "Boko Haram", got
