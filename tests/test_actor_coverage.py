"""Groups of the main conflicts the table names, and "suspected X" read as X (hand-written
sentences and names)."""
import pytest

from eventwire.nlp.actors import lookup_actor


@pytest.mark.parametrize("text,name", [
    ("Afghanistan Freedom Front", "AFF - Afghanistan Freedom Front"),
    ("Shan State Army-North", "SSPP - Shan State Progress Party"),
    ("Restoration Council of Shan State", "RCSS - Restoration Council of Shan State"),
    ("Nduma Defence of Congo-Renove", "NDC-R - Nduma Defence of Congo-Renove"),
    ("Mobondo militiamen", "Mobondo Militia"),
    ("Los Pachenca", "ACSN - Self-Defense Conquistadores of the Sierra Nevada"),
    ("United Liberation Front of Asom", "ULFA-I - United Liberation Front of Asom (Independent)"),
    ("Fatemiyoun Brigade", "Liwa Fatemiyoun"),
    ("Mara Salvatrucha", "MS-13: Mara Salvatrucha"),
    ("Rapid Intervention Battalion", "Military Forces of Cameroon"),
])
def test_main_conflict_groups_are_named(text, name):
    got = lookup_actor(text)
    assert got is not None and got.name == name


def test_named_militia_added_keeps_its_bare_name(annotate):
    doc = annotate("Mobondo militiamen killed six villagers near Kwamouth in Mai-Ndombe province of Congo on "
                   "Sunday.", published="2024-06-10")
    got = [m.actor1.name for m in doc._.mentions if m.actor1]
    assert got and got[0] == "Mobondo Militia"


@pytest.mark.parametrize("text,name", [
    ("Suspected Boko Haram militants killed nine farmers near Maiduguri on Sunday.", "Boko Haram"),
    ("Militants suspected to be from Boko Haram killed nine farmers near Maiduguri on Sunday.", "Boko Haram"),
])
def test_suspected_group_is_the_group(annotate, text, name):
    doc = annotate(text, published="2024-06-10")
    got = [m.actor1.name for m in doc._.mentions if m.actor1]
    assert got and got[0] == name


def test_serb_is_a_demonym_of_serbia(annotate):
    doc = annotate("Serb forces shelled a village near Presevo in southern Serbia on Friday, killing two farmers.",
                   published="1999-06-10")
    got = [m.actor1.name for m in doc._.mentions if m.actor1]
    assert got and got[0] == "Military Forces of Serbia"


def test_a_people_of_another_country_is_not_that_states_army(annotate):
    # "Bosnian Serb forces": Serbs of Bosnia, not Serbia's military
    doc = annotate("Bosnian Serb forces shelled Gorazde on Friday, killing two civilians.", published="1994-04-10")
    got = [m.actor1.name for m in doc._.mentions if m.actor1]
    assert got and got[0] != "Military Forces of Serbia"


def test_armed_noun_ending_the_text(annotate):
    # a member noun as the last token: the tie to a group after it must not read past the end
    doc = annotate("Soldiers clashed with suspected militants", published="2024-06-10")
    assert doc is not None
