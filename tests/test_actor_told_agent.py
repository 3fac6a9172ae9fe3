"""An unidentified attacker named later by a passive's by-agent (hand-written sentences): "the
ambush was carried out by X" tells the happening again (definite subject) and names its doer."""

from actor_reading import actor1s


def test_carried_out_by_a_unit_of_a_named_group(annotate):
    got = actor1s(annotate, "Gunmen ambushed a police patrol on Tuesday near Ayacucho, killing two officers. "
                            "According to the police, the ambush was carried out by a unit of the Shining Path.")
    assert got and got[0] == "Shining Path (Sendero Luminoso)", got


def test_claimed_by_a_named_group_in_the_passive(annotate):
    got = actor1s(annotate, "Suspected militants raided a military post near Kidal on Sunday, killing four "
                            "soldiers. The raid was claimed by JNIM, a spokesman said.")
    assert got and got[0].startswith("JNIM"), got


def test_committed_by_fighters_of_a_named_group_after_a_report_verb(annotate):
    got = actor1s(annotate, "Unknown attackers stormed a village in Borno state on Friday, killing twelve "
                            "people. Officials said the massacre was committed by fighters of ISWAP.")
    assert got and got[0] == "Islamic State West Africa Province (ISWAP)", got


def test_a_new_indefinite_happening_names_no_doer_of_the_first(annotate):
    got = actor1s(annotate, "Gunmen ambushed a police patrol on Tuesday near Ayacucho, killing two officers. "
                            "Last year an ambush was carried out by a unit of the Shining Path in the same valley.")
    assert got and got[0].startswith("Unidentified Armed Group"), got


# The happening's victims as the passive's subject name its doer in the by-agent too.

def test_victims_hacked_and_shot_by_fighters_of_a_group(annotate):
    got = actor1s(annotate, "Unknown attackers raided the village of Kasindi on Saturday night, killing seven "
                            "people. Officials said the victims were hacked with machetes and shot by fighters "
                            "of the ADF.")
    assert got and got[0] == "ADF - Allied Democratic Forces", got


def test_victims_had_been_shot_by_members_of_a_group(annotate):
    got = actor1s(annotate, "At least nine people died in an attack on a market in Menaka on Sunday. According "
                            "to the governor, the victims had been shot by members of the Islamic State in the Sahel.")
    assert got and got[0] == "Islamic State Sahel Province", got


def test_victims_with_an_apposition_killed_by_militiamen(annotate):
    got = actor1s(annotate, "The death toll from Friday's raid on a camp for displaced people near Djugu has "
                            "risen to twelve. A local official said the victims, among them four children, were "
                            "killed by CODECO militiamen.")
    assert got and got[0].startswith("CODECO"), got


def test_victims_taken_away_by_a_non_party_name_no_doer(annotate):
    got = actor1s(annotate, "Unknown attackers raided the village of Kasindi on Saturday night, killing seven "
                            "people. The victims were taken to Beni by the Red Cross.")
    assert got and got[0].startswith("Unidentified Armed Group"), got
